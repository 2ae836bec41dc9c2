using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using DigestBot.Fetch;
using DigestBot.Model;
using DigestBot.Rank;
using DigestBot.Summarize;
using DigestBot.Tests.Fetch.Corpus;
using DigestBot.Tests.Support;
using DigestBot.Text;
using Xunit;
using Xunit.Abstractions;

namespace DigestBot.Tests.Summarize;

/// <summary>Summaries and ranking over every article of the corpus's feeds: real news in many languages, and the entity cases.</summary>
public sealed partial class CorpusSummaryTests(ITestOutputHelper output)
{
    private readonly Summarizer summarizer = new();

    [SkippableTheory]
    [InlineData("codehollow-feedreader")]
    [InlineData("feed-rs")]
    [InlineData("sismics-reader")]
    [InlineData("gofeed")]
    [InlineData("feedparser")]
    public void SummarizeArticle_everyCorpusArticle_staysWithinLimitsAndNeverSplitsWordsEntitiesOrSurrogates(string suite)
    {
        Skip.If(TestPaths.CorpusRoot is null, TestPaths.CorpusMissingMessage);
        var articles = Articles(suite);
        var problems = new List<string>();
        foreach (var article in articles)
        {
            foreach (var limit in new[] { Summarizer.ArticleLimit, 80 })
            {
                var summary = summarizer.SummarizeArticle(article, limit);
                if (Problem(article, summary, limit) is { } problem)
                {
                    problems.Add($"{article.SourceId} \"{article.Title}\" (limit {limit}): {problem}: [{summary}]");
                }
            }
        }

        output.WriteLine($"{suite}: {articles.Count} articles summarized at two limits, {problems.Count} problems");
        Assert.True(articles.Count > 0, $"no articles in {suite}");
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(20)));
    }

    [SkippableFact]
    public void Rank_allRealNewsArticlesAsOneSection_isDeterministicAndFast()
    {
        Skip.If(TestPaths.CorpusRoot is null, TestPaths.CorpusMissingMessage);
        var articles = Articles("codehollow-feedreader").Concat(Articles("feed-rs")).Concat(Articles("sismics-reader")).ToList();
        var policy = new RankingPolicy(TimeSpan.FromHours(12), 10,
            articles.Select(a => a.SourceId).Distinct().ToDictionary(s => s, _ => 1.0), new Dictionary<string, double>(), []);
        var now = articles.Max(a => a.Published);

        var watch = Stopwatch.StartNew();
        var first = new ArticleRanker().Rank("all", articles, policy, [], now);
        var elapsed = watch.Elapsed;
        var second = new ArticleRanker().Rank("all", articles.AsEnumerable().Reverse(), policy, [], now);

        output.WriteLine($"{articles.Count} articles -> {first.Stories.Count} stories ({first.Stories.Count(s => s.Duplicates.Count > 0)} with duplicates) in {elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(first.Stories.Select(s => s.Lead.Id), second.Stories.Select(s => s.Lead.Id));
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"ranking took {elapsed}");
    }

    private static string? Problem(Article article, string summary, int limit)
    {
        if (summary.Length > limit)
        {
            return $"{summary.Length} chars";
        }

        if (!CutChecks.IsWellFormedUtf16(summary))
        {
            return "split surrogate pair";
        }

        var kept = summary.EndsWith(TextCutter.Ellipsis, StringComparison.Ordinal) ? summary[..^1] : summary;
        if (CutChecks.EndsInPartialEntity(kept))
        {
            return "split entity";
        }

        // The summary comes from the feed's summary, or from the content when the summary is a teaser once its furniture
        // is gone; a one-word summary may have had its first letter raised.
        var last = kept.Split(' ').LastOrDefault() ?? "";
        return kept.Length == 0 || EndsAWord(PlainText.From(article.Summary), last) || EndsAWord(PlainText.From(article.ContentHtml), last) ? null : $"ends mid-word ('{last}')";
    }

    /// <summary>True when <paramref name="word"/> occurs in <paramref name="text"/> not followed by a letter or digit.</summary>
    private static bool EndsAWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var next = at + word.Length;
            if (next == text.Length || !char.IsLetterOrDigit(text[next]) || word.Length > TextCutter.LongestWord)
            {
                return true;
            }
        }

        return false;
    }

    private static List<Article> Articles(string suite)
    {
        var articles = new List<Article>();
        foreach (var path in CorpusFiles.Inputs(suite))
        {
            if (CorpusFiles.Parse(path).Feed is { } feed)
            {
                var sourceId = CorpusFiles.Relative(path);
                var source = new FeedSource(sourceId, new Uri(path), "all", null, 1.0);
                articles.AddRange(ArticleMapper.ToArticles(feed, source, new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.Zero)));
            }
        }

        return articles;
    }
}
