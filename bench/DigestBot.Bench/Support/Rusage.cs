using System.Runtime.InteropServices;

namespace DigestBot.Bench.Support;

/// <summary>
/// The kernel's own accounting of processes (Linux): CPU and peak resident set of the children this process has waited
/// for (getrusage), and of a running process (/proc/PID/stat), read without sampling so nothing is missed at exit.
/// </summary>
public static class Rusage
{
    private const int RusageChildren = -1;
    private const int ScClockTicks = 2;

    /// <summary>User + system CPU seconds and the largest peak RSS among this process's waited-for children.</summary>
    /// <remarks>The peak is the maximum over all children, so a process that measures with it must have one child only.</remarks>
    public static (double CpuSeconds, long PeakBytes) Children()
    {
        if (getrusage(RusageChildren, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed: errno {Marshal.GetLastPInvokeError()}");
        }

        // ru_maxrss is in kilobytes on Linux.
        return (Seconds(usage.UserTime) + Seconds(usage.SystemTime), usage.MaxRss * 1024);
    }

    /// <summary>User + system CPU seconds a running process has used so far (fields 14 and 15 of /proc/PID/stat).</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return ticks / (double)sysconf(ScClockTicks);
    }

    /// <summary>Sends SIGTERM, the signal a service manager stops the worker with.</summary>
    public static void Terminate(int pid) => _ = kill(pid, 15);

    private static double Seconds(TimeValue value) => value.Seconds + (value.Microseconds / 1e6);

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out Usage usage);

    [DllImport("libc")]
    private static extern long sysconf(int name);

    [DllImport("libc")]
    private static extern int kill(int pid, int signal);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeValue
    {
        public long Seconds;
        public long Microseconds;
    }

    /// <summary>struct rusage (x86-64 and arm64 Linux): two timevals, then fourteen longs of which the first is ru_maxrss.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Usage
    {
        public TimeValue UserTime;
        public TimeValue SystemTime;
        public long MaxRss;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 13)]
        public long[] Rest;
    }
}
