namespace DigestBot.Rank;

/// <summary>Why two reports were taken as one story.</summary>
public enum StoryMatchKind
{
    /// <summary>The same or nearly the same headline, from different sources, whenever they were published.</summary>
    Headline,

    /// <summary>Reworded headlines whose telling words each report's headline and lead share, published close together.</summary>
    Text,
}
