namespace DigestBot.Model;

public sealed record SectionDigest(string SectionId, string Title, IReadOnlyList<DigestItem> Items, string Summary);
