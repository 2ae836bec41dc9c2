using DigestBot.Model;
using DigestBot.Store;

namespace DigestBot.Tests.Store;

/// <summary>The subscriber queries behind the web pages, the fan-out and the <c>subscribers</c> verbs.</summary>
public abstract partial class StoreContractTests
{
    [SkippableFact]
    public async Task UpsertAsync_existingAddress_findReturnsTheReplacedRow()
    {
        var store = Subscribers();
        await store.UpsertAsync(new Subscriber(" Ada@Example.org", "Ada", ["space"], [], SubscriberStatus.Pending, "Europe/Paris"));
        await store.UpsertAsync(new Subscriber("ada@example.org", "Ada L.", ["energy", "space"], ["daily"], SubscriberStatus.Active, "UTC"));

        var found = await store.FindAsync("ADA@example.org");

        Assert.NotNull(found);
        Assert.Equal(("ada@example.org", "Ada L.", SubscriberStatus.Active, "UTC"), (found.Email, found.Name, found.Status, found.TimeZone));
        Assert.Equal(["energy", "space"], found.Sections);
        Assert.Equal(["daily"], found.Digests);
        Assert.Null(await store.FindAsync("nobody@example.org"));
    }

    [SkippableFact]
    public async Task AddManyAsync_withAndWithoutOverwrite_countsWhatItAddedAndUpdated()
    {
        var store = Subscribers();
        await store.UpsertAsync(new Subscriber("kept@example.org", "Kept", [], [], SubscriberStatus.Pending));

        var added = await store.AddManyAsync(
            [new Subscriber("kept@example.org", "Changed", [], [], SubscriberStatus.Active), new Subscriber("new@example.org", null, [], [], SubscriberStatus.Active)],
            overwrite: false);
        var kept = await store.FindAsync("kept@example.org");
        var replaced = await store.AddManyAsync([new Subscriber("kept@example.org", "Changed", [], [], SubscriberStatus.Active)], overwrite: true);
        var changed = await store.FindAsync("kept@example.org");

        Assert.Equal(new SubscriberWriteTotals(1, 0, 1, 0), added);
        Assert.Equal(("Kept", SubscriberStatus.Pending), (kept?.Name, kept?.Status));
        Assert.Equal(new SubscriberWriteTotals(0, 1, 0, 0), replaced);
        Assert.Equal(("Changed", SubscriberStatus.Active), (changed?.Name, changed?.Status));
        Assert.False(await store.AddIfMissingAsync(new Subscriber("new@example.org", "Again", [], [], SubscriberStatus.Pending)));
    }

    [SkippableFact]
    public async Task SetStatusAndSetSections_existingAddress_changeOnlyThatRow()
    {
        var store = Subscribers();
        await AddSubscribersAsync(2);

        Assert.True(await store.SetStatusAsync("READER000@example.org", SubscriberStatus.Unsubscribed));
        Assert.True(await store.SetSectionsAsync("reader001@example.org", ["energy", "space"]));
        Assert.False(await store.SetStatusAsync("nobody@example.org", SubscriberStatus.Active));

        Assert.Equal(SubscriberStatus.Unsubscribed, (await store.FindAsync("reader000@example.org"))!.Status);
        var other = await store.FindAsync("reader001@example.org");
        Assert.Equal(SubscriberStatus.Active, other!.Status);
        Assert.Equal(["energy", "space"], other.Sections);
    }

    [SkippableFact]
    public async Task RecordBounceAsync_reachesThreshold_marksBouncedAndKeepsTheCount()
    {
        var store = Subscribers();
        await store.UpsertAsync(new Subscriber("bouncy@example.org", null, [], [], SubscriberStatus.Active));

        Assert.Equal(SubscriberStatus.Active, await store.RecordBounceAsync("bouncy@example.org", threshold: 2));
        Assert.Equal(SubscriberStatus.Bounced, await store.RecordBounceAsync("bouncy@example.org", threshold: 2));
        Assert.Null(await store.RecordBounceAsync("nobody@example.org", threshold: 2));

        Assert.Equal(2, (await store.FindAsync("bouncy@example.org"))!.Bounces);
    }

    [SkippableFact]
    public async Task RemoveAsync_existing_deletesIt()
    {
        var store = Subscribers();
        await store.UpsertAsync(new Subscriber("gone@example.org", null, [], [], SubscriberStatus.Active));

        Assert.True(await store.RemoveAsync("Gone@example.org"));
        Assert.False(await store.RemoveAsync("gone@example.org"));
        Assert.Null(await store.FindAsync("gone@example.org"));
    }

    [SkippableFact]
    public async Task StreamAsync_severalPagesWithAndWithoutStatus_returnsEachOnceInAddressOrder()
    {
        var emails = await AddSubscribersAsync(12);
        var store = Subscribers();
        await store.SetStatusAsync(emails[3], SubscriberStatus.Pending);

        var all = await store.StreamAsync(pageSize: 5).Select(s => s.Email).ToListAsync();
        var active = await store.StreamActiveAsync(pageSize: 5).Select(s => s.Email).ToListAsync();
        var unsubscribed = await store.StreamAsync(SubscriberStatus.Unsubscribed, pageSize: 5).ToListAsync();

        Assert.Equal(emails.Append("gone@example.org").Order(StringComparer.Ordinal), all);
        Assert.Equal(emails.Where(e => e != emails[3]), active);
        Assert.Equal("gone@example.org", Assert.Single(unsubscribed).Email);
    }

    [SkippableFact]
    public async Task StreamUnsentAsync_someSentSomeFailed_returnsTheActiveNotYetSent()
    {
        var emails = await AddSubscribersAsync(4);
        var ledger = new EmailLedger(Db, Clock);
        using (var recorder = ledger.OpenRecorder())
        {
            recorder.Record([new AcceptedEmail("e1", emails[0], "<m0@x>", 1), new AcceptedEmail("e2", emails[2], "<m2@x>", 1)]);
        }

        await ledger.RecordFailedAsync("e1", emails[1], "550 no");

        var unsent = await Subscribers().StreamUnsentAsync("e1", pageSize: 1).Select(s => s.Email).ToListAsync();

        Assert.Equal(emails.Skip(1), unsent);
    }

    private SubscriberStore Subscribers() => new(Db, Clock);
}
