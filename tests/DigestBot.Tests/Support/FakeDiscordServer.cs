using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Support;

/// <summary>
/// A Discord-compatible HTTP server on 127.0.0.1: execute-webhook and create-message endpoints that validate bodies
/// against Discord's limits (400 like Discord), answer 404 (10015) for unknown webhooks, and 429 on demand.
/// </summary>
public sealed class FakeDiscordServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, byte> knownWebhooks = new();
    private readonly ConcurrentQueue<double> pendingRateLimits = new();
    private long nextId = 1_200_000_000_000_000_000;

    private FakeDiscordServer(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedDiscordMessage> Messages { get; } = new();

    /// <summary>Requests refused with 400 or 429, kept for assertions.</summary>
    public ConcurrentQueue<(int Status, string Body)> Rejections { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public string BotToken { get; } = "test-bot-token";

    public static async Task<FakeDiscordServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeDiscordServer(app);
        app.MapPost("/api/webhooks/{id}/{token}", (string id, string token, HttpContext context) =>
            server.HandleAsync($"{id}/{token}", context, requireBot: false));
        app.MapPost("/api/v10/channels/{channelId}/messages", (string channelId, HttpContext context) =>
            server.HandleAsync("channel:" + channelId, context, requireBot: true));
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Creates a webhook this server accepts and returns its URL.</summary>
    public string CreateWebhook(string name)
    {
        var id = Interlocked.Increment(ref nextId).ToString();
        var path = $"{id}/{name}-token";
        knownWebhooks[path] = 0;
        return new Uri(BaseAddress, $"api/webhooks/{path}").AbsoluteUri;
    }

    /// <summary>A webhook URL of the right shape that this server does not know (Discord answers 404, code 10015).</summary>
    public string UnknownWebhook() => new Uri(BaseAddress, "api/webhooks/1/deleted-token").AbsoluteUri;

    public Uri ApiBase => new(BaseAddress, "api/v10/");

    /// <summary>The next request is answered 429 with this retry_after (seconds).</summary>
    public void RateLimitNext(double retryAfterSeconds) => pendingRateLimits.Enqueue(retryAfterSeconds);

    public IReadOnlyList<ReceivedDiscordMessage> MessagesFor(string target) =>
        Messages.Where(m => m.Target == target || m.Target.StartsWith(target, StringComparison.Ordinal)).ToList();

    private async Task<IResult> HandleAsync(string target, HttpContext context, bool requireBot)
    {
        if (requireBot && context.Request.Headers.Authorization.ToString() != "Bot " + BotToken)
        {
            return Results.Json(new { message = "401: Unauthorized", code = 0 }, statusCode: 401);
        }

        if (!requireBot && !knownWebhooks.ContainsKey(target))
        {
            return Results.Json(new { message = "Unknown Webhook", code = 10015 }, statusCode: 404);
        }

        if (pendingRateLimits.TryDequeue(out var retryAfter))
        {
            var limited = $$"""{"message":"You are being rate limited.","retry_after":{{retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"global":false}""";
            Rejections.Enqueue((429, limited));
            context.Response.Headers["Retry-After"] = Math.Ceiling(retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["X-RateLimit-Scope"] = "user";
            return Results.Content(limited, "application/json", statusCode: 429);
        }

        var body = await JsonNode.ParseAsync(context.Request.Body);
        var errors = DiscordPayloadRules.Check(body);
        if (errors.Count > 0)
        {
            var error = new JsonObject { ["code"] = 50035, ["message"] = "Invalid Form Body", ["errors"] = new JsonArray(errors.Select(e => (JsonNode)e).ToArray()) };
            Rejections.Enqueue((400, error.ToJsonString()));
            return Results.Json(error, statusCode: 400);
        }

        var id = Interlocked.Increment(ref nextId).ToString();
        Messages.Enqueue(new ReceivedDiscordMessage(target, id, body!.AsObject(), context.Request.QueryString.Value ?? ""));
        context.Response.Headers["X-RateLimit-Limit"] = "5";
        context.Response.Headers["X-RateLimit-Remaining"] = "4";
        context.Response.Headers["X-RateLimit-Reset-After"] = "1";
        context.Response.Headers["X-RateLimit-Bucket"] = "fake-bucket";
        return Results.Json(new { id, type = 0, channel_id = "1", content = body["content"]?.GetValue<string>() ?? "" });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record ReceivedDiscordMessage(string Target, string Id, JsonObject Body, string Query);
