using System.Diagnostics;
using DigestBot.Store;
using DigestBot.Tests.Support;
using static DigestBot.Tests.Deliver.Email.EmailTestKit;

namespace DigestBot.Tests.Deliver.Email;

/// <summary>The fan-out against Postfix's smtp-sink: what each subscriber receives, and what the ledger says.</summary>
public sealed class EmailDeliveryTests : IAsyncLifetime
{
    private SmtpSink sink = null!;
    private TestApp app = null!;

    public async Task InitializeAsync()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        sink = await SmtpSink.StartAsync();
        app = await StartAppAsync(sink.Port);
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
    public async Task DeliverAsync_twoSubscribers_eachGetsCompliantMultipartEmailWithTheirSections()
    {
        await AddActiveAsync(app, "all@example.org", "All Sections");
        await AddActiveAsync(app, "space@example.org", "Space Only", "space");

        var result = await Delivery(app, Smtp(sink.Port)).DeliverAsync(Digest("daily@1"));

        Assert.Equal((2, 0), (result.Sent, result.Failed));
        var messages = await sink.WaitForMessagesAsync(2, TimeSpan.FromSeconds(10));
        var all = messages.Single(m => m.Recipients.Contains("all@example.org")).Message;
        Assert.Equal("multipart/alternative", all.Body?.ContentType.MimeType);
        Assert.Contains("Wind farm opens", all.TextBody, StringComparison.Ordinal);
        Assert.Contains("Wind farm opens", all.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Hello All Sections", all.HtmlBody, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(all.MessageId));
        Assert.EndsWith("@digestbot.test", all.MessageId, StringComparison.Ordinal);
        Assert.NotNull(all.Headers["Date"]);
        Assert.Equal("Test Daily <daily.digestbot.test>", all.Headers["List-Id"]);
        Assert.Equal("List-Unsubscribe=One-Click", all.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = all.Headers["List-Unsubscribe"]!;
        Assert.Matches(@"^<http://digestbot\.test/unsubscribe\?email=all%40example\.org&token=[A-Za-z0-9_-]{43}>, <mailto:digest@digestbot\.test\?subject=unsubscribe>$", unsubscribe);
        var link = unsubscribe[1..unsubscribe.IndexOf('>', StringComparison.Ordinal)];
        Assert.Contains(link.Replace("&", "&amp;", StringComparison.Ordinal), all.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Unsubscribe: " + link, all.TextBody, StringComparison.Ordinal);
        Assert.Contains("1 Test Street, Testville", all.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("1 Test Street, Testville", all.TextBody, StringComparison.Ordinal);
        Assert.Contains("style=\"", all.HtmlBody, StringComparison.Ordinal);

        var space = messages.Single(m => m.Recipients.Contains("space@example.org")).Message;
        Assert.Contains("Booster lands on drone ship", space.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Wind farm opens", space.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Wind farm opens", space.TextBody, StringComparison.Ordinal);
        Assert.Contains("email=space%40example.org", space.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.DoesNotContain("all%40example.org", space.HtmlBody, StringComparison.Ordinal);

        var ledger = await app.Get<EmailLedger>().EntriesAsync("daily@1");
        Assert.Equal(["all@example.org", "space@example.org"], ledger.Select(e => e.Email));
        Assert.All(ledger, e => Assert.Equal("sent", e.Status));
        Assert.Equal(all.MessageId, ledger[0].MessageId);
    }

    [SkippableFact]
    public async Task DeliverAsync_crlfInTitlesAndName_noHeaderIsInjected()
    {
        await AddActiveAsync(app, "eve@example.org", "Eve\r\nBcc: stolen@evil.test");
        var digest = Digest("daily@2", "Daily\r\nBcc: victim@evil.test", Space(title: "Launch\r\nX-Injected: yes\nSubject: fake"));

        await Delivery(app, Smtp(sink.Port)).DeliverAsync(digest);

        var received = Assert.Single(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
        var message = received.Message;
        Assert.Equal(["eve@example.org"], received.Recipients);
        Assert.Null(message.Headers["X-Injected"]);
        Assert.Null(message.Headers["Bcc"]);
        Assert.Single(message.Headers, h => h.Field == "Subject");
        Assert.Equal("Daily Bcc: victim@evil.test: Launch X-Injected: yes Subject: fake", message.Subject);
        Assert.DoesNotContain("\n", message.Subject, StringComparison.Ordinal);
        Assert.Equal("Eve Bcc: stolen@evil.test", Assert.IsType<MimeKit.MailboxAddress>(Assert.Single(message.To)).Name);
        Assert.DoesNotContain("\r\nBcc:", message.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task DeliverAsync_runTwice_sendsOnlyWhatIsMissing()
    {
        await AddActiveAsync(app, "first@example.org");
        var delivery = Delivery(app, Smtp(sink.Port));
        await delivery.DeliverAsync(Digest("daily@3"));
        await AddActiveAsync(app, "second@example.org");

        var again = await delivery.DeliverAsync(Digest("daily@3"));

        Assert.Equal(1, again.Sent);
        var messages = await sink.WaitForMessagesAsync(2, TimeSpan.FromSeconds(10));
        Assert.Equal(["first@example.org", "second@example.org"], messages.SelectMany(m => m.Recipients).Order());
    }

    [SkippableFact]
    public async Task DeliverAsync_subscriberWithNoStoriesInTheirSections_isSkipped()
    {
        await AddActiveAsync(app, "energy@example.org", null, "energy");

        var result = await Delivery(app, Smtp(sink.Port)).DeliverAsync(Digest("daily@4", "Test Daily", Space()));

        Assert.Equal((0, 1), (result.Sent, result.Skipped));
        Assert.Empty(await app.Get<EmailLedger>().EntriesAsync("daily@4"));
    }

    [SkippableFact]
    public async Task DeliverAsync_messagesPerSecondCap_spreadsTheSends()
    {
        for (var i = 0; i < 20; i++)
        {
            await AddActiveAsync(app, $"paced{i:D2}@example.org");
        }

        var watch = Stopwatch.StartNew();
        var result = await Delivery(app, Smtp(sink.Port, s => s.MaxMessagesPerSecond = 20)).DeliverAsync(Digest("daily@5"));

        Assert.Equal(20, result.Sent);
        // 20 sends spaced 50 ms apart: the last leaves no earlier than 950 ms after the first.
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(20));
    }
}
