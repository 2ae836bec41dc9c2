using DigestBot.Deliver.Email;
using DigestBot.Store;
using DigestBot.Tests.Support;
using MimeKit;
using static DigestBot.Tests.Deliver.Email.EmailTestKit;

namespace DigestBot.Tests.Deliver.Email;

/// <summary>Per-message return paths (Email:BounceAddress) as smtp-sink records the envelope (X-Mail-Args), and in the outbox.</summary>
public sealed class ReturnPathDeliveryTests : IAsyncLifetime
{
    private SmtpSink sink = null!;
    private TestApp? app;

    public async Task InitializeAsync()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        sink = await SmtpSink.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (sink is not null)
        {
            await sink.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task DeliverAsync_bounceAddressSet_eachMessageHasItsOwnSignedEnvelopeSender()
    {
        app = await StartAppAsync(sink.Port, c => c["Email"]!["BounceAddress"] = "bounces@bounce.example.net");
        string[] readers = ["one@example.org", "two@example.org", "three@example.org"];
        foreach (var reader in readers)
        {
            await AddActiveAsync(app, reader);
        }

        var result = await Delivery(app, Smtp(sink.Port)).DeliverAsync(Digest("daily@70"));

        Assert.Equal(3, result.Sent);
        var messages = await sink.WaitForMessagesAsync(3, TimeSpan.FromSeconds(10));
        var ledger = (await app.Get<EmailLedger>().EntriesAsync("daily@70")).ToDictionary(e => e.Email, e => e.MessageId);
        var returnPaths = app.Get<ReturnPaths>();
        var senders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var received in messages)
        {
            var sender = received.Message.Headers["X-Mail-Args"]!.Trim().Trim('<', '>');
            Assert.Matches("^bounces\\+[a-z2-7]{33}@bounce\\.example\\.net$", sender);
            Assert.True(sender.Length - "@bounce.example.net".Length <= 64, sender);
            // The receiving server writes Return-Path from the envelope; the message itself does not carry one.
            Assert.Null(received.Message.Headers[HeaderId.ReturnPath]);
            var recipient = Assert.Single(received.Recipients);
            Assert.Equal(ledger[recipient], returnPaths.MessageIdLocalPart(sender) + "@digestbot.test");
            Assert.Equal(ledger[recipient], returnPaths.MessageIdLocalPart(sender.ToUpperInvariant()) + "@digestbot.test");
            senders.Add(sender);
        }

        Assert.Equal(3, senders.Count);
    }

    [SkippableFact]
    public async Task DeliverAsync_noBounceAddress_envelopeSenderIsFrom()
    {
        app = await StartAppAsync(sink.Port);
        await AddActiveAsync(app, "one@example.org");

        await Delivery(app, Smtp(sink.Port)).DeliverAsync(Digest("daily@71"));

        var received = Assert.Single(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal("<digest@digestbot.test>", received.Message.Headers["X-Mail-Args"]!.Trim());
        Assert.Null(received.Message.Headers[HeaderId.ReturnPath]);
    }

    [SkippableFact]
    public async Task DeliverAsync_outboxWithBounceAddress_fileStartsWithTheReturnPath()
    {
        app = await StartAppAsync(edit: c =>
        {
            c["Smtp"]!["Host"] = "";
            c["Email"]!["Transport"] = "Outbox";
            c["Email"]!["BounceAddress"] = "bounces@bounce.example.net";
        });
        await AddActiveAsync(app, "one@example.org");
        var email = app.Get<Microsoft.Extensions.Options.IOptions<DigestBot.Options.EmailOptions>>().Value;
        var queue = new SmtpSendQueue(new SmtpConnector(Microsoft.Extensions.Options.Options.Create(Smtp(1))), app.Get<MailOutbox>(),
            Microsoft.Extensions.Options.Options.Create(Smtp(1)), Microsoft.Extensions.Options.Options.Create(email), TimeProvider.System,
            new RecordingLogger<SmtpSendQueue>());
        var delivery = new EmailDelivery(app.Get<SubscriberStore>(), app.Get<EmailLedger>(), app.Get<DigestBot.Render.Email.EmailRenderer>(),
            app.Get<EmailMessageFactory>(), app.Get<DigestBot.Deliver.Email.Dkim.DkimSigning>(), queue, Microsoft.Extensions.Options.Options.Create(Smtp(1)), Microsoft.Extensions.Options.Options.Create(email),
            TimeProvider.System, new RecordingLogger<EmailDelivery>());

        await delivery.DeliverAsync(Digest("daily@72"));

        var file = Assert.Single(Directory.GetFiles(Path.Combine(app.Root, "data", "outbox"), "*.eml", SearchOption.AllDirectories));
        var first = File.ReadLines(file).First();
        Assert.Matches("^Return-Path: <bounces\\+[a-z2-7]{33}@bounce\\.example\\.net>$", first);
        var messageId = Assert.Single(await app.Get<EmailLedger>().EntriesAsync("daily@72")).MessageId;
        Assert.Equal(messageId, app.Get<ReturnPaths>().MessageIdLocalPart(first["Return-Path: ".Length..]) + "@digestbot.test");
    }
}
