using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigestBot.Options;
using DigestBot.Render.Discord;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Deliver.Discord;

/// <summary>
/// Discord's HTTP API: execute webhook (with <c>wait=true</c>, so Discord returns the stored message), create message
/// and start a forum thread with the bot token. Retries live here rather than in a generic resilience handler because
/// they must read Discord's own answers: a 429 waits its retry_after (per route, or for everything when global),
/// a 5xx or network error backs off and retries, and anything else is final.
/// </summary>
public sealed partial class DiscordClient(HttpClient http, DiscordRateLimiter limiter, TimeProvider clock, IOptionsMonitor<DiscordOptions> options, ILogger<DiscordClient> logger)
{
    public async Task<DiscordSendResult> SendAsync(DiscordTarget target, DiscordPayload payload, string? threadId = null, CancellationToken cancellationToken = default)
    {
        var route = target.RouteKey(threadId);
        var settings = options.CurrentValue;
        string? lastError = null;
        var lastStatus = 0;
        for (var attempt = 1; attempt <= settings.MaxAttempts; attempt++)
        {
            await limiter.WaitAsync(route, cancellationToken);
            HttpResponseMessage response;
            try
            {
                using var request = Request(target, payload, threadId, settings);
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                lastError = ex.Message;
                LogRetrying(logger, target.Name, 0, attempt, ex.Message);
                await BackoffAsync(settings, attempt, cancellationToken);
                continue;
            }

            using (response)
            {
                limiter.Update(route, response);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                var status = (int)response.StatusCode;
                lastStatus = status;
                if (response.IsSuccessStatusCode)
                {
                    var (messageId, channelId) = Stored(body, payload, target, threadId);
                    return new DiscordSendResult(DiscordSendOutcome.Posted, status, messageId, channelId, Attempts: attempt);
                }

                var (code, message, retryAfter, global) = Error(body);
                if (status == 429)
                {
                    var wait = retryAfter ?? DiscordRateLimiter.Seconds(DiscordRateLimiter.Header(response, "Retry-After")) ?? TimeSpan.FromSeconds(1);
                    var scope = DiscordRateLimiter.Header(response, "X-RateLimit-Scope");
                    global |= scope == "global" || DiscordRateLimiter.Header(response, "X-RateLimit-Global") == "true";
                    limiter.Block(route, wait, global);
                    LogRateLimited(logger, target.Name, wait.TotalSeconds, global, scope ?? "");
                    lastError = body;
                    continue;
                }

                if (status >= 500)
                {
                    lastError = body;
                    LogRetrying(logger, target.Name, status, attempt, body);
                    await BackoffAsync(settings, attempt, cancellationToken);
                    continue;
                }

                var outcome = status is 401 or 403 or 404 ? DiscordSendOutcome.Dead : DiscordSendOutcome.Rejected;
                return new DiscordSendResult(outcome, status, ErrorCode: code, Error: message is null ? body : $"{message} ({code}): {body}", Attempts: attempt);
            }
        }

        return new DiscordSendResult(DiscordSendOutcome.Failed, lastStatus, Error: lastError, Attempts: settings.MaxAttempts);
    }

    /// <summary>How request bodies are written (JsonContent's own default, named so the outbox writes the same bytes).</summary>
    internal static JsonSerializerOptions BodyJson => JsonSerializerOptions.Web;

    /// <summary>The body of an execute-webhook request: a message in an existing thread does not name a new one.</summary>
    internal static DiscordPayload WebhookBody(DiscordPayload payload, string? threadId) =>
        payload with { ThreadName = threadId is null ? payload.ThreadName : null, Nonce = null, EnforceNonce = null };

    private Task BackoffAsync(DiscordOptions settings, int attempt, CancellationToken cancellationToken) =>
        attempt < settings.MaxAttempts ? Task.Delay(settings.RetryBackoff * Math.Pow(2, attempt - 1), clock, cancellationToken) : Task.CompletedTask;

    private static HttpRequestMessage Request(DiscordTarget target, DiscordPayload payload, string? threadId, DiscordOptions settings)
    {
        if (target.IsWebhook)
        {
            var url = new UriBuilder(target.WebhookUrl!) { Query = "wait=true" + (threadId is null ? "" : "&thread_id=" + Uri.EscapeDataString(threadId)) };
            return new HttpRequestMessage(HttpMethod.Post, url.Uri) { Content = JsonContent.Create(WebhookBody(payload, threadId), options: BodyJson) };
        }

        // Bots have no per-message name or avatar; a forum post is a thread started with its first message.
        var message = payload with { Username = null, AvatarUrl = null, ThreadName = null };
        var startThread = threadId is null && !string.IsNullOrEmpty(payload.ThreadName);
        var request = startThread
            ? new HttpRequestMessage(HttpMethod.Post, new Uri(settings.ApiBaseUrl, $"channels/{Uri.EscapeDataString(target.ChannelId!)}/threads"))
            {
                Content = JsonContent.Create(new JsonObject
                {
                    ["name"] = payload.ThreadName,
                    ["message"] = JsonSerializer.SerializeToNode(message with { Nonce = null, EnforceNonce = null }),
                }),
            }
            : new HttpRequestMessage(HttpMethod.Post, new Uri(settings.ApiBaseUrl, $"channels/{Uri.EscapeDataString(threadId ?? target.ChannelId!)}/messages"))
            {
                Content = JsonContent.Create(message),
            };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", target.BotToken);
        return request;
    }

    /// <summary>The stored message's id and channel: a message object, or for a new forum thread the channel object
    /// (its id is the thread; its "message" is the first post).</summary>
    private static (string? MessageId, string? ChannelId) Stored(string body, DiscordPayload payload, DiscordTarget target, string? threadId)
    {
        try
        {
            var root = JsonNode.Parse(body);
            if (!target.IsWebhook && threadId is null && !string.IsNullOrEmpty(payload.ThreadName))
            {
                return (root?["message"]?["id"]?.GetValue<string>() ?? root?["last_message_id"]?.GetValue<string>(), root?["id"]?.GetValue<string>());
            }

            return (root?["id"]?.GetValue<string>(), root?["channel_id"]?.GetValue<string>());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return (null, null);
        }
    }

    /// <summary>Discord's error body: {"code", "message", "errors"} or, for 429, {"retry_after", "global"}.</summary>
    private static (int? Code, string? Message, TimeSpan? RetryAfter, bool Global) Error(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonObject root)
            {
                return (null, null, null, false);
            }

            int? code = root["code"] is JsonValue c && c.TryGetValue<int>(out var v) ? v : null;
            TimeSpan? retryAfter = root["retry_after"] is JsonValue r && r.TryGetValue<double>(out var s) && s >= 0 ? TimeSpan.FromSeconds(s) : null;
            var global = root["global"] is JsonValue g && g.TryGetValue<bool>(out var b) && b;
            return (code, root["message"] is JsonValue m && m.TryGetValue<string>(out var text) ? text : null, retryAfter, global);
        }
        catch (JsonException)
        {
            return (null, null, null, false);
        }
    }

    [LoggerMessage(EventId = 6011, Level = LogLevel.Warning, Message = "Discord rate-limited {Destination} (429): retrying after {Seconds:0.###} s (global: {Global}, scope: {Scope})")]
    private static partial void LogRateLimited(ILogger logger, string destination, double seconds, bool global, string scope);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Warning, Message = "Discord destination {Destination} answered {Status} on attempt {Attempt}; retrying with backoff: {Error}")]
    private static partial void LogRetrying(ILogger logger, string destination, int status, int attempt, string error);
}
