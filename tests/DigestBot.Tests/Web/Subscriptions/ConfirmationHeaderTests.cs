using System.Net;
using DigestBot.Hosting;
using DigestBot.Tests.Deliver.Email;
using DigestBot.Tests.Support;
using MimeKit;

namespace DigestBot.Tests.Web.Subscriptions;

/// <summary>The subscribe form's confirmation email, with names typed into the form and a hostile sender name in the configuration.</summary>
public sealed class ConfirmationHeaderTests : IAsyncLifetime
{
    private SmtpSink sink = null!;
    private TestApp app = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        sink = await SmtpSink.StartAsync();
        app = TestApp.Create(c =>
        {
            c["Smtp"]!["Port"] = sink.Port;
            c["Email"]!["FromName"] = HostileText.FromName;
        });
        await app.StartAsync(HostMode.Worker);
        http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        http?.Dispose();
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
    public async Task Subscribe_hostileNameAndFromName_confirmationHeadersDecodeWithoutControlCharactersOrExtraHeaders()
    {
        // ASP.NET Core refuses a form value holding NUL before the endpoint sees it; every other control character gets through.
        var names = HostileText.All.Select(n => n.Replace("\0", "", StringComparison.Ordinal)).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            using var form = new FormUrlEncodedContent([new("email", $"new{i}@example.org"), new("name", names[i]), new("section", "space")]);
            var posted = await http.PostAsync("/subscribe", form);
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var received = await sink.WaitForMessagesAsync(names.Count, TimeSpan.FromSeconds(20));

        Assert.Equal(names.Count, received.Count);
        Assert.All(received, r => Assert.Empty(HeaderInspection.Problems(r.Message, EmailMessageFactoryTests.ConfirmationFields)));
        var first = received.Single(r => r.Recipients.Contains("new0@example.org")).Message;
        Assert.Equal(HostileText.QuotedPrintableCrLf, Assert.IsType<MailboxAddress>(Assert.Single(first.To)).Name);
        Assert.Equal(HostileText.FromName, Assert.IsType<MailboxAddress>(Assert.Single(first.From)).Name);
    }
}
