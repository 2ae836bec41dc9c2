namespace DigestBot.Render.Discord;

/// <summary>
/// What the packer places: one section of a digest as ready-to-send text. <see cref="Lines"/> are never split; the
/// description is the lines joined by newlines. Title, colour and url repeat on continuation embeds only where allowed:
/// the url goes on the first embed (Discord collapses embeds sharing a url), footer and timestamp on the last.
/// </summary>
public sealed record DiscordSection(string Title, string? Url, IReadOnlyList<string> Lines, string? Footer, int? Color, DateTimeOffset? Timestamp)
{
    /// <summary>The description as one string (used when nothing forces a split).</summary>
    /// <summary>The lead story's picture, shown on the section's first embed.</summary>
    public string? ThumbnailUrl { get; init; }

    public int DescriptionLength => Lines.Count == 0 ? 0 : Lines.Sum(l => l.Length) + Lines.Count - 1;
}
