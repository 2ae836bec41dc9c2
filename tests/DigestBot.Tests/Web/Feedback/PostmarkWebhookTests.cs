using System.Net;
using System.Text.Json.Nodes;
using DigestBot.Feedback;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Web.Feedback;

/// <summary>Postmark's Bounce and SpamComplaint webhooks through the real worker's Kestrel, into a recording sink.</summary>
public sealed class PostmarkWebhookTests : IAsyncLifetime
{
    private const string Reader = "reader@example.org";

    private readonly RecordingFeedbackSink sink = new(Reader);
    private readonly CapturingLoggerProvider logs = new();
    private PostmarkWebhookHost host = null!;

    public async Task InitializeAsync() => host = await PostmarkWebhookHost.StartAsync(configured: true, sink, logs);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Post_withoutOrWithWrongCredentials_401AndNothingApplied()
    {
        var body = PostmarkWebhookHost.Event("Bounce", 1, "HardBounce", 1, Reader);

        using var none = await host.PostAsync(body, user: null);
        using var wrongPassword = await host.PostAsync(body, password: "correct horse battery");
        using var wrongUser = await host.PostAsync(body, user: "admin");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], [none.StatusCode, wrongPassword.StatusCode, wrongUser.StatusCode]);
        Assert.Equal("Basic", Assert.Single(none.Headers.WwwAuthenticate).Scheme);
        Assert.Empty(sink.Received);
    }

    [Fact]
    public async Task Post_eachBounceAndComplaintType_mappedToItsKind()
    {
        (string Record, string Type, int Code, FeedbackKind Kind)[] cases =
        [
            ("Bounce", "HardBounce", 1, FeedbackKind.HardBounce),
            ("Bounce", "BadEmailAddress", 100000, FeedbackKind.HardBounce),
            ("Bounce", "ManuallyDeactivated", 100002, FeedbackKind.HardBounce),
            ("Bounce", "SoftBounce", 4096, FeedbackKind.SoftBounce),
            ("Bounce", "Transient", 2, FeedbackKind.SoftBounce),
            ("Bounce", "DnsError", 256, FeedbackKind.SoftBounce),
            ("Bounce", "SpamNotification", 512, FeedbackKind.Complaint),
            ("SpamComplaint", "SpamComplaint", 100001, FeedbackKind.Complaint),
        ];

        for (var i = 0; i < cases.Length; i++)
        {
            var (record, type, code, kind) = cases[i];
            using var response = await host.PostAsync(PostmarkWebhookHost.Event(record, 1000 + i, type, code, Reader));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("applied", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["outcome"]!.GetValue<string>());
            var report = Assert.Single(sink.For($"postmark:{1000 + i}"));
            Assert.Equal((kind, "postmark", Reader), (report.Kind, report.Source, report.Recipient));
            Assert.Equal("883953f4-6105-42a2-a16a-77a8eac79483", report.OriginalMessageId);
            Assert.Equal("5.1.1", report.Status);
            Assert.StartsWith("smtp;550 5.1.1", report.Diagnostic, StringComparison.Ordinal);
            Assert.Equal(new DateTimeOffset(2026, 11, 30, 7, 10, 20, 273, TimeSpan.Zero).AddTicks(5393), report.OccurredAt);
        }
    }

    [Theory]
    [InlineData("Bounce", "AutoResponder", 64)]
    [InlineData("Bounce", "Subscribe", 32)]
    [InlineData("Bounce", "OpenRelayTest", 1024)]
    [InlineData("Delivery", "", 0)]
    public async Task Post_typeThatSaysNothingAboutTheAddress_200IgnoredAndNotApplied(string record, string type, int code)
    {
        using var response = await host.PostAsync(PostmarkWebhookHost.Event(record, 2000 + code, type, code, Reader));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ignored", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["outcome"]!.GetValue<string>());
        Assert.Empty(sink.Received);
    }

    [Fact]
    public async Task Post_sameEventRetried_200EachTimeAndOneReportApplied()
    {
        var body = PostmarkWebhookHost.Event("Bounce", 42, "HardBounce", 1, Reader);

        var outcomes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await host.PostAsync(body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            outcomes.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["outcome"]!.GetValue<string>());
        }

        Assert.Equal(["applied", "alreadyApplied", "alreadyApplied"], outcomes);
        Assert.Equal(["postmark:42"], sink.Received.Select(r => r.EventId).Distinct());
        Assert.Equal("postmark:42", Assert.Single(sink.Applied).EventId);
    }

    [Fact]
    public async Task Post_recipientMatchesNoSubscriber_200AndLogged()
    {
        using var response = await host.PostAsync(PostmarkWebhookHost.Event("SpamComplaint", 77, "SpamComplaint", 100001, "stranger@example.net"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("unmatched", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["outcome"]!.GetValue<string>());
        var logged = await logs.WaitForAsync(e => e.EventId.Id == 9204, TimeSpan.FromSeconds(5));
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Contains("stranger@example.net", logged.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"RecordType\": \"Bounce\", \"ID\": 5, ", "not a Postmark webhook event")]
    [InlineData("[1, 2, 3]", "not a Postmark webhook event")]
    [InlineData("null", "JSON null")]
    [InlineData("{\"RecordType\": \"Bounce\", \"ID\": \"five\", \"Type\": \"HardBounce\", \"Email\": \"reader@example.org\"}", "not a Postmark webhook event")]
    [InlineData("{\"RecordType\": \"Bounce\", \"ID\": 5, \"Type\": \"HardBounce\"}", "needs the Email")]
    [InlineData("{\"RecordType\": \"Bounce\", \"Type\": \"HardBounce\", \"Email\": \"reader@example.org\"}", "needs its ID")]
    public async Task Post_unreadableBody_400SayingWhy(string body, string reason)
    {
        using var response = await host.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(sink.Received);
    }

    [Fact]
    public async Task Post_bodyOverOneMegabyte_413()
    {
        var huge = PostmarkWebhookHost.Event("Bounce", 9, "HardBounce", 1, Reader).TrimEnd('}') + ", \"Content\": \"" + new string('x', 1_100_000) + "\"}";

        using var response = await host.PostAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(sink.Received);
    }
}
