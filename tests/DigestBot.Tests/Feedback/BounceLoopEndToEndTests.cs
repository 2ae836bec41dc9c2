using System.Text.Json.Nodes;
using DigestBot.Feedback.Mailbox;
using DigestBot.Hosting;
using DigestBot.Model;
using DigestBot.Pipeline;
using DigestBot.Store;
using DigestBot.Tests.Support;
using MailKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace DigestBot.Tests.Feedback;

/// <summary>
/// The whole bounce loop in a real worker: a digest goes out through smtp-sink with per-message return paths, the
/// reports about it come back into a real Dovecot mailbox, the worker reads them, suppresses the readers, files the
/// reports, and the next edition leaves those readers out.
/// </summary>
public sealed class BounceLoopEndToEndTests : IAsyncLifetime
{
    private const string Bounced = "bounced@example.org";
    private const string Complaining = "complaining@example.org";
    private const string Staying = "staying@example.org";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly CapturingLoggerProvider logs = new();
    private SmtpSink sink = null!;
    private DovecotServer dovecot = null!;

    public async Task InitializeAsync()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        Skip.IfNot(DovecotServer.IsInstalled, DovecotServer.MissingMessage);
        sink = await SmtpSink.StartAsync();
        dovecot = await DovecotServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (sink is not null)
        {
            await sink.DisposeAsync();
        }

