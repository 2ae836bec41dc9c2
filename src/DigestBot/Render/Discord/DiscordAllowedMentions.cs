using System.Text.Json.Serialization;

namespace DigestBot.Render.Discord;

/// <summary>Always sent explicitly: an empty parse list means nothing in the text can ping anyone; only the listed
/// role ids may. (Discord rejects "roles" in parse together with a roles list, so parse never names a type.)</summary>
public sealed record DiscordAllowedMentions
{
    [JsonPropertyName("parse")]
    public IReadOnlyList<string> Parse { get; init; } = [];

    [JsonPropertyName("roles")]
    public IReadOnlyList<string> Roles { get; init; } = [];

    [JsonPropertyName("users")]
    public IReadOnlyList<string> Users { get; init; } = [];
}
