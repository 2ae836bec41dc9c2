using System.Runtime.InteropServices;
using DigestBot.Runtime;

namespace DigestBot.Tests.Runtime;

/// <summary>The C allocator settings the program applies on Linux with glibc (this machine's and the image's).</summary>
public sealed class NativeHeapTests
{
    [SkippableFact]
    public void LimitArenas_onGlibc_isTakenByTheAllocator()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists("/lib/x86_64-linux-gnu/libc.so.6"), "needs glibc on Linux");
        Skip.If(Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null || Environment.GetEnvironmentVariable("GLIBC_TUNABLES") is not null,
            "the environment sets the arenas itself");

        Assert.True(NativeHeap.LimitArenas());
    }

    [SkippableFact]
    public void Trim_afterSmallBlocksAreFreed_returnsTheirPagesToTheSystem()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists("/lib/x86_64-linux-gnu/libc.so.6"), "needs glibc on Linux");
        const int Blocks = 200_000;
        long before = 0, freed = 0, after = 0;

        // On a thread of its own, as a sending thread: its allocations come from the arena it is given. The last block
        // stays allocated so that what is freed lies below it, which glibc keeps without a trim.
        var thread = new Thread(() =>
        {
            var blocks = new nint[Blocks];
            for (var i = 0; i < Blocks; i++)
            {
                blocks[i] = Marshal.AllocHGlobal(200);
                Marshal.WriteByte(blocks[i], 1);
            }

            before = Rss();
            for (var i = 0; i < Blocks - 1; i++)
            {
                Marshal.FreeHGlobal(blocks[i]);
            }

            freed = Rss();
            NativeHeap.Trim();
            after = Rss();
            Marshal.FreeHGlobal(blocks[Blocks - 1]);
        });
        thread.Start();
        thread.Join();

        Assert.True(freed - after > 20L * 1024 * 1024, $"RSS with 40 MB of blocks {before / 1024} KB, once freed {freed / 1024} KB, after the trim {after / 1024} KB");
    }

    private static long Rss() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
}