        if (dovecot is not null)
        {
            await dovecot.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task Worker_bounceAndComplaintInMailbox_readersSuppressedReportsFiledAndNextEditionSkipsThem()
    {
        var now = DateTimeOffset.UtcNow;
        await using var app = CreateApp(now);
        await app.StartAsync(HostMode.Worker, builder => builder.Logging.AddProvider(logs));
        var pipeline = app.Get<DigestPipeline>();
        var first = await pipeline.RunAsync("daily", now);
        Assert.Equal(EditionOutcomeStatus.Sent, first.Status);
        var sent = sink.Messages();
        Assert.Equal([Bounced, Complaining, Staying], sent.SelectMany(m => m.Recipients).Order(StringComparer.Ordinal));

        var toBounced = SentTo(sent, Bounced);
        var toComplaining = SentTo(sent, Complaining);
        var bounceReturnPath = ReturnedMail.EnvelopeSender(toBounced);
        Assert.StartsWith("bounces+", bounceReturnPath, StringComparison.Ordinal);
        var bounce = ReturnedMail.PostfixHardBounce(toBounced, Bounced, bounceReturnPath);
        var complaint = ReturnedMail.AbuseReport(toComplaining, Complaining, ReturnedMail.EnvelopeSender(toComplaining));
        var stranger = new MimeMessage { Subject = "Test Daily", MessageId = "stranger.1@digestbot.test" };
        stranger.From.Add(new MailboxAddress("DigestBot Test", "digest@digestbot.test"));
        stranger.To.Add(new MailboxAddress("", "nobody@elsewhere.example"));
        var unmatched = ReturnedMail.PostfixHardBounce(stranger, "nobody@elsewhere.example", "bounces@digestbot.test");
        await dovecot.AppendAsync(bounce);
        await dovecot.AppendAsync(complaint);
        await dovecot.AppendAsync(unmatched);

        var subscribers = app.Get<SubscriberStore>();
        await Poll.UntilAsync(async () =>
                (await subscribers.FindAsync(Bounced))?.Status == SubscriberStatus.Bounced
                && (await subscribers.FindAsync(Complaining))?.Status == SubscriberStatus.Complained
                && (await dovecot.MessagesAsync("Processed")).Count == 2
                && (await dovecot.MessagesAsync("INBOX")).Any(m => m.Flags.HasFlag(MessageFlags.Flagged)),
            Wait, "the bounce and the complaint to suppress their readers and be filed, and the stranger's bounce to be flagged", LogText);

        Assert.Equal(
            new[] { bounce.MessageId, complaint.MessageId }.Order(StringComparer.Ordinal),
            (await dovecot.MessagesAsync("Processed")).Select(m => m.Message?.MessageId).Order(StringComparer.Ordinal));
        var left = Assert.Single(await dovecot.MessagesAsync("INBOX"));
        Assert.Equal(unmatched.MessageId, left.Message?.MessageId);
        Assert.True(left.Flags.HasFlag(MessageFlags.Flagged));
        Assert.Equal(SubscriberStatus.Active, (await subscribers.FindAsync(Staying))?.Status);
        // Both reports name the reader in other ways too; only the signed return path says the loop closed through VERP.
        Assert.Contains(logs.Entries, e => e.EventId.Id == 9001 && e.Message.Contains($"for {Bounced} (edition {first.EditionId}) from imap, matched by return path", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.EventId.Id == 9001 && e.Message.Contains($"for {Complaining} (edition {first.EditionId}) from imap, matched by return path", StringComparison.Ordinal));

        var mailbox = app.Services.GetServices<IHostedService>().OfType<BounceMailboxService>().Single();
        Assert.False(mailbox.ExecuteTask?.IsCompleted ?? true, "the bounce mailbox service stopped");
        Assert.Single(logs.Entries, e => e.EventId.Id == 9100);

        app.AddSource("wire", "space", TestFeeds.Rss("Wire", "https://wire.example.org/",
            new TestItem("Booster lands on drone ship", "https://wire.example.org/booster", now.AddHours(-1), "It landed."),
            new TestItem("Probe reaches Jupiter", "https://wire.example.org/jupiter", now.AddMinutes(-10), "It arrived.")));
        var next = await pipeline.RunAsync("daily", now.AddMinutes(1));

        Assert.Equal(EditionOutcomeStatus.Sent, next.Status);
        var firstIds = sent.Select(m => m.Message.MessageId).ToHashSet();
        var nextMessages = sink.Messages().Where(m => !firstIds.Contains(m.Message.MessageId)).ToList();
        Assert.Equal([Staying], nextMessages.SelectMany(m => m.Recipients));
        Assert.Contains("Probe reaches Jupiter", Assert.Single(nextMessages).Message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal([Staying], (await app.Get<EmailLedger>().EntriesAsync(next.EditionId)).Select(e => e.Email));
        Assert.False(mailbox.ExecuteTask?.IsCompleted ?? true, "the bounce mailbox service stopped");
    }

    private static MimeMessage SentTo(IReadOnlyList<ReceivedMessage> sent, string reader) => sent.Single(m => m.Recipients.Contains(reader)).Message;

    private string LogText() =>
        string.Join("\n", logs.Entries.Select(e => $"{e.Level} {e.EventId.Id} {e.Message}")) + "\n--- dovecot:\n" + dovecot.Log();

    private TestApp CreateApp(DateTimeOffset now)
    {
        var app = TestApp.Create(c =>
        {
            c["Logging"]!["LogLevel"]!["DigestBot.Feedback"] = "Information";
            // A slot no test run reaches: both editions are sent by the test.
            c["Digests"]!["daily"]!["Cron"] = "0 0 7 1 1 ?";
            c["Smtp"]!["Port"] = sink.Port;
            c["Email"]!["BounceAddress"] = "bounces@digestbot.test";
            c["Email"]!["BounceMailbox"] = new JsonObject
            {
                ["Host"] = "127.0.0.1", ["Port"] = dovecot.Port, ["Security"] = "None", ["User"] = DovecotServer.User,
                ["Password"] = dovecot.Password, ["Timeout"] = "00:00:10", ["ReconnectMaxDelay"] = "00:00:01",
            };
        });
        app.AddWireStory(now);
        foreach (var reader in new[] { Bounced, Complaining, Staying })
        {
            app.AddSubscriber(reader);
        }

        return app;
    }
}
