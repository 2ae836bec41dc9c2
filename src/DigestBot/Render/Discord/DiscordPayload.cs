using System.Text.Json.Serialization;

namespace DigestBot.Render.Discord;

/// <summary>The body of Discord's "execute webhook" and "create message" calls (the parts DigestBot uses).
/// Null members are left out of the JSON, so a bot post never carries webhook-only fields.</summary>
public sealed record DiscordPayload
{
    [JsonPropertyName("content")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Content { get; init; }

    [JsonPropertyName("username")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Username { get; init; }

    [JsonPropertyName("avatar_url")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AvatarUrl { get; init; }

    /// <summary>Webhooks into forum channels: the thread this message creates.</summary>
    [JsonPropertyName("thread_name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ThreadName { get; init; }

    /// <summary>Bot posts only: Discord drops a second message with the same nonce sent within a few minutes.</summary>
    [JsonPropertyName("nonce")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Nonce { get; init; }

    [JsonPropertyName("enforce_nonce")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? EnforceNonce { get; init; }

    [JsonPropertyName("embeds")]
    public IReadOnlyList<DiscordEmbed> Embeds { get; init; } = [];

    [JsonPropertyName("allowed_mentions")]
    public required DiscordAllowedMentions AllowedMentions { get; init; }

    /// <summary>Characters counted against the 6000 per-message embed limit.</summary>
    public int EmbedCharacters() => Embeds.Sum(e => e.Characters());
}
