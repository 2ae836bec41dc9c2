using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Support;

/// <summary>
/// A Discord-compatible HTTP server on 127.0.0.1: execute-webhook (wait, thread_id, thread_name), create-message and
/// start-forum-thread endpoints that validate bodies against Discord's rules (400, code 50035, like Discord), send
/// X-RateLimit-* headers from a per-route bucket on the given clock (429 when a client ignores them), and answer
/// 429 (per-route or global), 5xx, 404 (10015) or 401 (50027) on demand; plus the application endpoints of
/// <see cref="FakeDiscordApplication"/> (command registration, deferred interaction replies).
/// </summary>
public sealed class FakeDiscordServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TimeProvider clock;
    private readonly ConcurrentDictionary<string, string> webhooks = new();
    private readonly ConcurrentDictionary<string, FakeDiscordBucket> buckets = new();
    private readonly ConcurrentDictionary<string, ReceivedDiscordMessage> nonces = new();
    private readonly ConcurrentQueue<(double RetryAfter, bool Global)> pendingRateLimits = new();
    private readonly ConcurrentQueue<int> pendingFailures = new();
    private long nextId = 1_200_000_000_000_000_000;
    private int requestCount;

    private FakeDiscordServer(WebApplication app, TimeProvider clock)
    {
        this.app = app;
        this.clock = clock;
    }

    public ConcurrentQueue<ReceivedDiscordMessage> Messages { get; } = new();

    /// <summary>Command registration and interaction follow-ups.</summary>
    public FakeDiscordApplication Application { get; private set; } = null!;

    /// <summary>Requests refused (4xx, 5xx), kept for assertions.</summary>
    public ConcurrentQueue<(int Status, string Body)> Rejections { get; } = new();

    /// <summary>Every request as it arrived: target, status answered, and the server clock's time.</summary>
    public ConcurrentQueue<(string Target, int Status, DateTimeOffset At)> Requests { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public Uri ApiBase => new(BaseAddress, "api/v10/");

    public string BotToken { get; } = "test-bot-token";

    /// <summary>Requests per route per window before the bucket is exhausted (Discord's webhooks allow about 5 per 2 s).</summary>
    public int BucketLimit { get; set; } = 5;

    public TimeSpan BucketWindow { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Channel ids the bot may not post to (403, code 50001 Missing Access).</summary>
    public ConcurrentDictionary<string, byte> ForbiddenChannels { get; } = new();

    /// <summary>Forced answers by request number (1 for the first request this server receives), e.g. { [2] = 500 }.</summary>
    public ConcurrentDictionary<int, int> FailRequests { get; } = new();

    public static async Task<FakeDiscordServer> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeDiscordServer(app, clock ?? TimeProvider.System);
        server.Application = new FakeDiscordApplication(server.clock, server.BotToken);
        server.Application.Map(app);
        app.MapPost("/api/webhooks/{id}/{token}", (string id, string token, HttpContext context) => server.WebhookAsync(id, token, context));
        app.MapPost("/api/v10/channels/{channelId}/messages", (string channelId, HttpContext context) =>
            server.HandleAsync("channel:" + channelId, channelId, context, bot: true, startThread: false));
        app.MapPost("/api/v10/channels/{channelId}/threads", (string channelId, HttpContext context) =>
            server.HandleAsync("channel:" + channelId, channelId, context, bot: true, startThread: true));
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Creates a webhook this server accepts and returns its URL.</summary>
    public string CreateWebhook(string name)
    {
        var id = NextId();
        webhooks[$"{id}/{name}-token"] = id;
        return new Uri(BaseAddress, $"api/webhooks/{id}/{name}-token").AbsoluteUri;
    }

    /// <summary>A webhook URL of the right shape that this server does not know (Discord answers 404, code 10015).</summary>
    public string UnknownWebhook() => new Uri(BaseAddress, "api/webhooks/1/deleted-token").AbsoluteUri;

    /// <summary>Deletes a webhook: later posts to it get 404 (10015).</summary>
    public void DeleteWebhook(string url) => webhooks.TryRemove(new Uri(url).AbsolutePath["/api/webhooks/".Length..], out _);

    /// <summary>The next request is answered 429 with this retry_after (seconds), per-route or global.</summary>
    public void RateLimitNext(double retryAfterSeconds, bool global = false) => pendingRateLimits.Enqueue((retryAfterSeconds, global));

    /// <summary>The next request is answered with this 5xx status.</summary>
    public void FailNext(int status = 502) => pendingFailures.Enqueue(status);

    public IReadOnlyList<ReceivedDiscordMessage> MessagesFor(string target) =>
        Messages.Where(m => m.Target == target || m.Target.StartsWith(target, StringComparison.Ordinal)).ToList();

    private Task<IResult> WebhookAsync(string id, string token, HttpContext context)
    {
        var path = $"{id}/{token}";
        if (!webhooks.ContainsKey(path))
        {
            var invalidToken = webhooks.Values.Contains(id);
            var error = invalidToken ? new { message = "Invalid Webhook Token", code = 50027 } : new { message = "Unknown Webhook", code = 10015 };
            return Task.FromResult(Refuse(path, invalidToken ? 401 : 404, new JsonObject { ["message"] = error.message, ["code"] = error.code }));
        }

        return HandleAsync(path, id, context, bot: false, startThread: false);
    }

    private async Task<IResult> HandleAsync(string target, string channelId, HttpContext context, bool bot, bool startThread)
    {
        if (FailRequests.TryRemove(Interlocked.Increment(ref requestCount), out var forced))
        {
            return Refuse(target, forced, new JsonObject { ["message"] = forced == 400 ? "Invalid Form Body" : "Server Error", ["code"] = forced == 400 ? 50035 : 0 });
        }

        if (bot && context.Request.Headers.Authorization.ToString() != "Bot " + BotToken)
        {
            return Refuse(target, 401, new JsonObject { ["message"] = "401: Unauthorized", ["code"] = 0 });
        }

        if (bot && ForbiddenChannels.ContainsKey(channelId))
        {
            return Refuse(target, 403, new JsonObject { ["message"] = "Missing Access", ["code"] = 50001 });
        }

        if (pendingRateLimits.TryDequeue(out var limit))
        {
            return RateLimited(context, target, limit.RetryAfter, limit.Global, limit.Global ? "global" : "user");
        }

        if (pendingFailures.TryDequeue(out var failure))
        {
            return Refuse(target, failure, new JsonObject { ["message"] = "Bad Gateway", ["code"] = 0 });
        }

        var bucket = buckets.GetOrAdd(target, _ => new FakeDiscordBucket(BucketLimit, BucketWindow));
        if (!bucket.TryTake(clock.GetUtcNow(), out var remaining, out var resetAfter))
        {
            return RateLimited(context, target, resetAfter.TotalSeconds, global: false, "user");
        }

        SetBucketHeaders(context, bucket.Limit, remaining, resetAfter);
        var request = await JsonNode.ParseAsync(context.Request.Body);
        var body = startThread ? request?["message"] : request;
        var threadId = context.Request.Query["thread_id"].ToString();
        var errors = DiscordPayloadRules.Check(body).ToList();
        if (startThread && request?["name"]?.GetValue<string>() is not { Length: > 0 and <= 100 })
        {
            errors.Add("name: must be 1-100 characters");
        }

        if (threadId.Length > 0 && body?["thread_name"] is not null)
        {
            errors.Add("thread_id and thread_name are mutually exclusive");
        }

        if (errors.Count > 0)
        {
            return Refuse(target, 400, new JsonObject { ["code"] = 50035, ["message"] = "Invalid Form Body", ["errors"] = new JsonArray(errors.Select(e => (JsonNode)e).ToArray()) });
        }

        var nonce = body!["enforce_nonce"]?.GetValue<bool>() == true ? body["nonce"]?.GetValue<string>() : null;
        if (nonce is not null && nonces.TryGetValue($"{channelId}|{nonce}", out var earlier))
        {
            Requests.Enqueue((target, 200, clock.GetUtcNow()));
            return Results.Json(new { id = earlier.Id, type = 0, channel_id = earlier.ChannelId });
        }

        var createsThread = startThread || (!bot && body["thread_name"] is not null);
        var landedIn = createsThread ? NextId() : threadId.Length > 0 ? threadId : channelId;
        var message = new ReceivedDiscordMessage(target, NextId(), body.AsObject(), context.Request.QueryString.Value ?? "", landedIn,
            startThread ? request!["name"]!.GetValue<string>() : body["thread_name"]?.GetValue<string>(), clock.GetUtcNow());
        Messages.Enqueue(message);
        Requests.Enqueue((target, 200, message.At));
        if (nonce is not null)
        {
            nonces[$"{channelId}|{nonce}"] = message;
        }

        var stored = new { id = message.Id, type = 0, channel_id = landedIn, content = body["content"]?.GetValue<string>() ?? "" };
        return startThread
            ? Results.Json(new { id = landedIn, type = 11, parent_id = channelId, name = message.ThreadName, message = stored })
            : Results.Json(stored);
    }

    private IResult RateLimited(HttpContext context, string target, double retryAfter, bool global, string scope)
    {
        var seconds = retryAfter.ToString("0.###", CultureInfo.InvariantCulture);
        context.Response.Headers["Retry-After"] = Math.Ceiling(retryAfter).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Scope"] = scope;
        if (global)
        {
            context.Response.Headers["X-RateLimit-Global"] = "true";
        }
        else
        {
            SetBucketHeaders(context, BucketLimit, 0, TimeSpan.FromSeconds(retryAfter));
        }

        var body = $$"""{"message":"You are being rate limited.","retry_after":{{seconds}},"global":{{(global ? "true" : "false")}}}""";
        Rejections.Enqueue((429, body));
        Requests.Enqueue((target, 429, clock.GetUtcNow()));
        return Results.Content(body, "application/json", statusCode: 429);
    }

    private IResult Refuse(string target, int status, JsonObject error)
    {
        Rejections.Enqueue((status, error.ToJsonString()));
        Requests.Enqueue((target, status, clock.GetUtcNow()));
        return Results.Json(error, statusCode: status);
    }

    private static void SetBucketHeaders(HttpContext context, int limit, int remaining, TimeSpan resetAfter)
    {
        context.Response.Headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Reset-After"] = resetAfter.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Bucket"] = "fake-" + limit;
    }

    private string NextId() => Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
