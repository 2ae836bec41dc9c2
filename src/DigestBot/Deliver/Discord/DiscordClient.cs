using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DigestBot.Options;
using DigestBot.Render.Discord;
using Microsoft.Extensions.Options;

namespace DigestBot.Deliver.Discord;

/// <summary>Discord's HTTP API: execute webhook, or create message with the bot token.</summary>
public sealed class DiscordClient(HttpClient http, IOptions<DiscordOptions> options)
{
    public async Task<DiscordPostResult> PostAsync(DiscordDestinationOptions destination, DiscordPayload payload, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Target(destination))
        {
            Content = JsonContent.Create(payload),
        };
        if (string.IsNullOrEmpty(destination.WebhookUrl))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.BotToken);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return new DiscordPostResult(response.StatusCode, MessageId(body), null);
        }

        return new DiscordPostResult(response.StatusCode, null, body);
    }

    private Uri Target(DiscordDestinationOptions destination)
    {
        if (!string.IsNullOrEmpty(destination.WebhookUrl))
        {
            var builder = new UriBuilder(destination.WebhookUrl);
            var query = "wait=true";
            if (!string.IsNullOrEmpty(destination.ThreadId))
            {
                query += "&thread_id=" + Uri.EscapeDataString(destination.ThreadId);
            }

            builder.Query = query;
            return builder.Uri;
        }

        return new Uri(options.Value.ApiBaseUrl, $"channels/{Uri.EscapeDataString(destination.ChannelId ?? "")}/messages");
    }

    private static string? MessageId(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed record DiscordPostResult(HttpStatusCode Status, string? MessageId, string? Error)
{
    public bool Succeeded => Error is null;
}
