using System.Diagnostics;
using DigestBot.Editions;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Store;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace DigestBot.Tests.Editions;

/// <summary>
/// Two nodes on one database whose clocks are 20 minutes apart (one 10 minutes ahead, one 10 minutes behind), run on
/// every storage provider (<see cref="SqliteLeaseClockTests"/>, <see cref="PostgresLeaseClockTests"/>). Whoever holds a
/// live lease keeps it, and a lease nobody renews runs out after its length on the database's clock.
/// </summary>
public abstract class LeaseClockContractTests() : MigratedDatabaseTests("leases")
{
    private static readonly DateTimeOffset Slot = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan LongLease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ShortLease = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    // The database's millisecond clock against this process's stopwatch, started just after the claim returned.
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(100);

    [SkippableFact]
    public async Task ClaimAsync_fastClockNodeWhileSlowOwnersLeaseLives_ownsNothing()
    {
        var owner = Editions(SkewedClock.Slow());
        var fast = Editions(SkewedClock.Fast());

        var claim = await owner.ClaimAsync("daily", Slot, LongLease);
        var second = await fast.ClaimAsync("daily", Slot, LongLease);

        Assert.True(claim.Owned);
        Assert.False(second.Owned);
        Assert.Empty(await fast.OrphanedAsync());
        Assert.True(await owner.RenewLeaseAsync(claim.EditionId, LongLease));
    }

    [SkippableFact]
    public async Task RenewLeaseAsync_slowClockOwner_keepsTheEditionPastItsFirstTerm()
    {
        var owner = Editions(SkewedClock.Slow());
        var fast = Editions(SkewedClock.Fast());
        var claim = await owner.ClaimAsync("daily", Slot, ShortLease);

        Assert.True(await owner.RenewLeaseAsync(claim.EditionId, LongLease));
        await Task.Delay(ShortLease + TimeSpan.FromMilliseconds(500));
        var second = await fast.ClaimAsync("daily", Slot, LongLease);

        Assert.True(claim.Owned);
        Assert.False(second.Owned);
        Assert.Empty(await fast.OrphanedAsync());
    }

    [SkippableFact]
    public async Task ClaimAsync_fastClockOwnerStoppedRenewing_slowClockNodeTakesOverAfterTheLease()
    {
        var dead = Editions(SkewedClock.Fast());
        var survivor = Editions(SkewedClock.Slow());
        var claim = await dead.ClaimAsync("daily", Slot, ShortLease);
        var sinceClaim = Stopwatch.StartNew();

        var orphans = await WaitForAsync(() => survivor.OrphanedAsync(), o => o.Count > 0, sinceClaim);
        var takeover = await WaitForAsync(() => survivor.ClaimAsync("daily", Slot, LongLease), c => c.Owned, sinceClaim);

        Assert.True(claim.Owned);
        Assert.Equal(claim.EditionId, Assert.Single(orphans).EditionId);
        Assert.InRange(sinceClaim.Elapsed, ShortLease - Tolerance, Deadline);
        Assert.False(await dead.RenewLeaseAsync(takeover.EditionId, LongLease));
        Assert.Empty(await survivor.OrphanedAsync());
    }

    [SkippableFact]
    public async Task ClaimNextAsync_fastClockNodeWhileSlowOwnersBatchLeaseLives_claimsNothing()
    {
        var editionId = await StartDeliveryAsync();
        var owner = Batches(SkewedClock.Slow());
        var fast = Batches(SkewedClock.Fast());

        var batch = await owner.ClaimNextAsync(editionId, LongLease);
        var second = await fast.ClaimNextAsync(editionId, LongLease);

        Assert.NotNull(batch);
        Assert.Null(second);
        Assert.DoesNotContain(editionId, await fast.EditionsWithClaimableBatchesAsync());
        Assert.True(await owner.RenewAsync(batch, LongLease));
    }

    [SkippableFact]
    public async Task RenewAsync_slowClockBatchOwner_keepsTheBatchPastItsFirstTerm()
    {
        var editionId = await StartDeliveryAsync();
        var owner = Batches(SkewedClock.Slow());
        var fast = Batches(SkewedClock.Fast());
        var batch = await owner.ClaimNextAsync(editionId, ShortLease);

        Assert.NotNull(batch);
        Assert.True(await owner.RenewAsync(batch, LongLease));
        await Task.Delay(ShortLease + TimeSpan.FromMilliseconds(500));

        Assert.Null(await fast.ClaimNextAsync(editionId, LongLease));
        Assert.DoesNotContain(editionId, await fast.EditionsWithClaimableBatchesAsync());
    }

    [SkippableFact]
    public async Task ClaimNextAsync_fastClockHolderStoppedRenewing_slowClockNodeReclaimsAfterTheLease()
    {
        var editionId = await StartDeliveryAsync();
        var dead = Batches(SkewedClock.Fast());
        var survivor = Batches(SkewedClock.Slow());
        var taken = await dead.ClaimNextAsync(editionId, ShortLease);
        var sinceClaim = Stopwatch.StartNew();

        await WaitForAsync(() => survivor.EditionsWithClaimableBatchesAsync(), ids => ids.Contains(editionId), sinceClaim);
        var reclaimed = await WaitForAsync(() => survivor.ClaimNextAsync(editionId, LongLease), b => b is not null, sinceClaim);

        Assert.NotNull(taken);
        Assert.Equal(taken.BatchNo, reclaimed?.BatchNo);
        Assert.InRange(sinceClaim.Elapsed, ShortLease - Tolerance, Deadline);
        Assert.False(await dead.RenewAsync(taken, LongLease));
    }

    private EditionStore Editions(TimeProvider clock) => new(Db, clock, new NodeIdentity());

    private EmailBatchStore Batches(TimeProvider clock) => new(Db, clock, new NodeIdentity());

    /// <summary>Asks until the answer is the one expected; fails the test when <see cref="Deadline"/> passes first.</summary>
    private static async Task<T> WaitForAsync<T>(Func<Task<T>> ask, Func<T, bool> done, Stopwatch since)
    {
        while (true)
        {
            var answer = await ask();
            if (done(answer))
            {
                return answer;
            }

            Assert.True(since.Elapsed < Deadline, $"still not expired {since.Elapsed} after a lease of {ShortLease}");
            await Task.Delay(50);
        }
    }

    /// <summary>An edition with content recorded and its one email batch pending, claimed by a node with a true clock.</summary>
    private async Task<string> StartDeliveryAsync()
    {
        await new SubscriberStore(Db, TimeProvider.System).AddIfMissingAsync(
            new Subscriber("reader@example.org", null, [], [], SubscriberStatus.Active));
        var claim = await Editions(TimeProvider.System).ClaimAsync("daily", Slot, LongLease);
        var article = new Article
        {
            Id = "a1", SourceId = "wire", SectionId = "space", Title = "Booster lands", Link = "https://example.org/a1", Published = Slot.AddHours(-2),
        };
        var digest = new Digest("daily", "Daily", claim.EditionId, Slot, Slot,
            [new SectionDigest("space", "Space", [new DigestItem(article, "It landed.", 1.5)], "One story.")]);
        Assert.True(await new EditionContentStore(Db).StartDeliveryAsync(digest, 10));
        return claim.EditionId;
    }
}
