using System.Security.Cryptography;
using System.Text;
using DigestBot.Options;

namespace DigestBot.Deliver.Discord;

/// <summary>
/// Where a destination's messages go: a webhook, a channel (or thread) through the bot token, or, for a destination
/// given neither a webhook nor a channel, the outbox folder (the webhook request bodies as files).
/// </summary>
public sealed record DiscordTarget(string Name, Uri? WebhookUrl, string? ChannelId, string? BotToken)
{
    public bool IsWebhook => WebhookUrl is not null;

    public bool IsOutbox => WebhookUrl is null && ChannelId is null;

    /// <summary>The rate-limit route: Discord limits per webhook (id and token) or per channel.</summary>
    public string RouteKey(string? threadId) =>
        IsWebhook ? "webhook:" + WebhookUrl!.AbsolutePath : "channel:" + (threadId ?? ChannelId);

    /// <summary>A fingerprint of the target (never the secret itself): a destination disabled for one webhook URL, channel
    /// or token is enabled again when the configuration points it somewhere else.</summary>
    public string Hash()
    {
        var key = IsWebhook ? "webhook:" + WebhookUrl!.AbsoluteUri : IsOutbox ? "outbox:" + Name : $"bot:{ChannelId}:{BotToken}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
    }

    /// <summary>The target of a configured destination; null when it names a channel but there is no bot token to post with.</summary>
    public static DiscordTarget? From(string name, DiscordDestinationOptions destination, DiscordOptions options)
    {
        if (!string.IsNullOrWhiteSpace(destination.WebhookUrl) && Uri.TryCreate(destination.WebhookUrl.Trim(), UriKind.Absolute, out var url))
        {
            return new DiscordTarget(name, url, null, null);
        }

        if (string.IsNullOrWhiteSpace(destination.WebhookUrl) && string.IsNullOrWhiteSpace(destination.ChannelId))
        {
            return new DiscordTarget(name, null, null, null);
        }

        return !string.IsNullOrWhiteSpace(destination.ChannelId) && !string.IsNullOrWhiteSpace(options.BotToken)
            ? new DiscordTarget(name, null, destination.ChannelId.Trim(), options.BotToken.Trim())
            : null;
    }
}
