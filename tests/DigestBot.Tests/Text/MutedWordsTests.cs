using DigestBot.Text;

namespace DigestBot.Tests.Text;

public sealed class MutedWordsTests
{
    [Theory]
    [InlineData("cafe", "New café opens on the Moon")]
    [InlineData("Café", "NEW CAFE OPENS")]
    [InlineData("zurich", "Zürich hosts the summit")]
    [InlineData("Sao Paulo", "Flooding in São Paulo")]
    [InlineData("SpaceX", "SpaceX's booster lands")]
    [InlineData("mars", "A Mars-bound probe")]
    [InlineData("oresund", "Øresund bridge closed")]
    [InlineData("strasse", "Neue Straße eröffnet")]
    [InlineData("crypto", "Crypto, again: prices fall")]
    public void Matches_wholeWordIgnoringCaseAndAccents_true(string word, string text)
    {
        Assert.True(new MutedWords([word]).Matches(WordFolding.Fold(text)));
    }

    [Theory]
    [InlineData("cat", "Concatenation of catalogues")]
    [InlineData("art", "Mars rover starts its party")]
    [InlineData("solar sail", "Solar power and a sail boat")]
    [InlineData("ai", "Rain in Spain, said the aide")]
    [InlineData("mars", "Marseille wins")]
    public void Matches_partOfAWordOrPhraseOutOfOrder_false(string word, string text)
    {
        Assert.False(new MutedWords([word]).Matches(WordFolding.Fold(text)));
    }

    [Fact]
    public void Key_sameWordsInAnotherOrderCaseOrAccents_isEqual()
    {
        Assert.Equal(new MutedWords(["Café", "mars"]).Key, new MutedWords(["MARS", "cafe"]).Key);
        Assert.NotEqual(new MutedWords(["mars"]).Key, new MutedWords(["moon"]).Key);
    }

    [Fact]
    public void Parse_linesAndCommas_trimmedWithRepeatsDropped()
    {
        var (words, problem) = MutedWords.Parse("  crypto , Football\r\n\r\nsolar sail,football,  CRYPTO\nCafé, cafe");

        Assert.Null(problem);
        Assert.Equal(["crypto", "Football", "solar sail", "Café"], words);
    }

    [Fact]
    public void Parse_empty_noWords()
    {
        Assert.Equal((0, (string?)null), (MutedWords.Parse("  \n , ").Words.Count, MutedWords.Parse(null).Problem));
    }

    [Theory]
    [InlineData("a", "2 to 60 characters long; 'a' is 1")]
    [InlineData("ok\u0007bell", "control character")]
    [InlineData("line\u2028separator", "control character")]
    [InlineData("--", "has no letters or digits")]
    public void Parse_badWord_namesTheProblem(string input, string expected)
    {
        var (words, problem) = MutedWords.Parse(input);

        Assert.Empty(words);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_wordOver60Characters_refused()
    {
        Assert.Contains("is 61", MutedWords.Parse(new string('x', 61)).Problem, StringComparison.Ordinal);
        Assert.Null(MutedWords.Parse(new string('x', 60)).Problem);
    }

    [Fact]
    public void Parse_over50Words_refusedAt51()
    {
        var fifty = string.Join('\n', Enumerable.Range(0, 50).Select(i => $"word{i}"));

        Assert.Null(MutedWords.Parse(fifty).Problem);
        Assert.Equal("At most 50 muted words; you entered 51.", MutedWords.Parse(fifty + "\nword50").Problem);
    }
}
