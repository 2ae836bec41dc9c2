using DigestBot.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace DigestBot.Tests.Fetch.Corpus;

/// <summary>Every corpus document goes through the parser: a feed or a FeedFormatException, nothing else, and never slowly.</summary>
public sealed class CorpusRobustnessTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("feedparser")]
    [InlineData("w3c-feedvalidator")]
    [InlineData("gofeed")]
    [InlineData("feed-rs")]
    [InlineData("codehollow-feedreader")]
    [InlineData("jsonfeed")]
    [InlineData("hostile")]
    public void Parse_everyCorpusFile_onlyFeedFormatExceptionEscapes(string suite)
    {
        Skip.If(TestPaths.CorpusRoot is null, TestPaths.CorpusMissingMessage);
        var outcomes = CorpusFiles.Inputs(suite).Select(path => CorpusFiles.Parse(path)).ToList();
        var escaped = outcomes.Where(o => o.Escaped is not null).Select(o => o.Describe()).ToList();
        var slow = outcomes.Where(o => o.Elapsed > TimeSpan.FromSeconds(2)).Select(o => $"{o.Describe()} ({o.Elapsed.TotalMilliseconds:F0} ms)").ToList();
        output.WriteLine($"{suite}: {outcomes.Count} files, {outcomes.Count(o => o.Feed is not null)} parsed, " +
                         $"{outcomes.Count(o => o.Feed?.Recovered == true)} of them recovered, {outcomes.Count(o => o.Error is not null)} clear errors");
        foreach (var failure in outcomes.Where(o => o.Error is not null))
        {
            output.WriteLine("  " + failure.Describe());
        }

        Assert.True(outcomes.Count > 0, $"no input files under {suite}");
        Assert.True(escaped.Count == 0, "exceptions other than FeedFormatException escaped:\n" + string.Join('\n', escaped));
        Assert.True(slow.Count == 0, "slow files:\n" + string.Join('\n', slow));
    }
}
