namespace DigestBot.Tests.Support;

/// <summary>Where the repository and the shared acceptance corpus are, seen from the test binaries.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>../shared/corpus beside the repository, or null when this checkout has no corpus.</summary>
    public static string? CorpusRoot
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus"));
            return Directory.Exists(path) ? path : null;
        }
    }

    public static string CorpusMissingMessage =>
        $"The acceptance corpus was not found at {Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus"))}; corpus tests need ../shared/corpus beside the repository.";

    /// <summary>Copies the repository's templates folder, subfolders included, to <paramref name="destination"/> (for tests that break one).</summary>
    public static void CopyTemplates(string destination)
    {
        var source = Path.Combine(RepoRoot, "templates");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DigestBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DigestBot.sln not found above " + AppContext.BaseDirectory);
    }
}
