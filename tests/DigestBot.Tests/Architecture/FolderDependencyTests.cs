using DigestBot.Tests.Support;

namespace DigestBot.Tests.Architecture;

public sealed class FolderDependencyTests
{
    [Fact]
    public void Read_sourceTree_hasNoCycleBetweenFolders()
    {
        var graph = FolderGraph.Read(Path.Combine(TestPaths.RepoRoot, "src", "DigestBot"));

        var cycle = FolderGraph.FindCycle(graph);

        Assert.True(cycle is null, cycle is null ? "" : Describe(graph, cycle));
    }

    [Fact]
    public void FindCycle_foldersUsingEachOther_namesTheCycleAndTheFiles()
    {
        var root = Directory.CreateTempSubdirectory("folder-graph-");
        try
        {
            Write(root.FullName, "A/One.cs", "using DigestBot.B;\n\nnamespace DigestBot.A;\n");
            Write(root.FullName, "B/Two.cs", "namespace DigestBot.B;\n\npublic sealed class Two(DigestBot.C.Three three);\n");
            Write(root.FullName, "C/Three.cs", "// using DigestBot.B; in a comment is no dependency\nusing DigestBot.A;\n\nnamespace DigestBot.C.Inner;\n");
            Write(root.FullName, "D/Four.cs", "using DigestBot.A;\nusing DigestBot.D.Sub;\n");
            var graph = FolderGraph.Read(root.FullName);

            var cycle = FolderGraph.FindCycle(graph);

            Assert.Equal(["A", "B", "C", "A"], cycle);
            Assert.Equal([Path.Combine("B", "Two.cs")], graph["B"]["C"]);
            Assert.Equal(["A"], graph["D"].Keys);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void FindCycle_oneWayDependencies_findsNone()
    {
        var graph = new Dictionary<string, Dictionary<string, List<string>>>
        {
            ["A"] = new() { ["B"] = ["A/x.cs"], ["C"] = ["A/y.cs"] },
            ["B"] = new() { ["C"] = ["B/z.cs"] },
            ["C"] = [],
        };

        Assert.Null(FolderGraph.FindCycle(graph));
    }

    private static string Describe(IReadOnlyDictionary<string, Dictionary<string, List<string>>> graph, IReadOnlyList<string> cycle)
    {
        var edges = cycle.Zip(cycle.Skip(1), (from, to) => $"  {from} -> {to}: {string.Join(", ", graph[from][to])}");
        return $"Folders of src/DigestBot depend on each other in a cycle: {string.Join(" -> ", cycle)}\n{string.Join("\n", edges)}";
    }

    private static void Write(string root, string relativePath, string text)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
