using DigestBot.Tests.Support;
using Xunit;

namespace DigestBot.Tests.Fetch.Corpus;

/// <summary>
/// hostile/: entity bombs, XXE and external DTDs must end in a clear error, fast, with nothing expanded or fetched.
/// hostile/encoding/ holds real feeds with broken encodings or markup: those end in a clear error, or parse with
/// <c>Recovered</c> set (the feedparser convention of "bozo": usable, but flagged) - never silently as if clean.
/// </summary>
public sealed class HostileCorpusTests
{
    // Well-formed documents whose upstream expectation is only "does not crash" (odd CDATA/entity text, a Greek date that
    // is simply unparseable), or whose fault lives in an HTTP header not replayed here: reading them clean is correct.
    private static readonly HashSet<string> WellFormedInHostile =
    [
        "feedparser__encoding_bozo_http_text_plain.xml",
        "feedparser__encoding_encoding_attribute_crash.xml",
        "feedparser__encoding_encoding_attribute_crash_2.xml",
        "feedparser__illformed_http_high_bit_date.xml",
    ];

    [SkippableFact]
    public void Parse_entityAndDtdAttacks_failFastWithClearError()
    {
        Skip.If(TestPaths.CorpusRoot is null, TestPaths.CorpusMissingMessage);
        var outcomes = CorpusFiles.Inputs("hostile").Where(p => !p.Contains($"{Path.DirectorySeparatorChar}encoding{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => CorpusFiles.Parse(p)).ToList();

        var wrong = outcomes.Where(o => o.Error is null || o.Elapsed > TimeSpan.FromSeconds(1)).Select(o => $"{o.Describe()} in {o.Elapsed.TotalMilliseconds:F0} ms").ToList();
        Assert.True(outcomes.Count >= 12, $"only {outcomes.Count} attack files found");
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        Assert.All(outcomes, o => Assert.DoesNotContain("root:", o.Error!.Message, StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Parse_brokenEncodingsAndMarkup_clearErrorOrFlaggedRecovery()
    {
        Skip.If(TestPaths.CorpusRoot is null, TestPaths.CorpusMissingMessage);
        var outcomes = CorpusFiles.Inputs(Path.Combine("hostile", "encoding")).Select(p => CorpusFiles.Parse(p)).ToList();

        var silent = outcomes.Where(o => o.Escaped is not null || (o.Feed is { Recovered: false } && !WellFormedInHostile.Contains(Path.GetFileName(o.Path))) || o.Elapsed > TimeSpan.FromSeconds(1))
            .Select(o => o.Describe()).ToList();
        Assert.True(outcomes.Count >= 20, $"only {outcomes.Count} files found");
        Assert.True(silent.Count == 0, "parsed as if clean, slow, or crashed:\n" + string.Join('\n', silent));
    }
}
