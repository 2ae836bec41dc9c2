using DigestBot.Cli;
using DigestBot.Tests.Fetch;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Cli;

/// <summary>The real <c>ingest</c> verb, run as its own process in a test application's root.</summary>
public sealed class IngestCommandTests
{
    [Fact]
    public async Task Ingest_feedFileCutShort_printsCompleteItemsAndWarning()
    {
        await using var app = TestApp.Create();
        var sample = TruncationSamples.Atom;
        var path = Path.Combine(app.Root, "cut.xml");
        // Inside the third entry's title.
        await File.WriteAllBytesAsync(path, sample.Bytes[..(sample.ItemEnds[1] + 30)]);

        var (exit, output) = await ChildProcess.RunAsync("dotnet", [WorkerProcess.Executable, "ingest", "--source", path], app.Root,
            new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production" }, TimeSpan.FromMinutes(2));

        Assert.True(exit == 0, output);
        Assert.Contains("Warning:  the document ends abruptly (the download or file was cut short): read the 2 complete items before the cut, dropped the incomplete item after them",
            output, StringComparison.Ordinal);
        Assert.Contains("Entries:  2 parsed, 2 usable as articles", output, StringComparison.Ordinal);
        Assert.Contains("  1. Nested markup\n     https://atom.example.org/1\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  2. Fish & chips\n     https://atom.example.org/2\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("Third", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_invalidSettings_stopsWithTheKeyToFixBeforeReading()
    {
        await using var app = TestApp.Create(c => c["Digests"]!["daily"]!["Cron"] = "every morning");
        var path = Path.Combine(app.Root, "feed.xml");
        await File.WriteAllTextAsync(path, TestFeeds.Rss("Wire", "https://wire.example.org/",
            new TestItem("Booster lands", "https://wire.example.org/booster", DateTimeOffset.UtcNow.AddHours(-1), "It landed.")));

        var (exit, output) = await ChildProcess.RunAsync("dotnet", [WorkerProcess.Executable, "ingest", "--source", path], app.Root,
            new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production" }, TimeSpan.FromMinutes(2));

        Assert.True(exit == ExitCodes.Configuration, output);
        Assert.Contains("Digests:daily:Cron", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Booster lands", output, StringComparison.Ordinal);
    }
}
