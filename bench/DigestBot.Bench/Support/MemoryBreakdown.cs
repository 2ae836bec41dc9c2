using System.Globalization;
using System.Runtime;

namespace DigestBot.Bench.Support;

/// <summary>
/// What the resident set is made of, from /proc/self/smaps: anonymous memory (GC heap, JIT'd code, native allocations),
/// mapped managed assemblies, mapped native libraries; next to the GC's own view of its heap.
/// </summary>
public static class MemoryBreakdown
{
    public static string Describe()
    {
        var info = GC.GetGCMemoryInfo();
        var rss = Rss();
        var parts = string.Join(", ", rss.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {PeakMemory.Mb(p.Value)}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"RSS {PeakMemory.Mb(PeakMemory.CurrentBytes)} = {parts}; GC ({(GCSettings.IsServerGC ? "server" : "workstation")}" +
            $"{(GCSettings.LatencyMode == GCLatencyMode.Batch ? "" : ", concurrent")}): heap {PeakMemory.Mb(info.HeapSizeBytes)}, " +
            $"committed {PeakMemory.Mb(info.TotalCommittedBytes)}, fragmented {PeakMemory.Mb(info.FragmentedBytes)}");
    }

    /// <summary>Another process's resident set by kind of mapping (its GC's view is not readable from here).</summary>
    public static string DescribeProcess(int pid) =>
        $"RSS {PeakMemory.Mb(ProcStatus.Read(pid, "VmRSS:"))} = " +
        string.Join(", ", Rss($"/proc/{pid}/smaps").OrderByDescending(p => p.Value).Select(p => $"{p.Key} {PeakMemory.Mb(p.Value)}")) +
        $"; {PeakMemory.Mb(SecondMappings($"/proc/{pid}/smaps"))} of the mapped .dll counted twice (precompiled assemblies the runtime maps twice)";

    /// <summary>
    /// Resident bytes of the whole-file (flat) mappings of assemblies that are also mapped as images. The runtime on Linux
    /// maps a precompiled (ReadyToRun) assembly twice, flat to read it and as an image to run its code (dotnet/runtime
    /// issue 112901); the pages both mappings touch are one page of memory but count twice in RSS.
    /// </summary>
    public static long SecondMappings(string smaps)
    {
        var mappings = Mappings(smaps).Where(m => m.Path.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        var images = mappings.Where(m => m.Permissions.Contains('x', StringComparison.Ordinal)).Select(m => m.Path).ToHashSet(StringComparer.Ordinal);
        return mappings.Where(m => m.Permissions.EndsWith('s') && images.Contains(m.Path)).Sum(m => m.RssBytes);
    }

    /// <summary>Resident bytes per kind of mapping.</summary>
    private static Dictionary<string, long> Rss(string smaps = "/proc/self/smaps") =>
        Mappings(smaps).GroupBy(m => Kind(m.Path)).ToDictionary(g => g.Key, g => g.Sum(m => m.RssBytes), StringComparer.Ordinal);

    /// <summary>Each mapping of an smaps file: its permissions ("r-xp"), its path ("" when anonymous) and its resident bytes.</summary>
    private static IEnumerable<(string Permissions, string Path, long RssBytes)> Mappings(string smaps)
    {
        var (permissions, path) = ("", "");
        foreach (var line in File.Exists(smaps) ? File.ReadLines(smaps) : [])
        {
            if (IsHeader(line))
            {
                // "start-end perms offset dev inode [path]": the path is the sixth field, when there is one.
                var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
                (permissions, path) = (fields[1], fields.Length == 6 ? fields[5].Trim() : "");
            }
            else if (line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                yield return (permissions, path, long.Parse(line[4..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024);
            }
        }
    }

    /// <summary>A mapping's header starts with its address range ("7f12-7f34"); its fields ("Rss:", "AnonHugePages:") don't.</summary>
    private static bool IsHeader(string line)
    {
        var dash = line.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && !line.AsSpan(0, dash).ContainsAnyExcept("0123456789abcdef");
    }

    private static string Kind(string path) =>
        path switch
        {
            "" => "anonymous",
            "[heap]" => "native heap",
            _ when path.StartsWith("/memfd:doublemapper", StringComparison.Ordinal) => "JIT code",
            _ when path.EndsWith(".dll", StringComparison.Ordinal) => "mapped .dll",
            _ when path.Contains(".so", StringComparison.Ordinal) => "native .so",
            _ when path.StartsWith('[') => "stack/vdso",
            _ => "other files",
        };
}
