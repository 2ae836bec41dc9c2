using DigestBot.Summarize;
using DigestBot.Tests.Rank;
using Xunit;

namespace DigestBot.Tests.Summarize;

/// <summary>Wire furniture in its common shapes, on invented stories: the summary starts where the story does, the agency becomes the credit.</summary>
public sealed class FurnitureTests
{
    private readonly Summarizer summarizer = new();

    [Theory]
    [InlineData("OSLOVIK (Northwire) - The harbour board approved a second ferry terminal on Tuesday.", "Northwire")]
    [InlineData("PORT ELLEN, Islay/GLENCARRA (Northwire) - The harbour board approved a second ferry terminal on Tuesday.", "Northwire")]
    [InlineData("Lyon, France, Oct 28 (AFP) Oct 28, 2031 The harbour board approved a second ferry terminal on Tuesday.", "AFP")]
    [InlineData("Springfield IL (SPX) May 02, 2031 The harbour board approved a second ferry terminal on Tuesday.", "SPX")]
    [InlineData("Tallinn, Estonia (UPI) Mar 3, 2031 The harbour board approved a second ferry terminal on Tuesday.", "UPI")]
    [InlineData("Rio de Janeiro (Agencia Sul) — The harbour board approved a second ferry terminal on Tuesday.", "Agencia Sul")]
    [InlineData("(AFP) - The harbour board approved a second ferry terminal on Tuesday.", "AFP")]
    [InlineData("Kiel (dpa) - The harbour board approved a second ferry terminal on Tuesday.", "dpa")]
    public void Summarize_agencyDateline_isStrippedAndItsAgencyBecomesTheCredit(string summary, string credit)
    {
        var result = summarizer.Summarize(TestArticles.Make("x", "Ferry terminal", summary));

        Assert.Equal("The harbour board approved a second ferry terminal on Tuesday.", result.Text);
        Assert.Equal(credit, result.Credit);
    }

    [Theory]
    [InlineData("NEW HAVEN, Conn. — The library reopened its reading room after a year of repairs.")]
    [InlineData("GLENCARRA, Nov. 4 - The library reopened its reading room after a year of repairs.")]
    [InlineData("Glencarra, Nov. 4 – The library reopened its reading room after a year of repairs.")]
    [InlineData("REPORTAGE - The library reopened its reading room after a year of repairs.")]
    [InlineData("Nov 4, 2031 The library reopened its reading room after a year of repairs.")]
    [InlineData("Jan. 7-Feb. 19 The library reopened its reading room after a year of repairs.")]
    [InlineData("2031-11-04 The library reopened its reading room after a year of repairs.")]
    [InlineData("2031 - The library reopened its reading room after a year of repairs.")]
    [InlineData("By Mira Kestrel | The library reopened its reading room after a year of repairs.")]
    [InlineData("By Mira Kestrel and Tomas van Veld - The library reopened its reading room after a year of repairs.")]
    [InlineData("By Mira Kestrel, Staff Writer — The library reopened its reading room after a year of repairs.")]
    [InlineData("By MIRA D. KESTREL and TOMAS VELD The library reopened its reading room after a year of repairs.")]
    [InlineData("Share on Facebook Share on Twitter Email The library reopened its reading room after a year of repairs.")]
    [InlineData("https://short.example/x1 - The library reopened its reading room after a year of repairs.")]
    [InlineData("The library reopened its reading room after a year of repairs. Read more at Glencarra Courier »")]
    [InlineData("The library reopened its reading room after a year of repairs. Read more")]
    [InlineData("The library reopened its reading room after a year of repairs. Continue reading →")]
    [InlineData("The library reopened its reading room after a year of repairs. Der Beitrag Bibliothek erschien zuerst auf Glencarra Kurier.")]
    [InlineData("The library reopened its reading room after a year of repairs. Sign up for our newsletter.")]
    [InlineData("The library reopened its reading room after a year of repairs. Subscribe to the Courier today!")]
    [InlineData("The library (Photo: Glencarra Courier) reopened its reading room after a year of repairs.")]
    [InlineData("WIRE — By Mira Kestrel | Nov 4, 2031 The library reopened its reading room after a year of repairs.")]
    public void SummarizeArticle_furniture_isStripped(string summary)
    {
        Assert.Equal("The library reopened its reading room after a year of repairs.",
            summarizer.SummarizeArticle(TestArticles.Make("x", "Reading room", summary)));
    }

