using DigestBot.Model;
using DigestBot.Store;

namespace DigestBot.Tests.Store;

/// <summary>The email and Discord ledgers, and the edition totals counted from them.</summary>
public abstract partial class StoreContractTests
{
    [SkippableFact]
    public async Task EmailLedger_sentThenFailedRows_readBackByEveryQuery()
    {
        var ledger = new EmailLedger(Db, Clock);
        using (var recorder = ledger.OpenRecorder())
        {
            recorder.Record([new AcceptedEmail("e1", "a@example.org", "<a@x>", 1), new AcceptedEmail("e1", "c@example.org", "<c@x>", 3)]);
        }

        await ledger.RecordFailedAsync("e1", "b@example.org", "451 later", attempts: 2);
        await ledger.RecordFailedAsync("e1", "b@example.org", "550 gone");

        Assert.Equal(["a@example.org", "c@example.org"], (await ledger.SentAsync("e1")).Order(StringComparer.Ordinal));
        var entries = await ledger.EntriesAsync("e1");
        Assert.Equal(
            new (string, string, long, string?, string?)[]
            {
                ("a@example.org", "sent", 1, null, "<a@x>"), ("b@example.org", "failed", 3, "550 gone", null), ("c@example.org", "sent", 3, null, "<c@x>"),
            },
            entries.Select(e => (e.Email, e.Status, e.Attempts, e.LastError, e.MessageId)));
        var candidates = new[] { "a@example.org", "b@example.org", "c@example.org", "d@example.org" }
            .Select(e => new Subscriber(e, null, [], [], SubscriberStatus.Active)).ToAsyncEnumerable();
        Assert.Equal(["b@example.org", "d@example.org"], await ledger.WithoutSentAsync("e1", candidates).Select(s => s.Email).ToListAsync());
        Assert.Empty(await ledger.EntriesAsync("e2"));
    }

    [SkippableFact]
    public async Task EmailLedger_failedThenAccepted_becomesSent()
    {
        var ledger = new EmailLedger(Db, Clock);
        await ledger.RecordFailedAsync("e1", "a@example.org", "451 later");
        using (var recorder = ledger.OpenRecorder())
        {
            recorder.Record([new AcceptedEmail("e1", "a@example.org", "<a@x>", 2)]);
        }

        var entry = Assert.Single(await ledger.EntriesAsync("e1"));
        Assert.Equal(("sent", 2L, (string?)null, "<a@x>"), (entry.Status, entry.Attempts, entry.LastError, entry.MessageId));
    }

    [SkippableFact]
    public async Task DiscordLedger_postedParts_readBackPerDestination()
    {
        var ledger = new DiscordLedger(Db, Clock);
        await ledger.RecordAsync("e1", "community", 0, "m0", "c1");
        await ledger.RecordAsync("e1", "community", 1, "m1", "c1");
        await ledger.RecordAsync("e1", "community", 1, "again", "c9");
        await ledger.RecordAsync("e1", "ops", 0, null);

        var parts = await ledger.PostedPartsAsync("e1", "community");

        Assert.Equal([0, 1], parts.Keys.Order());
        Assert.Equal(new DiscordPostedPart(1, "m1", "c1"), parts[1]);
        Assert.Equal(new DiscordPostedPart(0, null, null), (await ledger.PostedPartsAsync("e1", "ops"))[0]);
        Assert.Empty(await ledger.PostedPartsAsync("e2", "community"));
    }

    [SkippableFact]
    public async Task DiscordLedger_disabledDestination_stateReadBackForItsTargetOnly()
    {
        var ledger = new DiscordLedger(Db, Clock);
        await ledger.DisableAsync("community", "hash-a", 404, 10015, "Unknown Webhook");
        Clock.Advance(TimeSpan.FromMinutes(1));
        await ledger.DisableAsync("community", "hash-b", 401, null, "Unauthorized");

        var state = await ledger.StateAsync("community");

        Assert.Equal(new DiscordDestinationState("community", DiscordDestinationState.Disabled, "hash-b", 401, null, "Unauthorized", Clock.GetUtcNow()), state);
        Assert.NotNull(await ledger.DisabledAsync("community", "hash-b"));
        Assert.Null(await ledger.DisabledAsync("community", "hash-a"));
        Assert.Null(await ledger.StateAsync("ops"));
        await ledger.DisableAsync("ops", "hash-c", 403, 50001, "Missing Access");
        var ops = await ledger.DisabledAsync("ops", "hash-c");
        Assert.Equal(((int?)403, (int?)50001), (ops?.HttpStatus, ops?.ErrorCode));
    }

    [SkippableFact]
    public async Task TotalsAsync_ledgerRows_countedPerEdition()
    {
        var ledger = new EmailLedger(Db, Clock);
        using (var recorder = ledger.OpenRecorder())
        {
            recorder.Record([new AcceptedEmail("e1", "a@example.org", "<a@x>", 1), new AcceptedEmail("e1", "b@example.org", "<b@x>", 1),
                new AcceptedEmail("e2", "a@example.org", "<a2@x>", 1)]);
        }

        await ledger.RecordFailedAsync("e1", "c@example.org", "550 no");
        await new DiscordLedger(Db, Clock).RecordAsync("e1", "community", 0, "m0");

        Assert.Equal(new EditionTotals(2, 1, 1), await new EditionContentStore(Db).TotalsAsync("e1"));
        Assert.Equal(new EditionTotals(0, 0, 0), await new EditionContentStore(Db).TotalsAsync("e3"));
    }
}
