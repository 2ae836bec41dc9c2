using DigestBot.Deliver.Email;
using DigestBot.Feedback;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Store;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Feedback;

/// <summary>The bounce and complaint policy over a real store, run on every provider (SQLite, PostgreSQL).</summary>
public abstract class FeedbackPolicyContractTests() : MigratedDatabaseTests("feedback")
{
    private const string Edition = "daily@20261130T070000Z";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero));
    private readonly BounceOptions bounces = new();
    private ReturnPaths? returnPaths;

    private SubscriberStore Subscribers => new(Db, clock);

    private FeedbackEvents Events => new(Db, clock);

    private ReturnPaths Paths => returnPaths ??= new ReturnPaths(
        Microsoft.Extensions.Options.Options.Create(new EmailOptions { From = "digest@digestbot.test", BounceAddress = "bounces@bounce.example.net" }),
        new SigningKey(Microsoft.Extensions.Options.Options.Create(new WebOptions { SigningKey = "feedback-test-key" }),
            Microsoft.Extensions.Options.Options.Create(new StorageOptions()), new HostingEnvironment { ContentRootPath = Root },
            new InstallationSettings(Db), NullLogger<SigningKey>.Instance));

    private FeedbackPolicy Policy => new(Paths, new EmailLedger(Db, clock), Subscribers, Events,
        new StaticMonitor(bounces), clock, NullLogger<FeedbackPolicy>.Instance);

    [SkippableFact]
    public async Task ApplyAsync_hardBounceByReturnPath_suppressesTheReaderOfThatMessageAtOnce()
    {
        var messageId = await SentAsync("gone@example.org");
        await SentAsync("other@example.org");

        var outcome = await Policy.ApplyAsync(new FeedbackReport(FeedbackKind.HardBounce, "imap")
        {
            ReturnPath = Paths.For(messageId), Recipient = "someone-else@example.net", Status = "5.1.1",
        });

        Assert.Equal(FeedbackOutcome.Applied, outcome);
        Assert.Equal(SubscriberStatus.Bounced, (await Subscribers.FindAsync("gone@example.org"))!.Status);
        Assert.Equal(SubscriberStatus.Active, (await Subscribers.FindAsync("other@example.org"))!.Status);
        var suppression = await new SuppressionStore(Db).FindAsync("gone@example.org");
        Assert.Equal(("bounced: 5.1.1 (imap)", clock.GetUtcNow()), (suppression!.Reason, suppression.SuppressedAt));
        Assert.Equal(1, await Events.HardBouncesAsync(Edition));
    }

    [SkippableFact]
    public async Task ApplyAsync_forgedReturnPath_isNotTrustedAndFallsBackToTheRecipient()
    {
        var messageId = await SentAsync("target@example.org");
        await SentAsync("sender@example.org");
        var genuine = Paths.For(messageId)!;
        var forged = genuine[..8] + new string('a', 20) + genuine[28..];

        var unmatched = await Policy.ApplyAsync(new FeedbackReport(FeedbackKind.Complaint, "imap") { ReturnPath = forged });
        var byRecipient = await Policy.ApplyAsync(new FeedbackReport(FeedbackKind.Complaint, "imap") { ReturnPath = forged, Recipient = "Sender@Example.org" });

        Assert.Equal((FeedbackOutcome.Unmatched, FeedbackOutcome.Applied), (unmatched, byRecipient));
        Assert.Equal(SubscriberStatus.Active, (await Subscribers.FindAsync("target@example.org"))!.Status);
        Assert.Equal(SubscriberStatus.Complained, (await Subscribers.FindAsync("sender@example.org"))!.Status);
    }

    [SkippableFact]
    public async Task ApplyAsync_onlyTheOriginalMessageId_matchesThroughTheLedger()
    {
        var messageId = await SentAsync("reader@example.org");

        var outcome = await Policy.ApplyAsync(new FeedbackReport(FeedbackKind.Complaint, "postmark") { OriginalMessageId = $"<{messageId}>" });

        Assert.Equal(FeedbackOutcome.Applied, outcome);
        Assert.Equal(SubscriberStatus.Complained, (await Subscribers.FindAsync("reader@example.org"))!.Status);
        var suppression = await new SuppressionStore(Db).FindAsync("reader@example.org");
        Assert.Equal("complained: marked a digest as spam (postmark)", suppression!.Reason);
        var recorded = Assert.Single(await Events.ForAsync("reader@example.org"));
        Assert.Equal((Edition, FeedbackEvents.Complaint), (recorded.EditionId, recorded.Kind));
    }

    [SkippableFact]
    public async Task ApplyAsync_nothingMatches_isUnmatchedAndChangesNothing()
    {
        await SentAsync("reader@example.org");

        var outcome = await Policy.ApplyAsync(new FeedbackReport(FeedbackKind.HardBounce, "imap")
        {
            Recipient = "stranger@example.org", OriginalMessageId = "unknown@digestbot.test", Status = "5.1.1",
        });

        Assert.Equal(FeedbackOutcome.Unmatched, outcome);
        Assert.Equal(0, await new SuppressionStore(Db).CountAsync());
        Assert.Empty(await Events.ForAsync("stranger@example.org"));
    }

    [SkippableFact]
    public async Task ApplyAsync_softBounces_suppressOnlyAtTheLimitWithinTheWindow()
    {
        await SentAsync("flaky@example.org");
        var policy = Policy;

        await policy.ApplyAsync(Soft("e1"));
        clock.Advance(TimeSpan.FromDays(8));
        await policy.ApplyAsync(Soft("e2"));
        await policy.ApplyAsync(Soft("e3"));
        var afterTwoInWindow = (await Subscribers.FindAsync("flaky@example.org"))!.Status;
        clock.Advance(TimeSpan.FromDays(1));
        await policy.ApplyAsync(Soft("e4"));

        Assert.Equal(SubscriberStatus.Active, afterTwoInWindow);
        Assert.Equal(SubscriberStatus.Bounced, (await Subscribers.FindAsync("flaky@example.org"))!.Status);
        var suppression = await new SuppressionStore(Db).FindAsync("flaky@example.org");
        Assert.Equal("bounced: 3 soft bounces within 7 days, the last 4.2.2 (postmark)", suppression!.Reason);
    }

    [SkippableFact]
    public async Task ApplyAsync_sameEventTwice_isAlreadyAppliedAndCountedOnce()
    {
        var messageId = await SentAsync("flaky@example.org");
        bounces.SoftBounceLimit = 2;
        var policy = Policy;
        var sameMessage = new FeedbackReport(FeedbackKind.SoftBounce, "imap") { OriginalMessageId = messageId, Status = "4.2.2" };

        var outcomes = new[]
        {
            await policy.ApplyAsync(Soft("evt-1")), await policy.ApplyAsync(Soft("evt-1")),
            await policy.ApplyAsync(sameMessage), await policy.ApplyAsync(sameMessage with { Source = "postmark", EventId = "evt-9" }),
        };

        Assert.Equal([FeedbackOutcome.Applied, FeedbackOutcome.AlreadyApplied, FeedbackOutcome.Applied, FeedbackOutcome.AlreadyApplied], outcomes);
        Assert.Equal(2, (await Events.ForAsync("flaky@example.org")).Count);
    }

    [SkippableFact]
    public async Task LiftBounceAsync_bouncedReader_isActiveAgainAndEarlierSoftBouncesNoLongerCount()
    {
        await SentAsync("back@example.org");
        await SentAsync("spam@example.org");
        var policy = Policy;
        await policy.ApplyAsync(Soft("s1"));
        await policy.ApplyAsync(Soft("s2"));
        await policy.ApplyAsync(Soft("s3"));
        await policy.ApplyAsync(new FeedbackReport(FeedbackKind.Complaint, "imap") { Recipient = "spam@example.org" });

        var lifted = await Events.LiftBounceAsync("Back@example.org", "mailbox full, fixed by the reader");
        var refused = await Events.LiftBounceAsync("spam@example.org", "trying");
        await policy.ApplyAsync(Soft("s4"));

        Assert.Equal((SubscriberStatus.Bounced, SubscriberStatus.Complained), (lifted, refused));
        var reader = await Subscribers.FindAsync("back@example.org");
        Assert.Equal((SubscriberStatus.Active, 0), (reader!.Status, reader.Bounces));
        Assert.Null(await new SuppressionStore(Db).FindAsync("back@example.org"));
        Assert.Contains(await Events.ForAsync("back@example.org"), e => e.Kind == FeedbackEvents.Lifted && e.Detail == "mailbox full, fixed by the reader");
        Assert.Equal(SubscriberStatus.Complained, (await Subscribers.FindAsync("spam@example.org"))!.Status);
        Assert.NotNull(await new SuppressionStore(Db).FindAsync("spam@example.org"));
    }

    private static FeedbackReport Soft(string eventId) =>
        new(FeedbackKind.SoftBounce, "postmark") { Recipient = eventId.StartsWith('s') ? "back@example.org" : "flaky@example.org", EventId = eventId, Status = "4.2.2" };

    /// <summary>The reader, active, with one message of <see cref="Edition"/> in the ledger; returns its Message-Id.</summary>
    private async Task<string> SentAsync(string email)
    {
        await Subscribers.UpsertAsync(new Subscriber(email, null, [], [], SubscriberStatus.Active));
        var messageId = ReturnPaths.NewMessageId("digestbot.test");
        using var recorder = new EmailLedger(Db, clock).OpenRecorder();
        recorder.Record([new AcceptedEmail(Edition, email, messageId, 1)]);
        return messageId;
    }

    private sealed class StaticMonitor(BounceOptions value) : IOptionsMonitor<BounceOptions>
    {
        public BounceOptions CurrentValue => value;

        public BounceOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<BounceOptions, string?> listener) => null;
    }
}
