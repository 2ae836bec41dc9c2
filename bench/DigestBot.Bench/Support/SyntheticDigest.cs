using DigestBot.Model;

namespace DigestBot.Bench.Support;

/// <summary>A digest built in memory: K sections of M stories with realistic title, link and summary lengths.</summary>
public static class SyntheticDigest
{
    public static Digest Create(int sections, int storiesPerSection, int titleWords = 10)
    {
        var now = DateTimeOffset.UtcNow;
        var parts = Enumerable.Range(0, sections).Select(s =>
        {
            var items = Enumerable.Range(0, storiesPerSection).Select(i => new DigestItem(
                new Article
                {
                    Id = $"s{s}-a{i}",
                    SourceId = $"source{s}",
                    SectionId = $"section{s}",
                    Title = SyntheticFeeds.Sentence(s * 1000 + i, titleWords),
                    Link = $"https://news.bench.example/section{s}/2026/11/25/story-{i}-{(s * 7919 + i * 104729) % 1000003:D7}",
                    Published = now.AddMinutes(-i),
                    SourceName = $"Source {s} Wire",
                },
                SyntheticFeeds.Paragraph(s * 31 + i, 3),
                1.0 - i * 0.01)).ToList();
            return new SectionDigest($"section{s}", $"Section {s} News", items, $"{items.Count} stories in Section {s} News.");
        }).ToList();
        return new Digest("bench", "DigestBot Bench Daily", $"bench-{sections}x{storiesPerSection}", now, now, parts);
    }
}
