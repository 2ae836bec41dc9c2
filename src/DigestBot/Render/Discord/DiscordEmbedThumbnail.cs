using System.Text.Json.Serialization;

namespace DigestBot.Render.Discord;

/// <summary>The small picture at the embed's top right. Discord takes only http(s) (or attachment) URLs here; the
/// picture's size is Discord's to find out, and it does not count towards the embed character limits.</summary>
public sealed record DiscordEmbedThumbnail([property: JsonPropertyName("url")] string Url);
