using System.Text.Json.Serialization;

namespace DigestBot.Render.Discord;

public sealed record DiscordEmbedFooter([property: JsonPropertyName("text")] string Text);
