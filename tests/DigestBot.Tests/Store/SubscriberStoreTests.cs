using DigestBot.Model;
using DigestBot.Store;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Store;

public sealed class SubscriberStoreTests : IAsyncLifetime
{
    private TestApp app = null!;

    private SubscriberStore Store => app.Get<SubscriberStore>();

    public async Task InitializeAsync() => app = await Deliver.Email.EmailTestKit.StartAppAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task UpsertAsync_existingAddress_replacesFieldsAndNormalizesEmail()
    {
        await Store.UpsertAsync(new Subscriber(" Ada@Example.org", "Ada", ["space"], [], SubscriberStatus.Pending, "Europe/Paris"));
        await Store.UpsertAsync(new Subscriber("ada@example.org", "Ada L.", ["energy", "space"], ["daily"], SubscriberStatus.Active, "UTC"));

        var found = await Store.FindAsync("ADA@example.org");

        Assert.NotNull(found);
        Assert.Equal(("ada@example.org", "Ada L.", SubscriberStatus.Active, "UTC"), (found.Email, found.Name, found.Status, found.TimeZone));
        Assert.Equal(["energy", "space"], found.Sections);
        Assert.Equal(["daily"], found.Digests);
    }

    [Fact]
    public async Task AddManyAsync_withoutOverwrite_keepsExistingAndCountsNewOnes()
    {
        await Store.UpsertAsync(new Subscriber("kept@example.org", "Kept", [], [], SubscriberStatus.Unsubscribed));

        var added = await Store.AddManyAsync(
            [new Subscriber("kept@example.org", "Changed", [], [], SubscriberStatus.Active), new Subscriber("new@example.org", null, [], [], SubscriberStatus.Active)],
            overwrite: false);

        Assert.Equal(1, added.Added);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await Store.FindAsync("kept@example.org"))!.Status);
    }

    [Fact]
    public async Task StreamAsync_morePagesThanOne_returnsEveryoneOnceInOrder()
    {
        var emails = Enumerable.Range(0, 25).Select(i => $"p{i:D2}@example.org").ToList();
        await Store.AddManyAsync(emails.Select(e => new Subscriber(e, null, [], [], SubscriberStatus.Active)), overwrite: false);
        await Store.SetStatusAsync("p03@example.org", SubscriberStatus.Unsubscribed);

        var all = await Store.StreamAsync(pageSize: 7).Select(s => s.Email).ToListAsync();
        var active = await Store.StreamActiveAsync(pageSize: 7).Select(s => s.Email).ToListAsync();

        Assert.Equal(emails, all);
        Assert.Equal(emails.Where(e => e != "p03@example.org"), active);
    }

    [Fact]
    public async Task StreamUnsentAsync_skipsSentButNotFailedDeliveries()
    {
        await Store.AddManyAsync(new[] { "a", "b", "c" }.Select(n => new Subscriber($"{n}@example.org", null, [], [], SubscriberStatus.Active)), overwrite: false);
        var ledger = app.Get<EmailLedger>();
        using (var recorder = ledger.OpenRecorder())
        {
            recorder.Record([new AcceptedEmail("e1", "a@example.org", "<m1@x>", 1), new AcceptedEmail("e2", "c@example.org", "<m2@x>", 1)]);
        }

        await ledger.RecordFailedAsync("e1", "b@example.org", "550 no");

        var unsent = await Store.StreamUnsentAsync("e1", pageSize: 1).Select(s => s.Email).ToListAsync();

        Assert.Equal(["b@example.org", "c@example.org"], unsent);
    }

    [Fact]
    public async Task RecordBounceAsync_reachesThreshold_marksBounced()
    {
        await Store.UpsertAsync(new Subscriber("bouncy@example.org", null, [], [], SubscriberStatus.Active));

        Assert.Equal(SubscriberStatus.Active, await Store.RecordBounceAsync("bouncy@example.org", threshold: 2));
        Assert.Equal(SubscriberStatus.Bounced, await Store.RecordBounceAsync("bouncy@example.org", threshold: 2));
        Assert.Null(await Store.RecordBounceAsync("nobody@example.org", threshold: 2));
    }

    [Fact]
    public async Task RemoveAsync_existing_deletesIt()
    {
        await Store.UpsertAsync(new Subscriber("gone@example.org", null, [], [], SubscriberStatus.Active));

        Assert.True(await Store.RemoveAsync("Gone@example.org"));
        Assert.False(await Store.RemoveAsync("gone@example.org"));
        Assert.Null(await Store.FindAsync("gone@example.org"));
    }
}
