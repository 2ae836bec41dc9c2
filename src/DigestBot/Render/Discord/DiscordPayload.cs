using System.Text.Json.Serialization;

namespace DigestBot.Render.Discord;

/// <summary>The body of Discord's "execute webhook" and "create message" calls (the parts DigestBot uses).</summary>
public sealed record DiscordPayload
{
    [JsonPropertyName("content")]
    public string? Content { get; init; }

    [JsonPropertyName("username")]
    public string? Username { get; init; }

    [JsonPropertyName("avatar_url")]
    public string? AvatarUrl { get; init; }

    [JsonPropertyName("thread_name")]
    public string? ThreadName { get; init; }

    [JsonPropertyName("embeds")]
    public IReadOnlyList<DiscordEmbed> Embeds { get; init; } = [];

    [JsonPropertyName("allowed_mentions")]
    public required DiscordAllowedMentions AllowedMentions { get; init; }
}

public sealed record DiscordEmbed
{
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("color")]
    public int? Color { get; init; }

    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; init; }

    [JsonPropertyName("footer")]
    public DiscordEmbedFooter? Footer { get; init; }
}

public sealed record DiscordEmbedFooter([property: JsonPropertyName("text")] string Text);

/// <summary>Always sent explicitly: an empty parse list means nothing in the text can ping anyone.</summary>
public sealed record DiscordAllowedMentions
{
    [JsonPropertyName("parse")]
    public IReadOnlyList<string> Parse { get; init; } = [];

    [JsonPropertyName("roles")]
    public IReadOnlyList<string> Roles { get; init; } = [];
}
