namespace DigestBot.Tests.Support;

/// <summary>What a fresh clone has that the verbs read: appsettings.json, the sample feeds and the templates, in an empty folder.</summary>
public sealed class FreshClone : IDisposable
{
    private FreshClone(string root) => Root = root;

    public string Root { get; }

    public static FreshClone Create()
    {
        var root = Path.Combine(Path.GetTempPath(), "digestbot-clone-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        File.Copy(Path.Combine(TestPaths.RepoRoot, "appsettings.json"), Path.Combine(root, "appsettings.json"));
        foreach (var folder in new[] { "samples", "templates" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, folder), "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(root, Path.GetRelativePath(TestPaths.RepoRoot, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        return new FreshClone(root);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
