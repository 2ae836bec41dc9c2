using DigestBot.Editions;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Store;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Store;

/// <summary>
/// Every store query the application makes, run unchanged against every storage provider (<see cref="SqliteStoreTests"/>,
/// <see cref="PostgresStoreTests"/>): claims, leases, batches and recorded content here; subscribers, ledgers, status
/// queries and settings in the other parts. Several <see cref="NodeIdentity"/> instances stand for several worker
/// processes sharing one database.
/// </summary>
public abstract partial class StoreContractTests() : MigratedDatabaseTests("store")
{
    private static readonly DateTimeOffset Slot = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>Leases run out on the database's clock, not on <see cref="Clock"/>: tests of expiry wait for a short one.</summary>
    private static readonly TimeSpan ShortLease = TimeSpan.FromSeconds(1);

    protected FakeTimeProvider Clock { get; } = new(Slot);


    [SkippableFact]
    public async Task MigrateAsync_runAgain_appliesNothingTwice()
    {
        await new Migrator(Db, NullLogger<Migrator>.Instance).MigrateAsync();

        await using var connection = await Db.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM schema_migrations";
        Assert.Equal(Migrator.Scripts().Count(), Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [SkippableFact]
    public async Task MigrateAsync_threeNodesStartingTogether_allSucceedAndApplyOnce()
    {
        _ = Db;
        var (options, _) = await StorageAsync();
        var fresh = new Database(Microsoft.Extensions.Options.Options.Create(options!), new HostingEnvironment { ContentRootPath = Root });

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => new Migrator(fresh, NullLogger<Migrator>.Instance).MigrateAsync())));

