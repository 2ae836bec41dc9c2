using System.Text.RegularExpressions;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Cli;

/// <summary><c>preview</c> through the real program, after an edition took every story there was.</summary>
public sealed class PreviewCommandTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(240);

    [Fact]
    public async Task Preview_everythingAlreadySent_saysSoOffersEditionAndFreshWhichBothRender()
    {
        await using var app = TestApp.Create(c => c["Digests"]!["daily"]!["Email"] = false);
        app.AddWireStory(DateTimeOffset.UtcNow);
        var (exit, output) = await RunAsync(app, "send-now", "daily");
        Assert.True(exit == 0, output);
        var editionId = Regex.Match(output, @"Edition (daily@\S+): sent").Groups[1].Value;

        var empty = Path.Combine(app.Root, "empty.html");
        (exit, output) = await RunAsync(app, "preview", "daily", "--out", empty);

        Assert.True(exit == 0, output);
        Assert.Contains($"the next edition of 'daily' would be empty, because its 1 story was already sent (last edition: {editionId})", output, StringComparison.Ordinal);
        Assert.Contains($"preview daily --edition {editionId}", output, StringComparison.Ordinal);
        Assert.Contains("preview daily --fresh", output, StringComparison.Ordinal);
        Assert.False(File.Exists(empty), "an empty preview must not be written");

        foreach (var option in new[] { new[] { "--edition", editionId }, ["--fresh"] })
        {
            var file = Path.Combine(app.Root, option[0].TrimStart('-') + ".html");
            (exit, output) = await RunAsync(app, ["preview", "daily", "--out", file, .. option]);

            Assert.True(exit == 0, output);
            Assert.Contains(": 1 article in 1 section", output, StringComparison.Ordinal);
            Assert.Contains("Booster lands on drone ship", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Preview_unknownEdition_exitsTwoSayingThereIsNone()
    {
        await using var app = TestApp.Create();

        var (exit, output) = await RunAsync(app, "preview", "daily", "--edition", "daily@20200101T070000Z");

        Assert.True(exit == 2, $"exit {exit}:\n{output}");
        Assert.Contains("No recorded edition 'daily@20200101T070000Z' of digest 'daily'. It has no recorded editions yet.", output, StringComparison.Ordinal);
        ProcessOutput.AssertNoStackTrace(output);
    }

    private static async Task<(int Exit, string Output)> RunAsync(TestApp app, params string[] arguments)
    {
        await using var process = WorkerProcess.Start(app.Root, arguments);
        var exit = await process.WaitForExitAsync(Limit);
        return (exit, process.Output);
    }
}
