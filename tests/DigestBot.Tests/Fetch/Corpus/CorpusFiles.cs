using System.Diagnostics;
using DigestBot.Fetch;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Fetch.Corpus;

/// <summary>The feed files of the shared corpus, and one place that runs the parser over a file and records the outcome.</summary>
internal static class CorpusFiles
{
    private static readonly FeedParser Parser = new();

    public static string Root => TestPaths.CorpusRoot ?? throw new InvalidOperationException(TestPaths.CorpusMissingMessage);

    /// <summary>Every input document of a suite: upstream expected-output JSON, licences and notes are left out.</summary>
    public static IEnumerable<string> Inputs(string suite) =>
        Directory.EnumerateFiles(Path.Combine(Root, suite), "*", SearchOption.AllDirectories)
            .Where(IsInput)
            .Order(StringComparer.Ordinal);

    public static ParseOutcome Parse(string path, Uri? baseUri = null, string? contentType = null)
    {
        var data = File.ReadAllBytes(path);
        var watch = Stopwatch.StartNew();
        try
        {
            var feed = Parser.Parse(data, baseUri, contentType);
            return new ParseOutcome(path, feed, null, null, watch.Elapsed);
        }
        catch (FeedFormatException ex)
        {
            return new ParseOutcome(path, null, ex, null, watch.Elapsed);
        }
        catch (Exception ex)
        {
            return new ParseOutcome(path, null, null, ex, watch.Elapsed);
        }
    }

    public static string Relative(string path) => Path.GetRelativePath(Root, path);

    private static bool IsInput(string path)
    {
        var name = Path.GetFileName(path);
        if (name is "LICENSE" or "LICENSE-MIT" || name.EndsWith(".md", StringComparison.Ordinal) || name.StartsWith("EXPECTATIONS", StringComparison.Ordinal)
            || name.EndsWith(".serde.json", StringComparison.Ordinal) || name.EndsWith("_expected.json", StringComparison.Ordinal)
            || name.StartsWith("schema-", StringComparison.Ordinal))
        {
            return false;
        }

        // gofeed keeps the expected model beside each XML input under the same name.
        return !(name.EndsWith(".json", StringComparison.Ordinal) && path.Contains("gofeed", StringComparison.Ordinal)
                 && File.Exists(Path.ChangeExtension(path, ".xml")));
    }
}

internal sealed record ParseOutcome(string Path, ParsedFeed? Feed, FeedFormatException? Error, Exception? Escaped, TimeSpan Elapsed)
{
    public string Describe() => $"{CorpusFiles.Relative(Path)}: {(Escaped is not null ? Escaped.GetType().Name + ": " + Escaped.Message : Error?.Message ?? "parsed")}";
}
