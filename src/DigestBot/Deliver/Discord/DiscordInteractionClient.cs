using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DigestBot.Options;
using DigestBot.Render.Discord;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Deliver.Discord;

/// <summary>
/// The application side of Discord's API: finishing a deferred command reply through the interaction's webhook (edit
/// original response, no bot token: the interaction token is the credential, valid 15 minutes) and overwriting the
/// application's commands with the bot token. A 429 waits its retry_after once more; anything else is final.
/// </summary>
public sealed partial class DiscordInteractionClient(HttpClient http, IOptionsMonitor<DiscordOptions> options, TimeProvider clock, ILogger<DiscordInteractionClient> logger)
{
    private const int Attempts = 3;

    public async Task<bool> EditOriginalAsync(string applicationId, string interactionToken, DiscordInteractionMessage message, CancellationToken cancellationToken = default)
    {
        var path = $"webhooks/{Uri.EscapeDataString(applicationId)}/{Uri.EscapeDataString(interactionToken)}/messages/@original";
        var (status, body) = await SendAsync(() => new HttpRequestMessage(HttpMethod.Patch, new Uri(options.CurrentValue.ApiBaseUrl, path))
        {
            Content = JsonContent.Create(message with { Flags = null }, options: DiscordClient.BodyJson),
        }, cancellationToken);
        if (status is < 200 or > 299)
        {
            LogFollowUpFailed(logger, status, body);
            return false;
        }

        return true;
    }

    /// <summary>Replaces the application's commands (globally, or in one guild, where changes show at once).</summary>
    public Task<(int Status, string Body)> PutCommandsAsync(string applicationId, string? guildId, string botToken, JsonArray commands, CancellationToken cancellationToken = default)
    {
        var path = guildId is null
            ? $"applications/{Uri.EscapeDataString(applicationId)}/commands"
            : $"applications/{Uri.EscapeDataString(applicationId)}/guilds/{Uri.EscapeDataString(guildId)}/commands";
        return SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, new Uri(options.CurrentValue.ApiBaseUrl, path))
            {
                Content = new StringContent(commands.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", botToken);
            return request;
        }, cancellationToken);
    }

    private async Task<(int Status, string Body)> SendAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = create();
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            if (status != 429 || attempt == Attempts)
            {
                return (status, body);
            }

            var wait = RetryAfter(body) ?? TimeSpan.FromSeconds(1);
            LogRateLimited(logger, wait.TotalSeconds);
            await Task.Delay(wait, clock, cancellationToken);
        }
    }

    private static TimeSpan? RetryAfter(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["retry_after"] is JsonValue value && value.TryGetValue<double>(out var seconds) && seconds >= 0
                ? TimeSpan.FromSeconds(Math.Min(seconds, 60))
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 6020, Level = LogLevel.Warning, Message = "Discord refused the follow-up of a deferred command reply with {Status}: {Body}")]
    private static partial void LogFollowUpFailed(ILogger logger, int status, string body);

    [LoggerMessage(EventId = 6021, Level = LogLevel.Warning, Message = "Discord rate-limited an application request (429): retrying after {Seconds:0.###} s")]
    private static partial void LogRateLimited(ILogger logger, double seconds);
}
