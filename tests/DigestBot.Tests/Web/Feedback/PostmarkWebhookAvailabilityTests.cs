using System.Net;

namespace DigestBot.Tests.Web.Feedback;

/// <summary>The webhook exists only when configured, and asks Postmark to retry while nothing can take its events.</summary>
public sealed class PostmarkWebhookAvailabilityTests
{
    [Fact]
    public async Task Post_credentialsNotConfigured_404()
    {
        await using var host = await PostmarkWebhookHost.StartAsync(configured: false, new RecordingFeedbackSink());

        using var response = await host.PostAsync(PostmarkWebhookHost.Event("Bounce", 1, "HardBounce", 1, "reader@example.org"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_noFeedbackSinkRegistered_503SoPostmarkRetries()
    {
        await using var host = await PostmarkWebhookHost.StartAsync(configured: true, sink: null);

        using var response = await host.PostAsync(PostmarkWebhookHost.Event("Bounce", 1, "HardBounce", 1, "reader@example.org"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
