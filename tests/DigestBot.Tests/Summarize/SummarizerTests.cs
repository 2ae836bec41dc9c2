using DigestBot.Model;
using DigestBot.Summarize;
using DigestBot.Tests.Rank;
using DigestBot.Text;
using Xunit;

namespace DigestBot.Tests.Summarize;

public sealed class SummarizerTests
{
    private readonly Summarizer summarizer = new();

    [Fact]
    public void SummarizeArticle_htmlSummary_isPlainTextWithEntitiesDecoded()
    {
        var article = TestArticles.Make("x", "Telescope finds water",
            "<p>Spectra show <b>water</b> &amp; clouds.</p><script>track('x')</script><style>p{color:red}</style><!-- ad --><p>More&nbsp;work&#8217;s planned.</p>");

        Assert.Equal("Spectra show water & clouds. More work’s planned.", summarizer.SummarizeArticle(article));
    }

    [Fact]
    public void SummarizeArticle_longSummary_keepsWholeSentencesWithinLimit()
    {
        var article = TestArticles.Make("x", "Rocket test",
            "Engineers held all nine engines at full thrust for 180 seconds. The data review starts this week. A maiden flight could follow in spring. The company did not give a date.");

        var summary = summarizer.SummarizeArticle(article, limit: 120);

        Assert.Equal("Engineers held all nine engines at full thrust for 180 seconds. The data review starts this week.", summary);
    }

    [Fact]
    public void SummarizeArticle_manySentences_keepsAtMostTheSentenceLimit()
    {
        var article = TestArticles.Make("x", "Rocket test", "One. Two. Three. Four. Five.");

        Assert.Equal("One. Two. Three.", summarizer.SummarizeArticle(article));
    }

    [Fact]
    public void SummarizeArticle_firstSentenceRepeatsTitleAndBoilerplateFollows_skipsBoth()
    {
        var article = TestArticles.Make("x", "Crew returns after six months aboard the orbital lab",
            "<p>Crew returns after six months aboard the orbital lab.</p><p>The capsule splashed down before midnight.</p><p>The post Crew returns appeared first on Orbital Ledger.</p>");

        Assert.Equal("The capsule splashed down before midnight.", summarizer.SummarizeArticle(article));
    }

    [Fact]
    public void SummarizeArticle_teaserSummary_usesContentInstead()
    {
        var article = TestArticles.Make("x", "Probe lands", "Read more") with { ContentHtml = "<p>The probe touched down in the crater at 04:12 UTC. It sent its first image an hour later.</p>" };

        Assert.Equal("The probe touched down in the crater at 04:12 UTC. It sent its first image an hour later.", summarizer.SummarizeArticle(article));
    }

    [Fact]
    public void SummarizeArticle_abbreviationsAndDecimals_doNotEndSentences()
    {
        var article = TestArticles.Make("x", "Budget", "Dr. Vega said U.S. funding rose 3.5 percent. No other change was made.");

        Assert.Equal("Dr. Vega said U.S. funding rose 3.5 percent.", summarizer.SummarizeArticle(article, limit: 50));
    }

    [Fact]
    public void SummarizeArticle_anyLimit_neverExceedsItNorEndsMidWord()
    {
        var text = "Transit spectra taken over six orbits show a clear water signature in the planet's upper atmosphere &amp; beyond 🚀 " +
                   "The team cautions that clouds could hide deeper layers and plans follow-up observations next year.";
        var plain = PlainText.From(text);
        var article = TestArticles.Make("x", "Water vapour", text);
        for (var limit = 1; limit <= plain.Length + 5; limit++)
        {
            var summary = summarizer.SummarizeArticle(article, limit);

            Assert.True(summary.Length <= limit, $"{summary.Length} > {limit}");
            var kept = summary.TrimEnd('…');
            Assert.StartsWith(kept, plain, StringComparison.Ordinal);
            Assert.True(kept.Length == plain.Length || kept.Length == 0 || plain[kept.Length] == ' ', $"ends mid-word at limit {limit}: {summary}");
        }
    }

    [Fact]
    public void SummarizeSection_topStories_leadWithSourcesThenOtherHeadlines()
    {
        var lead = new DigestItem(TestArticles.Make("1", "Heavy-lift rocket completes static fire", source: "a"), "All nine engines fired. More later.", 1)
        {
            AlsoReportedBy = [new SourceRef("b", "Launch Wire", "https://b.example.org/1")],
        };
        var second = new DigestItem(TestArticles.Make("2", "Lunar lander picks a site."), "", 0.5);
        var third = new DigestItem(TestArticles.Make("3", "Crew returns"), "", 0.4);

        var summary = summarizer.SummarizeSection("Space News", [lead, second, third]);

        Assert.Equal(
            "Heavy-lift rocket completes static fire (Source A; also reported by Launch Wire). All nine engines fired. Also in Space News: Lunar lander picks a site; Crew returns.",
            summary);
        Assert.True(summarizer.SummarizeSection("Space News", [lead, second, third], limit: 90).Length <= 90);
    }

    [Fact]
    public void SummarizeSection_noStories_saysSo()
    {
        Assert.Equal("No new stories in Space News since the last edition.", summarizer.SummarizeSection("Space News", []));
    }
}
