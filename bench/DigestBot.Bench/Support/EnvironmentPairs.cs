namespace DigestBot.Bench.Support;

/// <summary>"NAME=value;NAME=value" from the command line, for the environment of a measured child process.</summary>
public static class EnvironmentPairs
{
    public static Dictionary<string, string> Parse(string? pairs) =>
        (pairs ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
}
