using System.Runtime.InteropServices;

namespace DigestBot.Runtime;

/// <summary>
/// The C library's allocator, as the process starts. glibc gives every thread that allocates natively an arena of its
/// own, up to eight per core, and keeps what is freed in it for that arena's next allocations: SQLite on the sending
/// threads, OpenSSL's HMACs and the JIT on the tiering thread each grew one, and sending 100,000 emails left about
/// 18 MB resident in them, most of it free. With two arenas from the start send-now peaked 8.7 MB lower
/// (bench/README.md, "warm process").
/// </summary>
internal static class NativeHeap
{
    /// <summary>glibc's <c>M_ARENA_MAX</c> for <c>mallopt</c>.</summary>
    private const int ArenaMaxOption = -8;

    public const int Arenas = 2;

    /// <summary>
    /// Limits the arenas to <see cref="Arenas"/> unless the environment chose (<c>MALLOC_ARENA_MAX</c>, or a glibc
    /// tunable). Returns whether the allocator took the limit; elsewhere than glibc on Linux nothing is changed.
    /// </summary>
    public static bool LimitArenas()
    {
        if (!OperatingSystem.IsLinux()
            || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null
            || Environment.GetEnvironmentVariable("GLIBC_TUNABLES") is not null)
        {
            return false;
        }

        try
        {
            // Arenas already made stay; threads without one share these from now on.
            return mallopt(ArenaMaxOption, Arenas) == 1;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Returns the free pages of every arena to the operating system (glibc keeps them otherwise); false where there is
    /// no glibc or nothing was returned.
    /// </summary>
    public static bool Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return malloc_trim(0) == 1;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
#pragma warning disable SA1300, IDE1006 // the C function's own name
    private static extern int malloc_trim(nuint pad);
#pragma warning restore SA1300, IDE1006

    [DllImport("libc", EntryPoint = "mallopt")]
#pragma warning disable SA1300, IDE1006 // the C function's own name
    private static extern int mallopt(int option, int value);
#pragma warning restore SA1300, IDE1006
}
