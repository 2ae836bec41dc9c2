using DigestBot.Tests.Support;

namespace DigestBot.Tests.Cli;

/// <summary>
/// A user's mistake, through the real verbs: one clear message and the documented exit code (2 configuration,
/// 3 templates), never a stack trace.
/// </summary>
public sealed class UserMistakeTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(240);

    [Theory]
    [InlineData("run")]
    [InlineData("validate")]
    [InlineData("send-now", "daily")]
    [InlineData("preview", "daily")]
    public async Task Verb_settingsFileNotValidJson_exitsTwoNamingFileLineAndPosition(params string[] verb)
    {
        await using var app = TestApp.Create();
        var settings = Path.Combine(app.Root, "appsettings.json");
        var lines = File.ReadAllLines(settings).ToList();
        var broken = lines.FindIndex(l => l.Contains("\"Title\": \"Space News\",", StringComparison.Ordinal));
        lines[broken] = lines[broken].TrimEnd().TrimEnd(',') + " \"oops\": 1,"; // a second property without a comma before it
        File.WriteAllLines(settings, lines);
        var column = lines[broken].IndexOf("\"oops\"", StringComparison.Ordinal) + 1;

        var (exit, output) = await RunAsync(app, verb);

        Assert.True(exit == 2, $"exit {exit}:\n{output}");
        Assert.Contains($"{settings} is not valid JSON: line {broken + 1}, position {column}:", output, StringComparison.Ordinal);
        ProcessOutput.AssertNoStackTrace(output);
    }

    [Theory]
    [InlineData("send-now")]
    [InlineData("preview")]
    [InlineData("explain")]
    public async Task Verb_unknownDigest_exitsTwoListingTheConfiguredDigests(string verb)
    {
        await using var app = TestApp.Create(c => c["Digests"]!["weekly"] = c["Digests"]!["daily"]!.DeepClone());

        var (exit, output) = await RunAsync(app, verb, "dialy");

        Assert.True(exit == 2, $"exit {exit}:\n{output}");
        Assert.Contains("Unknown digest 'dialy'. Configured digests: daily, weekly.", output, StringComparison.Ordinal);
        ProcessOutput.AssertNoStackTrace(output);
    }

    [Theory]
    [InlineData("missing", "run")]
    [InlineData("missing", "validate")]
    [InlineData("empty", "send-now", "daily")]
    [InlineData("incomplete", "preview", "daily")]
    [InlineData("incomplete", "explain", "daily")]
    public async Task Verb_templatesFolderMissingEmptyOrIncomplete_exitsThreeNamingWhatIsMissing(string fault, params string[] verb)
    {
        await using var app = TestApp.Create();
        var templates = Path.Combine(app.Root, "my-templates");
        if (fault != "missing")
        {
            Directory.CreateDirectory(templates);
        }

        if (fault == "incomplete")
        {
            foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "templates")).Where(f => !f.EndsWith("Digest.txt.cshtml", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(templates, Path.GetFileName(file)));
            }
        }

        app.Config["Email"]!["TemplatesPath"] = "my-templates";
        app.WriteConfig();

        var (exit, output) = await RunAsync(app, verb);

        Assert.True(exit == 3, $"exit {exit}:\n{output}");
        var expected = fault switch
        {
            "missing" => $"the templates folder {templates} does not exist",
            "empty" => $"the templates folder {templates} is empty; it needs Digest.cshtml, Digest.txt.cshtml, Confirm.cshtml, Confirm.txt.cshtml",
            _ => $"the templates folder {templates} has no Digest.txt.cshtml",
        };
        Assert.Contains(expected, output, StringComparison.Ordinal);
        ProcessOutput.AssertNoStackTrace(output);
    }

    private static async Task<(int Exit, string Output)> RunAsync(TestApp app, params string[] arguments)
    {
        await using var process = WorkerProcess.Start(app.Root, arguments);
        var exit = await process.WaitForExitAsync(Limit);
        return (exit, process.Output);
    }
}
