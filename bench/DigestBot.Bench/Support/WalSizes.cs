using System.Globalization;

namespace DigestBot.Bench.Support;

/// <summary>
/// The SQLite database and write-ahead log sizes during a process fan-out, and the child's CPU time per tenth of it:
/// whether checkpoints keep up with a long send, or the log grows with it and each message costs more as it goes on.
/// </summary>
public sealed class WalSizes(string databasePath, int subscribers)
{
    private readonly List<string> tenths = [];
    private long largest;
    private long largestAt;
    private double lastCpu;
    private long lastMessages;

    public void Take(long messages, int? pid)
    {
        var size = SizeOf(databasePath + "-wal");
        if (size > largest)
        {
            largest = size;
            largestAt = messages;
        }

        if (pid is { } child && CpuSeconds(child) is { } cpu && messages >= (tenths.Count + 1) * (subscribers / 10L))
        {
            var perMessage = (cpu - lastCpu) / Math.Max(1, messages - lastMessages) * 1e6;
            tenths.Add(string.Create(CultureInfo.InvariantCulture, $"{messages:N0}: -wal {PeakMemory.Mb(size)}, {perMessage:F0} CPU-us/msg"));
            (lastCpu, lastMessages) = (cpu, messages);
        }
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"database {PeakMemory.Mb(SizeOf(databasePath))}, -wal {PeakMemory.Mb(SizeOf(databasePath + "-wal"))} at the end " +
        $"(largest sampled {PeakMemory.Mb(largest)} at {largestAt:N0} messages); by messages sent: {string.Join("; ", tenths)}");

    private static long SizeOf(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    /// <summary>User and system time of a process from /proc (fields 14 and 15 of stat, in clock ticks of 1/100 s).</summary>
    private static double? CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
