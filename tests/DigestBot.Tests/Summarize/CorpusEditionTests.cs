using System.Diagnostics;
using System.Text.RegularExpressions;
using DigestBot.Fetch;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Rank;
using DigestBot.Render.Email;
using DigestBot.Summarize;
using DigestBot.Tests.Fetch.Corpus;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Hosting.Internal;
using Xunit;
using Xunit.Abstractions;

namespace DigestBot.Tests.Summarize;

/// <summary>
/// Every real feed of the corpus, dealt round-robin into sections, sent as a run of editions (each sends what the
/// earlier ones did not) through the ranker, the summarizer and the email model and templates; each edition is checked
/// the way a reader would notice a fault.
/// </summary>
public sealed partial class CorpusEditionTests(ITestOutputHelper output)
{
    private static readonly string[] RealFeedFolders = ["codehollow-feedreader", "feed-rs", "sismics-reader"];
    private static readonly string[] SectionIds = ["world", "science", "culture", "tech", "business", "sport", "travel", "local"];
    private const int TopN = 25;

    /// <summary>The editions are built once for both tests.</summary>
    private static readonly Lazy<Task<EditionRun>> Run = new(BuildEditionsAsync);

    [SkippableFact]
    public async Task Editions_everyRealCorpusFeed_noFurnitureNoOverlongLinesNoEmptySections()
    {
        Skip.If(TestPaths.CorpusRoot is null, TestPaths.CorpusMissingMessage);
        var run = await Run.Value;

        output.WriteLine(run.Report);
        Assert.True(run.Stories > 500, $"only {run.Stories} stories: the corpus feeds did not parse");
        Assert.True(run.Problems.Count == 0, string.Join('\n', run.Problems.Take(30)));
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(30), $"editions took {run.Elapsed}");
    }

    [SkippableFact]
    public async Task Editions_everyRealCorpusFeed_noTwoStoriesWithTheSameHeadline()
    {
        Skip.If(TestPaths.CorpusRoot is null, TestPaths.CorpusMissingMessage);
        var run = await Run.Value;

        Assert.True(run.RepeatedHeadlines.Count == 0, string.Join('\n', run.RepeatedHeadlines.Take(30)));
    }

    private static async Task<EditionRun> BuildEditionsAsync()
    {
        // Compiling the templates is Roslyn's start-up (seconds on a busy machine), paid once per process: not counted.
        var templates = Templates();
        var renderer = new EmailRenderer(templates);
        var compile = Stopwatch.StartNew();
        await templates.LoadAsync();
        compile.Stop();
        var watch = Stopwatch.StartNew();
        var articles = RealFeedArticles();
        var parsed = watch.Elapsed;
        watch.Restart();
        var byId = articles.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
        var now = articles.Max(a => a.Published);
        var policy = new RankingPolicy(TimeSpan.FromHours(12), TopN,
            articles.Select(a => a.SourceId).Distinct().ToDictionary(s => s, _ => 1.0), new Dictionary<string, double>(), []);
        var ranker = new ArticleRanker();
        var summarizer = new Summarizer();
        var rankTime = TimeSpan.Zero;
        var sentIds = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<Article> previous = [];
        var problems = new List<string>();
        var repeatedHeadlines = new List<string>();
        var editions = 0;
        var stories = 0;
        while (true)
        {
            // As DigestBuilder does: candidates are the articles no edition sent, compared for re-worded repeats with
            // the stories of the previous edition; a story shown in one section is left out of the later ones.
            var lookBack = previous;
            var rankStart = watch.Elapsed;
            var rankings = SectionIds
                .Select(id => ranker.Rank(id, articles.Where(a => a.SectionId == id && !sentIds.Contains(a.Id)), policy, lookBack, now))
                .ToList();
            var sections = CrossSectionStories.ShowOnce(rankings)
                .Select(r => summarizer.Section(r, Title(r.SectionId), EmptySectionBehavior.Skip))
                .OfType<SectionDigest>()
                .ToList();
            rankTime += watch.Elapsed - rankStart;
            if (sections.Count == 0)
            {
                break;
            }

            editions++;
            var digest = new Digest("corpus", "Corpus Daily", $"e{editions}", now, now, sections);
            var model = new EmailModel(digest, sections, "Reader", "", "https://u.example.org/", "https://p.example.org/", "1 Quay Road", "Digest");
            var text = (await renderer.RenderAsync(model)).Text.ReplaceLineEndings("\n");
            foreach (var section in sections)
            {
                if (string.IsNullOrWhiteSpace(section.Title) || section.Items.Count == 0 || !text.Contains($"== {section.Title} ==\n\n* ", StringComparison.Ordinal))
                {
                    problems.Add($"edition {editions}: empty section heading '{section.Title}'");
                }

                foreach (var item in section.Items)
                {
                    stories++;
                    problems.AddRange(Problems(item, model.Meta(item)).Select(p => $"edition {editions}, {item.Article.SourceId} \"{item.Article.Title}\": {p}"));
                }
            }

            repeatedHeadlines.AddRange(sections.SelectMany(s => s.Items)
                .GroupBy(i => Headline(i.Article.Title))
                .Where(g => g.Count() > 1)
                .Select(g => $"edition {editions}: \"{g.First().Article.Title}\" from {string.Join(", ", g.Select(i => i.Article.SourceId))}"));
            var sentNow = sections.SelectMany(s => s.Items).SelectMany(i => i.DuplicateArticleIds.Prepend(i.Article.Id)).Select(id => byId[id]).ToList();
            sentIds.UnionWith(sentNow.Select(a => a.Id));
            previous = sentNow;
        }

        var report = $"{problems.Count} problems in {articles.Count} articles from {articles.Select(a => a.SourceId).Distinct().Count()} feeds: {editions} editions, {stories} stories in {watch.Elapsed.TotalSeconds:F1} s (ranking and summarizing {rankTime.TotalSeconds:F1} s); feeds parsed in {parsed.TotalSeconds:F1} s, templates compiled in {compile.Elapsed.TotalSeconds:F1} s";
        return new EditionRun(stories, problems, repeatedHeadlines, watch.Elapsed, report);
    }

    private static IEnumerable<string> Problems(DigestItem item, string meta)
    {
        var summary = item.Summary;
        if (summary.Length > Summarizer.ArticleLimit)
        {
            yield return $"summary of {summary.Length} chars: [{summary}]";
        }

        if (Dateline().IsMatch(summary))
        {
            yield return $"summary starts with a dateline: [{summary}]";
        }

        if (LeadingDate().IsMatch(summary))
        {
            yield return $"summary starts with a date: [{summary}]";
        }

        if (LowerCaseWord().IsMatch(summary))
        {
            yield return $"summary starts in lower case: [{summary}]";
        }

        if (meta.Length > StoryMeta.MaxLength)
        {
            yield return $"meta line of {meta.Length} chars: [{meta}]";
        }
    }

    private static List<Article> RealFeedArticles()
    {
        var feeds = RealFeedFolders.SelectMany(CorpusFiles.Inputs)
            .Select(path => (Path: path, CorpusFiles.Parse(path).Feed))
            .Where(f => f.Feed is { Entries.Count: > 0 })
            .ToList();
        var articles = new List<Article>();
        for (var i = 0; i < feeds.Count; i++)
        {
            var (path, feed) = feeds[i];
            var source = new FeedSource(CorpusFiles.Relative(path), new Uri(path), SectionIds[i % SectionIds.Length], null, 1.0);
            articles.AddRange(ArticleMapper.ToArticles(feed!, source, new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.Zero)));
        }

        return articles;
    }

    private static string Title(string sectionId) => char.ToUpperInvariant(sectionId[0]) + sectionId[1..] + " News";

    /// <summary>A headline as a reader compares two: case, punctuation and spacing aside.</summary>
    private static string Headline(string title) => string.Join(' ', NonWord().Split(title.ToLowerInvariant()).Where(w => w.Length > 0));

    private static DigestBot.Render.Templates.TemplateLibrary Templates() => new(
        Microsoft.Extensions.Options.Options.Create(new EmailOptions { From = "d@example.org", PostalAddress = "1 Quay Road", TemplateCachePath = "" }),
        new HostingEnvironment { ContentRootPath = TestPaths.RepoRoot }, Microsoft.Extensions.Logging.Abstractions.NullLogger<DigestBot.Render.Templates.TemplateLibrary>.Instance);

    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}.,'’/ -]{0,60} )?\(\p{L}[\p{L} ]{1,20}\)\s*(?:[-–—]|\p{L}{3,9}\.? \d)|^\p{Lu}{2,}[\p{Lu} ,./'-]* [-–—] ")]
    private static partial Regex Dateline();

    [GeneratedRegex(@"^(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}\.?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})")]
    private static partial Regex LeadingDate();

    // A letter run into a symbol ("â€œ") is text the publisher encoded twice, not a lower-case word.
    [GeneratedRegex(@"^\p{Ll}+(?=[\s,;:'’.!?-]|$)")]
    private static partial Regex LowerCaseWord();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();

    private sealed record EditionRun(int Stories, IReadOnlyList<string> Problems, IReadOnlyList<string> RepeatedHeadlines, TimeSpan Elapsed, string Report);
}
