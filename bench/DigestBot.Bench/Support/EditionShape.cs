namespace DigestBot.Bench.Support;

/// <summary>How big an edition is: sections and stories per section (about 1.9 KB of sent email per story).</summary>
public sealed record EditionShape(int Sections, int StoriesPerSection)
{
    /// <summary>About 20 KB on the wire, the size the fan-out figures are quoted for.</summary>
    public static EditionShape TwentyKb { get; } = new(2, 5);
}
