using System.Text.Json.Serialization;

namespace DigestBot.Render.Discord;

/// <summary>The message of an interaction reply or of its follow-up edit. Mentions are never parsed: a reply quoting
/// a headline or a member's input pings no one.</summary>
public sealed record DiscordInteractionMessage
{
    /// <summary>Discord's EPHEMERAL message flag: only the member who ran the command sees the reply.</summary>
    public const int Ephemeral = 1 << 6;

    [JsonPropertyName("content")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Content { get; init; }

    [JsonPropertyName("embeds")]
    public IReadOnlyList<DiscordEmbed> Embeds { get; init; } = [];

    [JsonPropertyName("flags")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Flags { get; init; }

    [JsonPropertyName("allowed_mentions")]
    public DiscordAllowedMentions AllowedMentions { get; init; } = new();

    public static DiscordInteractionMessage Private(string content, IReadOnlyList<DiscordEmbed>? embeds = null) =>
        new() { Content = DiscordText.Truncate(content, DiscordLimits.Content), Embeds = embeds ?? [], Flags = Ephemeral };
}
