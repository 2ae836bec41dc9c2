using DigestBot.Feedback.Mailbox;
using DigestBot.Tests.Support;
using MailKit;
using MimeKit;

namespace DigestBot.Tests.Feedback.Mailbox;

/// <summary>The bounce mailbox service against a real Dovecot (package dovecot-imapd).</summary>
public sealed class BounceMailboxServiceTests
{
    private static readonly TimeSpan FewSeconds = TimeSpan.FromSeconds(5);

    [SkippableFact]
    public async Task Service_everyFixture_filesReportsAndAutoRepliesAndLeavesTheRestFlagged()
    {
        Skip.IfNot(DovecotServer.IsInstalled, DovecotServer.MissingMessage);
        await using var harness = await MailboxHarness.StartDovecotAsync();
        var parseable = BounceFixtures.Table.Keys.Where(f => f != "garbage.eml").Order().ToList();
        foreach (var fixture in parseable)
        {
            await harness.AppendFixtureAsync(fixture);
        }

        await harness.Dovecot.DeliverAsync(await File.ReadAllBytesAsync(BounceFixtures.PathOf("garbage.eml")));
        var handled = BounceFixtures.Table.Where(f => f.Value.Verdict != MailVerdict.Unreadable).Select(f => f.Key).Order().ToList();
        var left = BounceFixtures.Table.Where(f => f.Value.Verdict == MailVerdict.Unreadable).Select(f => f.Key == "garbage.eml" ? "(no header)" : f.Key).Order().ToList();

        await harness.StartServiceAsync();
        await harness.WaitForCountAsync("Processed", handled.Count);
        await Poll.UntilAsync(async () => (await harness.Dovecot.MessagesAsync("INBOX")).All(m => m.Flags.HasFlag(MessageFlags.Flagged)),
            TimeSpan.FromSeconds(30), "the messages left in INBOX to be flagged", harness.LogText);

        Assert.Equal(handled, await harness.FixturesInAsync("Processed"));
        Assert.Equal(left, await harness.FixturesInAsync("INBOX"));
        var expected = BounceFixtures.Table.Values.SelectMany(e => e.Reports).Select(r => r.Recipient).Order().ToList();
        Assert.Equal(expected, harness.Sink.Reports.Select(r => r.Recipient!).Order().ToList());
        Assert.False(harness.Service!.ExecuteTask!.IsCompleted, "the service stopped:\n" + harness.LogText());
    }

    [SkippableFact]
    public async Task Service_reportNoSubscriberMatches_leavesItFlaggedAndDoesNotApplyItAgain()
    {
        Skip.IfNot(DovecotServer.IsInstalled, DovecotServer.MissingMessage);
        await using var harness = await MailboxHarness.StartDovecotAsync();
        harness.Sink.UnknownRecipients.Add("gone.reader@example.net");
        await harness.AppendFixtureAsync("postfix-hard.eml");
        await harness.StartServiceAsync();
        await Poll.UntilAsync(() => harness.Logs.Entries.Any(e => e.EventId.Id == 9106), TimeSpan.FromSeconds(30), "the unmatched report to be logged", harness.LogText);

        // Each new message makes the service read the folder again; the one left there must not be applied twice.
        await harness.AppendFixtureAsync("gmail-dsn.eml");
        await harness.WaitForCountAsync("Processed", 1);
        await harness.AppendFixtureAsync("qmail.eml");
        await harness.WaitForCountAsync("Processed", 2);

        var inbox = Assert.Single(await harness.Dovecot.MessagesAsync("INBOX"));
        Assert.Equal("postfix-hard.eml", inbox.Message!.Headers["X-Fixture"]);
        Assert.True(inbox.Flags.HasFlag(MessageFlags.Flagged));
        Assert.Single(harness.Sink.Reports, r => r.Recipient == "gone.reader@example.net");
    }

    [SkippableFact]
    public async Task Service_messageAppendedWhileIdle_isReadWithinSeconds()
    {
        Skip.IfNot(DovecotServer.IsInstalled, DovecotServer.MissingMessage);
        await using var harness = await MailboxHarness.StartDovecotAsync();
        await harness.StartServiceAsync();
        await harness.WaitUntilWatchingAsync();
        Assert.Contains("(IDLE)", harness.Logs.Entries.First(e => e.EventId.Id == 9100).Message, StringComparison.Ordinal);

        await harness.AppendFixtureAsync("arf-abuse.eml");

        // The poll interval is an hour: only IDLE can have brought it.
        await Poll.UntilAsync(() => !harness.Sink.Reports.IsEmpty, FewSeconds, "the complaint to reach the sink", harness.LogText);
        await harness.WaitForCountAsync("Processed", 1);
        Assert.Equal("annoyed.reader@mail.example", Assert.Single(harness.Sink.Reports).Recipient);
    }

