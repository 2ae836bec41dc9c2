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
