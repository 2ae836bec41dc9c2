using System.Text;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Rank;
using DigestBot.Text;

namespace DigestBot.Summarize;

/// <summary>
/// Extractive summaries: whole sentences taken from the feed's own summary (or content), never rewritten, so the digest
/// says only what the source said. Pure: the same article gives the same summary.
/// </summary>
public sealed class Summarizer
{
    public const int ArticleLimit = 280;
    public const int ArticleSentences = 3;
    public const int SectionLimit = 600;

    /// <summary>Shorter summaries than this are usually a teaser ("Read more"); the content is used instead when present.</summary>
    private const int TeaserLength = 40;

    public string SummarizeArticle(Article article, int limit = ArticleLimit, int maxSentences = ArticleSentences) =>
        Summarize(article, limit, maxSentences).Text;

    /// <summary>The summary, chosen after the wire furniture is taken off, and the agency that furniture credited.</summary>
    public CreditedText Summarize(Article article, int limit = ArticleLimit, int maxSentences = ArticleSentences)
    {
        var stripped = Furniture.Strip(PlainText.From(article.Summary), article.Author);
        if (stripped.Text.Length < TeaserLength && PlainText.From(article.ContentHtml) is { Length: > 0 } content)
        {
            var fromContent = Furniture.Strip(content, article.Author);
            stripped = fromContent with { Credit = fromContent.Credit ?? stripped.Credit };
        }

        return stripped with { Text = SentenceStart.Capitalized(Choose(stripped.Text, article.Title, limit, maxSentences)) };
    }

    /// <summary>The story as the digest shows it: its summary and credit, and the other reports of it.</summary>
    public DigestItem Item(RankedStory story)
    {
        var summary = Summarize(story.Lead);
        return new DigestItem(story.Lead, summary.Text, story.Score)
        {
            Credit = summary.Credit,
            AlsoReportedBy = story.AlsoReportedBy,
            DuplicateArticleIds = story.Duplicates.Select(d => d.Id).ToList(),
        };
    }

    /// <summary>A section of the edition, or null when it has no story and the digest leaves such sections out.</summary>
    public SectionDigest? Section(SectionRanking ranking, string title, EmptySectionBehavior emptySections)
    {
        var items = ranking.Top.Select(Item).ToList();
        return items.Count > 0 || emptySections == EmptySectionBehavior.SaySo
            ? new SectionDigest(ranking.SectionId, title, items, SummarizeSection(title, items))
            : null;
    }

    private static string Choose(string text, string title, int limit, int maxSentences)
    {
        var titlePrint = StoryFingerprint.Of(title, null);
        var chosen = new List<string>();
        var length = 0;
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            if (Boilerplate.IsSentence(sentence) || StoryFingerprint.Of(sentence, null).Similarity(titlePrint) >= 0.8)
            {
                continue;
            }

            var added = length == 0 ? sentence.Length : length + 1 + sentence.Length; // at most one joining space
            if (chosen.Count == 0 && sentence.Length > limit)
            {
                return TextCutter.Cut(sentence, limit);
            }

            if (added > limit || chosen.Count == maxSentences)
            {
                break;
            }

            chosen.Add(sentence);
            length = added;
        }

        return Join(chosen);
    }

    /// <summary>Sentences joined as they were written: with a space, except after a full stop of a script that uses none.</summary>
    private static string Join(List<string> sentences)
    {
        var text = new StringBuilder();
        foreach (var sentence in sentences)
        {
            if (text.Length > 0 && text[^1] is not ('。' or '！' or '？'))
            {
                text.Append(' ');
            }

            text.Append(sentence);
        }

        return text.ToString();
    }

    /// <summary>One paragraph for Discord: the lead story with its first sentence and sources, then the other headlines.</summary>
    public string SummarizeSection(string title, IReadOnlyList<DigestItem> items, int limit = SectionLimit)
    {
        if (items.Count == 0)
        {
            return TextCutter.Cut($"No new stories in {title} since the last edition.", limit);
        }

        var lead = items[0];
        var text = new StringBuilder();
        var sources = new[] { lead.Article.SourceName ?? lead.Article.SourceId }
            .Concat(lead.AlsoReportedBy.Select(s => s.Name ?? s.SourceId))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        text.Append(lead.Article.Title.Trim().TrimEnd('.')).Append(" (").Append(sources.Count == 1 ? sources[0] : $"{sources[0]}; also reported by {string.Join(", ", sources.Skip(1))}").Append(").");
        if (SentenceSplitter.Split(lead.Summary).FirstOrDefault() is { } first)
        {
            text.Append(' ').Append(Terminated(first));
        }

        if (items.Count > 1)
        {
            text.Append(" Also in ").Append(title).Append(": ")
                .Append(string.Join("; ", items.Skip(1).Select(i => i.Article.Title.Trim().TrimEnd('.', ';'))))
                .Append('.');
        }

        return TextCutter.Cut(text.ToString(), limit);
    }

    private static string Terminated(string sentence) =>
        sentence.Length > 0 && sentence[^1] is '.' or '!' or '?' or '…' or '"' or '”' or '。' ? sentence : sentence + ".";
}