    [Theory]
    [InlineData("By Mira Kestrel The library reopened its reading room after a year of repairs.")]
    [InlineData("Mira Kestrel | The library reopened its reading room after a year of repairs.")]
    public void SummarizeArticle_bylineOfTheArticlesAuthor_isStripped(string summary)
    {
        var article = TestArticles.Make("x", "Reading room", summary) with { Author = "Mira Kestrel" };

        Assert.Equal("The library reopened its reading room after a year of repairs.", summarizer.SummarizeArticle(article));
    }

    [Theory]
    [InlineData("Mira Kestrel said the library would reopen its reading room in spring.")]
    [InlineData("June 5 is when the library reopens its reading room.")]
    [InlineData("By Monday the library had reopened its reading room.")]
    [InlineData("Mars Express (the agency's orbiter) has mapped the crater in detail.")]
    [InlineData("The coach told the class to keep reading.")]
    [InlineData("NASA said the probe would reach the comet in March.")]
    [InlineData("iPhone owners can now borrow the library's e-books.")]
    public void SummarizeArticle_proseThatLooksLikeFurniture_isKept(string summary)
    {
        var article = TestArticles.Make("x", "Reading room", summary) with { Author = "Mira Kestrel" };

        var result = summarizer.Summarize(article);

        Assert.Equal(summary, result.Text);
        Assert.Null(result.Credit);
    }

    [Fact]
    public void SummarizeArticle_elidedSummaryThenPluginLine_endsWithAnEllipsis()
    {
        var article = TestArticles.Make("x", "Reading room",
            "<p>The library reopened its reading room after a year of [&#8230;]</p><p>The post Library reopens appeared first on Glencarra Courier.</p>");

        Assert.Equal("The library reopened its reading room after a year of…", summarizer.SummarizeArticle(article));
    }

    [Fact]
    public void SummarizeArticle_cutSummaryThenReadMore_keepsTheEllipsis()
    {
        var article = TestArticles.Make("x", "Reading room", "The library reopened its reading room after a year of rep... Leia mais no Glencarra Courier");

        Assert.Equal("The library reopened its reading room after a year of rep...", summarizer.SummarizeArticle(article));
    }

    [Fact]
    public void SummarizeArticle_misDecodedOpeningQuote_isNotCapitalized()
    {
        var article = TestArticles.Make("x", "Reading room", "â€œThe reading room is open again,â€ the librarian said.");

        Assert.Equal("â€œThe reading room is open again,â€ the librarian said.", summarizer.SummarizeArticle(article));
    }

    [Fact]
    public void SummarizeArticle_lowerCaseOpening_startsWithACapital()
    {
        var article = TestArticles.Make("x", "Week in launches", "a look at the week's launches, from balloons to rockets");

        Assert.Equal("A look at the week's launches, from balloons to rockets", summarizer.SummarizeArticle(article));
    }

    [Fact]
    public void SummarizeArticle_datelineBeforeATeaser_usesTheContentAndKeepsTheCredit()
    {
        var article = TestArticles.Make("x", "Ferry terminal", "OSLOVIK (Northwire) - Read more") with
        {
            ContentHtml = "<p>The harbour board approved a second ferry terminal on Tuesday.</p>",
        };

        var result = summarizer.Summarize(article);

        Assert.Equal("The harbour board approved a second ferry terminal on Tuesday.", result.Text);
        Assert.Equal("Northwire", result.Credit);
    }

    [Fact]
    public void SummarizeArticle_datelineThenTitleAsFirstSentence_skipsBothAndStartsAtTheStory()
    {
        var article = TestArticles.Make("x", "Harbour board approves second ferry terminal",
            "OSLOVIK (Northwire) - Harbour board approves second ferry terminal. Work starts in spring.");

        Assert.Equal("Work starts in spring.", summarizer.SummarizeArticle(article));
    }
}
