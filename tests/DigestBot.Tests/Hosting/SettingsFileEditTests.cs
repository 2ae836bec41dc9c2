using System.Text.Json.Nodes;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Hosting;

/// <summary>A running worker (a real process) whose appsettings.json is saved half-edited, then fixed.</summary>
public sealed class SettingsFileEditTests
{
    [Fact]
    public async Task Run_settingsFileSavedAsInvalidJson_logsItKeepsTheLastGoodSettingsAndAppliesTheFix()
    {
        await using var app = TestApp.Create(c => c["Logging"]!["LogLevel"]!["Default"] = "Information");
        var settings = Path.Combine(app.Root, "appsettings.json");
        await using var worker = WorkerProcess.Start(app.Root, "run");
        await worker.WaitForOutputAsync("Digest daily scheduled: '0 0 7 * * ?'", TimeSpan.FromSeconds(240));

        var good = await File.ReadAllTextAsync(settings);
        var brokenText = good.Replace("\"TopN\": 5", "\"TopN\": 5 \"HalfLife\": \"12:00:00\"", StringComparison.Ordinal);
        var line = brokenText[..brokenText.IndexOf("\"HalfLife\"", StringComparison.Ordinal)].Count(ch => ch == '\n') + 1;
        await File.WriteAllTextAsync(settings, brokenText);
        await worker.WaitForOutputAsync($"Fix: {settings} is not valid JSON: line {line}, position ", TimeSpan.FromSeconds(30));
        Assert.Contains("Configuration change rejected (appsettings.json); the previous settings stay in force", worker.Output, StringComparison.Ordinal);

        // Another settings file changes meanwhile: the configuration is rebuilt from the broken file's last good values.
        await File.WriteAllTextAsync(Path.Combine(app.Root, "appsettings.Production.json"),
            new JsonObject { ["Digests"] = new JsonObject { ["daily"] = new JsonObject { ["Cron"] = "0 0 8 * * ?" } } }.ToJsonString());
        await worker.WaitForOutputAsync("Digest daily scheduled: '0 0 8 * * ?'", TimeSpan.FromSeconds(30));

        var appliedBefore = Applied(worker);
        await File.WriteAllTextAsync(settings, good.Replace("\"TopN\": 5", "\"TopN\": 6", StringComparison.Ordinal));
        await worker.WaitForOutputAsync($"Settings file {settings} reads again", TimeSpan.FromSeconds(30));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Applied(worker) == appliedBefore && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(Applied(worker) > appliedBefore, "The fixed file was not applied:\n" + worker.Output);
        ProcessOutput.AssertNoStackTrace(worker.Output);
    }

    private static int Applied(WorkerProcess worker) =>
        worker.Output.Split('\n').Count(l => l.Contains("Configuration change applied (CatalogOptions)", StringComparison.Ordinal));
}
