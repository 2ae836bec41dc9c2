namespace DigestBot.Bench.Support;

/// <summary>The repository root (the folder with DigestBot.sln above the binaries) and the shared corpus beside it.</summary>
public static class RepoPaths
{
    public static string? CorpusRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DigestBot.sln")))
            {
                var corpus = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus"));
                return Directory.Exists(corpus) ? corpus : null;
            }
        }

        return null;
    }

    /// <summary>Feed documents of the corpus: expected outputs, schemas, licences and notes are left out.</summary>
    public static IEnumerable<string> CorpusInputs(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(path => IsInput(root, path))
            .Order(StringComparer.Ordinal);

    private static bool IsInput(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        var name = Path.GetFileName(path);
        if (relative.StartsWith("discord", StringComparison.Ordinal) || relative.StartsWith("email", StringComparison.Ordinal)
            || name is "LICENSE" or "LICENSE-MIT" || name.EndsWith(".md", StringComparison.Ordinal) || name.StartsWith("EXPECTATIONS", StringComparison.Ordinal)
            || name.EndsWith(".serde.json", StringComparison.Ordinal) || name.EndsWith("_expected.json", StringComparison.Ordinal)
            || name.StartsWith("schema-", StringComparison.Ordinal))
        {
            return false;
        }

        // gofeed keeps the expected model beside each XML input under the same name.
        return !(name.EndsWith(".json", StringComparison.Ordinal) && relative.StartsWith("gofeed", StringComparison.Ordinal)
                 && File.Exists(Path.ChangeExtension(path, ".xml")));
    }
}
