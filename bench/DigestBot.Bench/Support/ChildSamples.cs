using System.Globalization;

namespace DigestBot.Bench.Support;

/// <summary>
/// The resident set of a running child, sampled by messages the sink has received: the largest sample per tenth of the
/// fan-out, and with a breakdown what the set was made of at the first sample, the last one before the first message
/// and the largest one.
/// </summary>
public sealed class ChildSamples(bool breakdown)
{
    private readonly List<(long Messages, long Rss)> samples = [];
    private long largest;

    public string? AtStart { get; private set; }

    public string? BeforeFirstMessage { get; private set; }

    public string? AtPeak { get; private set; }

    /// <summary>The largest RSS sampled before the sink received a message.</summary>
    public long StartupBytes => samples.Where(s => s.Messages == 0).Select(s => s.Rss).DefaultIfEmpty(0).Max();

    public void Take(int pid, long messages)
    {
        if (ProcStatus.Read(pid, "VmRSS:") is not (> 0 and var rss))
        {
            return;
        }

        samples.Add((messages, rss));
        if (!breakdown)
        {
            return;
        }

        var described = samples.Count == 1 || messages == 0 || rss > largest ? MemoryBreakdown.DescribeProcess(pid) : null;
        AtStart ??= described;
        if (messages == 0)
        {
            BeforeFirstMessage = described;
        }

        if (rss > largest)
        {
            largest = rss;
            AtPeak = described;
        }
    }

    /// <summary>The largest RSS sampled in each tenth of the fan-out.</summary>
    public IEnumerable<string> Progress(int subscribers) =>
        samples.Where(s => s.Messages > 0)
            .GroupBy(s => Math.Min(9, s.Messages * 10 / Math.Max(1, subscribers)))
            .OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key * 10}%: {PeakMemory.Mb(g.Max(s => s.Rss))}"));
}
