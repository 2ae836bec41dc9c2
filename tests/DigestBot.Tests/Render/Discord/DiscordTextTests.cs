using DigestBot.Render.Discord;

namespace DigestBot.Tests.Render.Discord;

public sealed class DiscordTextTests
{
    [Fact]
    public void Truncate_longSentence_cutsAtWordBoundaryWithEllipsis()
    {
        var result = DiscordText.Truncate("Heavy-lift rocket completes first full-duration static fire", 30);

        Assert.Equal("Heavy-lift rocket completes…", result);
    }

    [Fact]
    public void Truncate_manyTextsAndLimits_neverExceedsLimitAndCutsOnlyBetweenWords()
    {
        var random = new Random(7);
        for (var run = 0; run < 2000; run++)
        {
            var text = TestDigests.Words(random, random.Next(1, 400));
            var limit = random.Next(2, 300);

            var result = DiscordText.Truncate(text, limit);

            Assert.True(result.Length <= limit, $"'{result}' is longer than {limit}");
            if (text.Length <= limit)
            {
                Assert.Equal(text, result);
                continue;
            }

            Assert.EndsWith(DiscordText.Ellipsis, result, StringComparison.Ordinal);
            var kept = result[..^DiscordText.Ellipsis.Length];
            Assert.StartsWith(kept, text, StringComparison.Ordinal);
            var wordBoundary = kept.Length > 0 && text[kept.Length] == ' ';
            var singleLongWord = !text[..Math.Min(text.Length, limit)].Contains(' ', StringComparison.Ordinal);
            Assert.True(wordBoundary || singleLongWord, $"'{text}' cut inside a word at {kept.Length} for limit {limit}");
            Assert.False(kept.Length > 0 && char.IsHighSurrogate(kept[^1]), "cut inside a surrogate pair");
        }
    }

    [Fact]
    public void Escape_markdownAndMentions_areShownLiterally()
    {
        var escaped = DiscordText.Escape("@everyone **big** <@&123> [x](y) `c`\nnext");

        Assert.Equal(@"\@everyone \*\*big\*\* \<\@&123\> \[x\]\(y\) \`c\` next", escaped);
    }

    [Fact]
    public void Plain_mentionsAndMarkdown_brokenByInvisibleSpacesWithoutBackslashes()
    {
        var plain = DiscordText.Plain("@everyone <@&123> **big** ||s|| [x](y)\u2028next");

        Assert.Equal("@\u200Beveryone <\u200B@\u200B&123> *\u200B*\u200Bbig*\u200B*\u200B |\u200B|\u200Bs|\u200B|\u200B [x]\u200B(y) next", plain);
    }

    [Theory]
    [InlineData("https://example.org/a_(b)", "https://example.org/a_%28b%29")]
    [InlineData("http://example.org/x y", "http://example.org/x%20y")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("/relative", null)]
    [InlineData("", null)]
    public void LinkTarget_variousLinks_safeInsideMarkdownLinkOrNull(string link, string? expected)
    {
        Assert.Equal(expected, DiscordText.LinkTarget(link));
    }
}
