using System.Net;
using System.Text.Json.Nodes;
using DigestBot.Hosting;
using DigestBot.Model;
using DigestBot.Store;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Options;

namespace DigestBot.Tests.Web.Subscriptions;

/// <summary>The subscribe form's rate limits, over HTTP against the real worker (Kestrel on 127.0.0.1, port 0) and smtp-sink.</summary>
public sealed class SubscribeRateLimitTests
{
    [SkippableFact]
    public async Task Subscribe_overPerClientLimit_429WithRetryAfterAndNoMail_thenAllowedAgain()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await StartAsync(sink.Port, permits: 2, global: 100, window: "00:00:04");
        using var http = Client(app);

        var first = await SubscribeAsync(http, "one@example.org");
        var second = await SubscribeAsync(http, "two@example.org");
        var refused = await SubscribeAsync(http, "three@example.org");
        var form = await http.GetAsync("/subscribe");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = Assert.Single(refused.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 4);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        // Each confirmation is sent before the POST is answered: with every answer in hand, what the store recorded as
        // pending is all the mail there will be.
        var store = app.Get<SubscriberStore>();
        Assert.Null(await store.FindAsync("three@example.org"));
        Assert.Equal(SubscriberStatus.Pending, (await store.FindAsync("two@example.org"))?.Status);
        Assert.Equal(["one@example.org", "two@example.org"], sink.Messages().SelectMany(m => m.Recipients).Order(StringComparer.Ordinal));

        await Task.Delay(TimeSpan.FromSeconds(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture)) + TimeSpan.FromMilliseconds(200));
        Assert.Equal(HttpStatusCode.OK, (await SubscribeAsync(http, "three@example.org")).StatusCode);
    }

    [SkippableFact]
    public async Task Subscribe_overGlobalLimit_429ForEveryClient()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await StartAsync(sink.Port, permits: 100, global: 1, window: "00:01:00");
        using var http = Client(app);

        var first = await SubscribeAsync(http, "one@example.org");
        var refused = await SubscribeAsync(http, "two@example.org");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
    }

    [Theory]
    [InlineData("PermitLimit", "0")]
    [InlineData("GlobalPermitLimit", "-1")]
    [InlineData("Window", "00:00:00")]
    public async Task Start_invalidLimit_failsNamingTheKey(string key, string value)
    {
        await using var app = TestApp.Create(c => c["Web"]!["SubscribeRateLimit"] = new JsonObject { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith($"Web:SubscribeRateLimit:{key}:", StringComparison.Ordinal));
    }

    private static async Task<TestApp> StartAsync(int smtpPort, int permits, int global, string window)
    {
        var app = TestApp.Create(c =>
        {
            c["Smtp"]!["Port"] = smtpPort;
            c["Web"]!["SubscribeRateLimit"] = new JsonObject { ["PermitLimit"] = permits, ["GlobalPermitLimit"] = global, ["Window"] = window };
        });
        return await app.StartAsync(HostMode.Worker);
    }

    private static HttpClient Client(TestApp app) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.First()) };

    private static Task<HttpResponseMessage> SubscribeAsync(HttpClient http, string email) =>
        http.PostAsync("/subscribe", new FormUrlEncodedContent([new("email", email)]));
}
