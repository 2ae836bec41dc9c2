using System.Globalization;

namespace DigestBot.Rank;

/// <summary>
/// Why a report was merged into a story: the rule that matched, its score (headline word overlap for
/// <see cref="StoryMatchKind.Headline"/>, text similarity for <see cref="StoryMatchKind.Text"/>, both from 0 to 1), and the
/// headline words the two reports share, most telling first.
/// </summary>
public sealed record StoryMatch(StoryMatchKind Kind, double Score, IReadOnlyList<string> SharedWords)
{
    public string Describe() => Kind switch
    {
        StoryMatchKind.Headline => string.Create(CultureInfo.InvariantCulture, $"same headline (title match {Score:0.00})"),
        _ => string.Create(CultureInfo.InvariantCulture, $"text similarity {Score:0.00}, shared: {string.Join(", ", SharedWords)}"),
    };
}
