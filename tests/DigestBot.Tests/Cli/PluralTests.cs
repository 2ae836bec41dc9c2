using DigestBot.Cli;

namespace DigestBot.Tests.Cli;

public sealed class PluralTests
{
    [Theory]
    [InlineData(0, "story", "0 stories")]
    [InlineData(1, "story", "1 story")]
    [InlineData(2, "story", "2 stories")]
    [InlineData(1, "article", "1 article")]
    [InlineData(3, "article", "3 articles")]
    [InlineData(2, "day", "2 days")]
    [InlineData(2, "batch", "2 batches")]
    [InlineData(1, "Discord post", "1 Discord post")]
    public void Of_count_nounInTheRightNumber(int count, string noun, string expected) => Assert.Equal(expected, Plural.Of(count, noun));
}
