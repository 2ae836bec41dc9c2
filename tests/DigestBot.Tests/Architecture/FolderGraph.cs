using System.Text.RegularExpressions;

namespace DigestBot.Tests.Architecture;

/// <summary>
/// Which top-level folders of src/DigestBot each folder uses, read from its <c>using DigestBot.X</c> lines and fully
/// qualified <c>DigestBot.X.</c> references; a folder's own namespace and sub-namespaces are not a dependency.
/// </summary>
public static partial class FolderGraph
{
    public static Dictionary<string, Dictionary<string, List<string>>> Read(string sourceRoot)
    {
        var folders = Directory.GetDirectories(sourceRoot)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name is not ("bin" or "obj"))
            .ToHashSet(StringComparer.Ordinal);
        var graph = folders.ToDictionary(f => f, _ => new Dictionary<string, List<string>>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(sourceRoot, folder), "*.cs", SearchOption.AllDirectories))
            {
                foreach (var target in References(File.ReadAllText(file)).Where(t => t != folder && folders.Contains(t)))
                {
                    if (!graph[folder].TryGetValue(target, out var files))
                    {
                        graph[folder][target] = files = [];
                    }

                    files.Add(Path.GetRelativePath(sourceRoot, file));
                }
            }
        }

        return graph;
    }

    /// <summary>The first cycle found, as folder names with the first repeated at the end; null when there is none.</summary>
    public static IReadOnlyList<string>? FindCycle(IReadOnlyDictionary<string, Dictionary<string, List<string>>> graph)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start, graph, done, path) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private static List<string>? Visit(string folder, IReadOnlyDictionary<string, Dictionary<string, List<string>>> graph, HashSet<string> done, List<string> path)
    {
        if (path.IndexOf(folder) is var at and >= 0)
        {
            return [.. path.Skip(at), folder];
        }

        if (done.Contains(folder))
        {
            return null;
        }

        path.Add(folder);
        foreach (var next in graph[folder].Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(next, graph, done, path) is { } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        done.Add(folder);
        return null;
    }

    private static IEnumerable<string> References(string source)
    {
        foreach (var line in source.Split('\n').Select(l => l.Trim()))
        {
            if (line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith("namespace ", StringComparison.Ordinal))
            {
                continue;
            }

            if (UsingPattern().Match(line) is { Success: true } usingLine)
            {
                yield return usingLine.Groups[1].Value;
                continue;
            }

            foreach (Match qualified in QualifiedPattern().Matches(line))
            {
                yield return qualified.Groups[1].Value;
            }
        }
    }

    [GeneratedRegex(@"^(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?DigestBot\.(\w+)")]
    private static partial Regex UsingPattern();

    [GeneratedRegex(@"(?<![\w.])(?:global::)?DigestBot\.(\w+)\.")]
    private static partial Regex QualifiedPattern();
}