    [SkippableFact]
    public async Task Service_serverWithoutIdle_pollsEveryPollInterval()
    {
        Skip.IfNot(DovecotServer.IsInstalled, DovecotServer.MissingMessage);
        await using var harness = await MailboxHarness.StartDovecotAsync(idle: false);
        var options = harness.Options();
        options.PollInterval = TimeSpan.FromSeconds(1);
        await harness.StartServiceAsync(options);
        await harness.WaitUntilWatchingAsync();
        Assert.Contains("(polling every 00:00:01)", harness.Logs.Entries.First(e => e.EventId.Id == 9100).Message, StringComparison.Ordinal);

        await harness.AppendFixtureAsync("qmail.eml");

        await harness.WaitForCountAsync("Processed", 1);
        Assert.Equal("closed.account@example.info", Assert.Single(harness.Sink.Reports).Recipient);
        Assert.Empty(await harness.Dovecot.MessagesAsync("INBOX"));
    }

    [SkippableFact]
    public async Task Service_serverStoppedAndRestarted_reconnectsAndReadsMailAppendedAfter()
    {
        Skip.IfNot(DovecotServer.IsInstalled, DovecotServer.MissingMessage);
        await using var harness = await MailboxHarness.StartDovecotAsync();
        await harness.StartServiceAsync();
        await harness.AppendFixtureAsync("postfix-hard.eml");
        await harness.WaitForCountAsync("Processed", 1);

        await harness.Dovecot.StopAsync();
        await Poll.UntilAsync(() => harness.Logs.Entries.Count(e => e.EventId.Id == 9101) >= 2, TimeSpan.FromSeconds(30),
            "two failed reconnection attempts to be logged", harness.LogText);
        await harness.Dovecot.RestartAsync();
        await harness.WaitUntilWatchingAsync(times: 2);
        await harness.AppendFixtureAsync("exim-text.eml");

        await harness.WaitForCountAsync("Processed", 2);
        Assert.Equal(["full.reader@example.co.uk", "gone.reader@example.net", "old.reader@example.co.uk"], harness.Sink.Reports.Select(r => r.Recipient!).Order().ToList());
        Assert.False(harness.Service!.ExecuteTask!.IsCompleted, "the service stopped:\n" + harness.LogText());
    }

    [SkippableFact]
    public async Task Service_loginRefused_logsItAndKeepsTrying()
    {
        Skip.IfNot(DovecotServer.IsInstalled, DovecotServer.MissingMessage);
        await using var harness = await MailboxHarness.StartDovecotAsync();
        await harness.AppendFixtureAsync("postfix-hard.eml");

        await harness.StartServiceAsync(harness.Options(password: "wrong"));

        await Poll.UntilAsync(() => harness.Logs.Entries.Count(e => e.EventId.Id == 9102) >= 2, TimeSpan.FromSeconds(30),
            "two refused logins to be logged", harness.LogText);
        Assert.Contains("Email:BounceMailbox:User and Password", harness.Logs.Entries.First(e => e.EventId.Id == 9102).Message, StringComparison.Ordinal);
        Assert.Empty(harness.Sink.Reports);
        Assert.Single(await harness.Dovecot.MessagesAsync("INBOX"));
        Assert.False(harness.Service!.ExecuteTask!.IsCompleted, "the service stopped:\n" + harness.LogText());
    }

    [SkippableFact]
    public async Task Service_messageLargerThanTheLimit_isLeftUnread()
    {
        Skip.IfNot(DovecotServer.IsInstalled, DovecotServer.MissingMessage);
        await using var harness = await MailboxHarness.StartDovecotAsync();
        var huge = BounceFixtures.Load("postfix-hard.eml");
        huge.Headers.Add("X-Fixture", "huge");
        huge.Headers.Add("X-Padding", new string('x', 900));
        await harness.Dovecot.AppendAsync(huge);
        var options = harness.Options();
        options.MaxMessageBytes = 2048;

        await harness.StartServiceAsync(options);

        await Poll.UntilAsync(() => harness.Logs.Entries.Any(e => e.EventId.Id == 9107), TimeSpan.FromSeconds(30), "the message to be left as too large", harness.LogText);
        Assert.Empty(harness.Sink.Reports);
        Assert.Equal(["huge"], await harness.FixturesInAsync("INBOX"));
    }
}
