using DigestBot.Bench.Support;

namespace DigestBot.Bench.Tests;

/// <summary>The share of the resident set the runtime's second mapping of precompiled assemblies counts twice.</summary>
[Trait("Category", "Bench")]
public sealed class MemoryBreakdownTests
{
    [Fact]
    public void SecondMappings_flatCopyOfAnImage_countsOnlyThatCopy()
    {
        var smaps = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(smaps,
            [
                "7f0000000000-7f0000100000 r--s 00000000 08:01 11 /app/Precompiled.dll", "Size: 1024 kB", "Rss: 300 kB",
                "7f0000200000-7f0000300000 r-xp 00000000 08:01 11 /app/Precompiled.dll", "Size: 1024 kB", "Rss: 200 kB",
                "7f0000400000-7f0000500000 r--s 00000000 08:01 12 /app/IlOnly.dll", "Size: 1024 kB", "Rss: 500 kB",
                "7f0000600000-7f0000700000 rw-p 00000000 00:00 0 ", "Size: 1024 kB", "Rss: 700 kB",
            ]);

            Assert.Equal(300 * 1024, MemoryBreakdown.SecondMappings(smaps));
        }
        finally
        {
            File.Delete(smaps);
        }
    }
}
