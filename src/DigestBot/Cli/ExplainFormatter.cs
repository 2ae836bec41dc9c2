using System.Globalization;
using System.Text;
using DigestBot.Options;
using DigestBot.Pipeline;
using DigestBot.Rank;
using DigestBot.Summarize;

namespace DigestBot.Cli;

/// <summary>Writes a digest's ranking as text: every candidate story per section with what each signal adds to its score.</summary>
internal static class ExplainFormatter
{
    private const int TitleWidth = 64;

    public static string Format(DigestRanking ranking, CatalogOptions catalog)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Digest '{ranking.DigestId}' as of {ranking.Now:u}: articles first seen since {ranking.Since:u}."));
        text.AppendLine("score = weight x (recency + position + coverage) + keywords; the source column is the part the weight adds.");
        foreach (var section in ranking.Sections)
        {
            var options = catalog.Sections[section.SectionId];
            text.AppendLine();
            text.AppendLine(Invariant(
                $"[{section.SectionId}] {options.Title}: {Plural.Of(section.Stories.Count, "story", "stories")}, top {section.TopN} shown (half-life {options.HalfLife})"));
            if (section.Stories.Count > 0)
            {
                text.AppendLine("   #   score  recency position coverage   source keywords    age  story");
            }

            for (var i = 0; i < section.Stories.Count; i++)
            {
                if (i == section.TopN)
                {
                    text.AppendLine("  ---- not shown below this line ----");
                }

                AppendStory(text, i + 1, section.Stories[i], ranking.Now);
            }

            foreach (var excluded in section.Excluded.OrderBy(e => e.Article.SourceId, StringComparer.Ordinal).ThenBy(e => e.Article.FeedPosition))
            {
                text.AppendLine($"   -  left out: \"{TextCutter.Cut(excluded.Article.Title, TitleWidth)}\" [{excluded.Article.SourceId}]: {excluded.Reason}");
            }
        }

        return text.ToString();
    }

    private static void AppendStory(StringBuilder text, int rank, RankedStory story, DateTimeOffset now)
    {
        var s = story.Signals;
        var age = (now - story.Lead.Published).TotalHours;
        text.AppendLine(Invariant(
            $"{rank,4} {story.Score,7:0.000} {s.Recency,8:0.000} {s.Position,8:0.000} {s.Coverage,8:0.000} {s.Source,8:+0.000;-0.000;0.000} {s.Keywords,8:+0.000;-0.000;0.000} {age,5:0.0}h  {TextCutter.Cut(story.Lead.Title, TitleWidth)} [{story.Lead.SourceId} #{story.Lead.FeedPosition}]"));
        foreach (var merged in story.Merged)
        {
            var duplicate = merged.Article;
            text.AppendLine(
                $"{"",69}same story: \"{TextCutter.Cut(duplicate.Title, TitleWidth)}\" [{duplicate.SourceId} #{duplicate.FeedPosition}]: {merged.Match.Describe()}");
        }

        if (story.MatchedKeywords.Count > 0)
        {
            text.AppendLine($"{"",69}keywords: {string.Join(", ", story.MatchedKeywords)}");
        }
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
