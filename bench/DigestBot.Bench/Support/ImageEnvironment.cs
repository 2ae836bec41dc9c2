namespace DigestBot.Bench.Support;

/// <summary>
/// The .NET runtime settings (DOTNET_*) the Dockerfile's ENV instructions give the image, so a measured child process
/// can run as the image runs it. Application settings from the same instructions (paths, URLs) are left out: the bench
/// sets its own.
/// </summary>
public static class ImageEnvironment
{
    public static Dictionary<string, string> FromRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var dockerfile = Path.Combine(dir.FullName, "Dockerfile");
            if (File.Exists(Path.Combine(dir.FullName, "DigestBot.sln")) && File.Exists(dockerfile))
            {
                return Parse(File.ReadAllText(dockerfile));
            }
        }

        throw new FileNotFoundException("No Dockerfile beside DigestBot.sln above the bench's binaries.");
    }

    /// <summary>The DOTNET_* variables of every <c>ENV NAME=value ...</c> instruction (continued lines joined).</summary>
    public static Dictionary<string, string> Parse(string dockerfile)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var joined = dockerfile.Replace("\\\r\n", " ", StringComparison.Ordinal).Replace("\\\n", " ", StringComparison.Ordinal);
        foreach (var line in joined.Split('\n').Select(l => l.Trim()))
        {
            if (!line.StartsWith("ENV ", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var pair in line[4..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)))
            {
                if (pair.Length == 2 && pair[0].StartsWith("DOTNET_", StringComparison.Ordinal))
                {
                    variables[pair[0]] = pair[1].Trim('"');
                }
            }
        }

        return variables;
    }

    /// <summary>The image's variables under those given on the command line (which win).</summary>
    public static Dictionary<string, string> Merge(Dictionary<string, string> image, Dictionary<string, string> given)
    {
        var merged = new Dictionary<string, string>(image, StringComparer.Ordinal);
        foreach (var (name, value) in given)
        {
            merged[name] = value;
        }

        return merged;
    }
}
