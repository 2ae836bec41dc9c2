using DigestBot.Tests.Support;
using MimeKit;
using static DigestBot.Tests.Deliver.Email.EmailTestKit;

namespace DigestBot.Tests.Deliver.Email;

/// <summary>Hostile feed titles, subscriber names and sender name through the real fan-out to Postfix's smtp-sink.</summary>
public sealed class EmailDeliveryHeaderTests : IAsyncLifetime
{
    private SmtpSink sink = null!;
    private TestApp app = null!;

    public async Task InitializeAsync()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        sink = await SmtpSink.StartAsync();
        app = await StartAppAsync(sink.Port, c => c["Email"]!["FromName"] = HostileText.FromName);
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
    public async Task DeliverAsync_hostileTitlesNamesAndFromName_noReaderDecodesAControlCharacterOrAnExtraHeader()
    {
        var hostile = HostileText.All;
        for (var i = 0; i < hostile.Count; i++)
        {
            await AddActiveAsync(app, $"reader{i}@example.org", hostile[i]);
        }

        var delivery = Delivery(app, Smtp(sink.Port));
        for (var i = 0; i < hostile.Count; i++)
        {
            var result = await delivery.DeliverAsync(Digest($"daily@h{i}", hostile[i], Space(title: hostile[(i + 1) % hostile.Count])));
            Assert.Equal((hostile.Count, 0), (result.Sent, result.Failed));
        }

        var received = await sink.WaitForMessagesAsync(hostile.Count * hostile.Count, TimeSpan.FromSeconds(20));

        Assert.Equal(hostile.Count * hostile.Count, received.Count);
        Assert.All(received, r => Assert.Empty(HeaderInspection.Problems(r.Message, EmailMessageFactoryTests.DigestFields)));
        Assert.All(received, r => Assert.Equal(r.Recipients, r.Message.To.Mailboxes.Select(m => m.Address)));
        var first = received.First(r => r.Recipients.Contains("reader1@example.org") && (r.Message.Subject ?? "").StartsWith(hostile[0], StringComparison.Ordinal)).Message;
        Assert.Equal(hostile[1], Assert.IsType<MailboxAddress>(Assert.Single(first.To)).Name);
        Assert.Equal(hostile[0] + " <daily.digestbot.test>", first.Headers["List-Id"]);
    }
}