        await using var connection = await fresh.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM schema_migrations";
        Assert.Equal(Migrator.Scripts().Count(), Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [SkippableFact]
    public async Task ClaimAsync_sameSlotFromSecondNode_secondOwnsNothing()
    {
        var first = await Editions(new NodeIdentity()).ClaimAsync("daily", Slot, Lease);
        var second = await Editions(new NodeIdentity()).ClaimAsync("daily", Slot, Lease);

        Assert.True(first.IsNew && first.Owned);
        Assert.False(second.IsNew);
        Assert.False(second.Owned);
        Assert.Equal(first.EditionId, second.EditionId);
    }

    [SkippableFact]
    public async Task ClaimAsync_sameNodeAgainWhileItsLeaseLives_secondRunOwnsNothing()
    {
        var node = Editions(new NodeIdentity());

        var first = await node.ClaimAsync("daily", Slot, Lease);
        var second = await node.ClaimAsync("daily", Slot, Lease);

        Assert.True(first.Owned);
        Assert.False(second.Owned);
    }

    [SkippableFact]
    public async Task ClaimAsync_manyNodesAtOnce_exactlyOneOwns()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Editions(new NodeIdentity()).ClaimAsync("daily", Slot, Lease))));

        Assert.Single(claims, c => c.IsNew);
        Assert.Single(claims, c => c.Owned);
    }

    [SkippableFact]
    public async Task ClaimAsync_ownerLeaseRanOut_anotherNodeTakesOver()
    {
        var dead = Editions(new NodeIdentity());
        await dead.ClaimAsync("daily", Slot, ShortLease);
        var survivor = Editions(new NodeIdentity());

        var early = await survivor.ClaimAsync("daily", Slot, Lease);
        var late = await UntilLeaseRunsOutAsync(() => survivor.ClaimAsync("daily", Slot, Lease), c => c.Owned);

        Assert.False(early.Owned);
        Assert.True(late.Owned);
        Assert.False(await dead.RenewLeaseAsync(late.EditionId, Lease));
        Assert.Empty(await survivor.OrphanedAsync());
    }

    [SkippableFact]
    public async Task ClaimAsync_finishedEdition_isNeverTakenOver()
    {
        var owner = Editions(new NodeIdentity());
        var claim = await owner.ClaimAsync("daily", Slot, Lease);
        await owner.CompleteAsync(claim.EditionId, EditionStatus.Sent, new EditionTotals(3, 0, 1), null);
        Clock.Advance(TimeSpan.FromHours(1));

        var again = await Editions(new NodeIdentity()).ClaimAsync("daily", Slot, Lease);

        Assert.True(again.IsFinished);
        Assert.False(again.Owned);
        Assert.Equal(Slot, await owner.LastCompletedSlotAsync("daily"));
    }

    [SkippableFact]
    public async Task ReleaseLeaseAsync_gracefulStop_editionIsResumableAtOnce()
    {
        var owner = Editions(new NodeIdentity());
        var claim = await owner.ClaimAsync("daily", Slot, Lease);

        await owner.ReleaseLeaseAsync(claim.EditionId);

        var orphan = Assert.Single(await owner.OrphanedAsync());
        Assert.Equal(("daily", Slot), (orphan.DigestId, orphan.Slot));
        Assert.True((await Editions(new NodeIdentity()).ClaimAsync("daily", Slot, Lease)).Owned);
    }

    [SkippableFact]
    public async Task StartDeliveryAsync_batchesOfTen_coverEverySubscriberExactlyOnce()
    {
        var emails = await AddSubscribersAsync(25);
        var digest = await StartAsync();
        var node = Batches(new NodeIdentity());

        var seen = new List<string>();
        while (await node.ClaimNextAsync(digest.EditionId, Lease) is { } batch)
        {
            await foreach (var s in new SubscriberStore(Db, Clock).StreamActiveRangeAsync(batch.AfterEmail, batch.LastEmail, pageSize: 4))
            {
                seen.Add(s.Email);
            }

            await node.CompleteAsync(batch);
        }

        Assert.Equal(emails.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Equal(0, await node.RemainingAsync(digest.EditionId));
    }

    [SkippableFact]
    public async Task ClaimNextAsync_nodesRacing_eachBatchClaimedOnce()
    {
        await AddSubscribersAsync(60);
        var digest = await StartAsync(batchSize: 5);

        var claimed = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var node = Batches(new NodeIdentity());
            var mine = new List<int>();
            while (await node.ClaimNextAsync(digest.EditionId, Lease) is { } batch)
            {
                mine.Add(batch.BatchNo);
            }

            return mine;
        })));

        var all = claimed.SelectMany(c => c).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(13, all.Count);
    }

    [SkippableFact]
    public async Task ClaimNextAsync_batchLeaseRanOut_anotherNodeReclaimsIt()
    {
        await AddSubscribersAsync(3);
        var digest = await StartAsync();
        var dead = Batches(new NodeIdentity());
        var taken = await dead.ClaimNextAsync(digest.EditionId, ShortLease);
        var survivor = Batches(new NodeIdentity());

        var whileAlive = await survivor.ClaimNextAsync(digest.EditionId, Lease);
        await UntilLeaseRunsOutAsync(() => survivor.EditionsWithClaimableBatchesAsync(), ids => ids.Contains(digest.EditionId));
        var afterDeath = await survivor.ClaimNextAsync(digest.EditionId, Lease);

        Assert.NotNull(taken);
        Assert.Null(whileAlive);
        Assert.Equal(taken.BatchNo, afterDeath?.BatchNo);
        Assert.False(await dead.RenewAsync(taken, Lease));
    }

    [SkippableFact]
    public async Task StartDeliveryAsync_articleRecordedByAnotherEdition_recordsNothing()
    {
        await AddSubscribersAsync(3);
        var first = await StartAsync();
        var nextSlot = Slot.AddDays(1);
        var claim = await Editions(new NodeIdentity()).ClaimAsync("daily", nextSlot, Lease);
        var same = first with { EditionId = claim.EditionId, ScheduledFor = nextSlot };
        var contents = new EditionContentStore(Db);

        var recorded = await contents.StartDeliveryAsync(same, 10);

        Assert.False(recorded);
        Assert.Null(await contents.LoadAsync(claim.EditionId));
        Assert.Equal(0, await Batches(new NodeIdentity()).RemainingAsync(claim.EditionId));
        Assert.Equal(EditionStatus.Claimed, (await Editions(new NodeIdentity()).ClaimAsync("daily", nextSlot, Lease)).Status);
    }

    [SkippableFact]
    public async Task StartDeliveryAsync_sameEditionAgain_recordsIt()
    {
        var digest = await StartAsync();

        Assert.True(await new EditionContentStore(Db).StartDeliveryAsync(digest, 10));
    }

    [SkippableFact]
    public async Task LoadAsync_afterStartDelivery_returnsTheRecordedDigest()
    {
        var digest = await StartAsync();

        var loaded = await new EditionContentStore(Db).LoadAsync(digest.EditionId);

        Assert.NotNull(loaded);
        Assert.Equal(digest.EditionId, loaded.EditionId);
        Assert.Equal(digest.GeneratedAt, loaded.GeneratedAt);
        var item = Assert.Single(Assert.Single(loaded.Sections).Items);
        Assert.Equal("Booster lands", item.Article.Title);
        Assert.Equal(["launch", "spacex"], item.Article.Categories);
        Assert.Equal(digest.Sections[0].Items[0].Article.Published, item.Article.Published);
        var claim = await Editions(new NodeIdentity()).ClaimAsync("daily", Slot, Lease);
        Assert.True(claim.HasContent);
    }

    private EditionStore Editions(NodeIdentity node) => new(Db, Clock, node);

    /// <summary>Asks again until the answer is the expected one, for at most a few short leases.</summary>
    private static async Task<T> UntilLeaseRunsOutAsync<T>(Func<Task<T>> ask, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + (ShortLease * 10);
        while (true)
        {
            var answer = await ask();
            if (done(answer))
            {
                return answer;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the lease of {ShortLease} did not run out in ten times that");
            await Task.Delay(50);
        }
    }

    private EmailBatchStore Batches(NodeIdentity node) => new(Db, Clock, node);

    private async Task<List<string>> AddSubscribersAsync(int count)
    {
        var store = new SubscriberStore(Db, Clock);
        var emails = Enumerable.Range(0, count).Select(i => $"reader{i:D3}@example.org").ToList();
        foreach (var email in emails)
        {
            await store.AddIfMissingAsync(new Subscriber(email, null, [], [], SubscriberStatus.Active));
        }

        await store.AddIfMissingAsync(new Subscriber("gone@example.org", null, [], [], SubscriberStatus.Unsubscribed));
        return emails;
    }

    private async Task<Digest> StartAsync(int batchSize = 10)
    {
        var claim = await Editions(new NodeIdentity()).ClaimAsync("daily", Slot, Lease);
        var article = new Article
        {
            Id = "a1", SourceId = "wire", SectionId = "space", Title = "Booster lands", Link = "https://example.org/a1",
            Published = Slot.AddHours(-2), Categories = ["launch", "spacex"],
        };
        var digest = new Digest("daily", "Daily", claim.EditionId, Slot, Clock.GetUtcNow(),
            [new SectionDigest("space", "Space", [new DigestItem(article, "It landed.", 1.5)], "One story.")]);
        Assert.True(await new EditionContentStore(Db).StartDeliveryAsync(digest, batchSize));
        return digest;
    }
}
