using System.Globalization;

namespace DigestBot.Bench.Support;

/// <summary>A byte figure of /proc/PID/status ("VmRSS:", "VmHWM:"), 0 where there is no such file.</summary>
public static class ProcStatus
{
    public static long Read(int pid, string key) => ReadFile($"/proc/{pid}/status", key);

    public static long ReadSelf(string key) => ReadFile("/proc/self/status", key);

    private static long ReadFile(string path, string key)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                var kb = line[key.Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
