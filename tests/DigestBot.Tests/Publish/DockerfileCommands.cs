using System.Text.Json;
using System.Text.RegularExpressions;

namespace DigestBot.Tests.Publish;

/// <summary>Reads the commands out of the repository's Dockerfile, so the tests run exactly what an image build runs.</summary>
public static partial class DockerfileCommands
{
    public const string ImageOutput = "/app/publish";

    /// <summary>The shell-form <c>RUN dotnet ...</c> lines of the build stage, split into arguments.</summary>
    public static IReadOnlyList<string[]> BuildStageDotnetRuns(string dockerfile)
    {
        var stages = Regex.Split(dockerfile, @"^FROM\s", RegexOptions.Multiline).Skip(1).ToList();
        return stages[0].Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("RUN dotnet ", StringComparison.Ordinal))
            .Select(l => l["RUN ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
    }

    /// <summary>The exec-form HEALTHCHECK command, e.g. <c>["dotnet", "DigestBot.dll", "health"]</c>.</summary>
    public static string[] HealthCheck(string dockerfile)
    {
        var match = HealthCheckLine().Match(dockerfile);
        return match.Success ? JsonSerializer.Deserialize<string[]>(match.Groups[1].Value)! : throw new InvalidOperationException("No exec-form HEALTHCHECK in the Dockerfile.");
    }

    [GeneratedRegex(@"^HEALTHCHECK\s.*?CMD\s+(\[.*\])\s*$", RegexOptions.Multiline)]
    private static partial Regex HealthCheckLine();
}
