namespace DigestBot.Options;

/// <summary>How a destination shows an edition.</summary>
public enum DiscordLayout
{
    /// <summary>One embed per section: the lead story's picture, a teaser and linked headlines, sources in the footer.</summary>
    EmbedPerSection,

    /// <summary>Plain messages with a markdown heading per section and one linked headline per line: denser, no pictures.</summary>
    Compact,
}
