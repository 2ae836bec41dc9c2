using System.Globalization;

namespace DigestBot.Bench.Support;

/// <summary>The process's resident set from /proc/self/status: now (VmRSS) and the high-water mark (VmHWM).</summary>
public static class PeakMemory
{
    public static long PeakBytes => Read("VmHWM:");

    public static long CurrentBytes => Read("VmRSS:");

    /// <summary>Resets the high-water mark to the current RSS (Linux: writing 5 to clear_refs), so a phase can be measured alone.</summary>
    public static bool TryReset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture) + " MB";

    private static long Read(string key) => ProcStatus.ReadSelf(key);
}
