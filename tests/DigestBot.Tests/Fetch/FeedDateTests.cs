using DigestBot.Fetch.Parsing;

namespace DigestBot.Tests.Fetch;

public sealed class FeedDateTests
{
    [Theory]
    [InlineData("Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z")]
    [InlineData("Thu, 1 Jan 2004 19:48:21 +0100", "2004-01-01T18:48:21Z")]
    [InlineData("Thu, 01 Jan 2004 19:48 EST", "2004-01-02T00:48:00Z")]
    [InlineData("01 Jan 04 19:48:21 PDT", "2004-01-02T02:48:21Z")]
    [InlineData("Thursday, 01 January 2004 19:48:21 +00:00", "2004-01-01T19:48:21Z")]
    [InlineData("Thu, 01 Jan 2004 19:48:21", "2004-01-01T19:48:21Z")]
    [InlineData("Thu, 01 Jan 2004 19:48:21 Z", "2004-01-01T19:48:21Z")]
    [InlineData("Do, 01 Dez 2022 10:00:00 +0100", "2022-12-01T09:00:00Z")]
    [InlineData("2004-01-01T19:48:21Z", "2004-01-01T19:48:21Z")]
    [InlineData("2004-01-01T19:48:21.569+02:00", "2004-01-01T17:48:21.569Z")]
    [InlineData("2004-01-01 19:48:21 -0500", "2004-01-02T00:48:21Z")]
    [InlineData("2004-01-01T19:48Z", "2004-01-01T19:48:00Z")]
    [InlineData("2004-01-01", "2004-01-01T00:00:00Z")]
    [InlineData("2004-01", "2004-01-01T00:00:00Z")]
    [InlineData("20040101T194821Z", "2004-01-01T19:48:21Z")]
    public void Parse_realWorldFormats_utc(string text, string expected)
    {
        var parsed = FeedDate.Parse(text);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed);
        Assert.Equal(TimeSpan.Zero, parsed!.Value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("Thu, 32 Jan 2004 19:48:21 GMT")]
    [InlineData("Σαβ, 29 Μάι 2004 12:53:00 GMT")]
    public void Parse_nonsense_null(string text) => Assert.Null(FeedDate.Parse(text));
}
