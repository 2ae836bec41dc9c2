using System.Diagnostics;
using System.Runtime;

namespace DigestBot.Bench.Support;

/// <summary>
/// Waits until the runtime's background (tiered) compilation has gone quiet. Compiling the email templates at start-up
/// runs a lot of Roslyn code, and the runtime then recompiles its hot methods on a background thread for tens of
/// seconds: a worker that has been up since the morning has long finished that, so the fan-out figures are taken after.
/// </summary>
public static class JitSettle
{
    public static async Task<TimeSpan> WaitAsync(TimeSpan quiet, TimeSpan limit, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var count = JitInfo.GetCompiledMethodCount();
        var quietSince = watch.Elapsed;
        while (watch.Elapsed < limit && watch.Elapsed - quietSince < quiet)
        {
            await Task.Delay(250, cancellationToken);
            var now = JitInfo.GetCompiledMethodCount();
            if (now != count)
            {
                (count, quietSince) = (now, watch.Elapsed);
            }
        }

        return watch.Elapsed;
    }

    /// <summary>
    /// Runs the operation at least <paramref name="minimum"/> times, then until it has run for <paramref name="quiet"/>
    /// without the runtime compiling anything (at most <paramref name="limit"/>): a method is recompiled only after it has
    /// been called often enough, so the loop that is to be measured has to keep running meanwhile.
    /// </summary>
    public static async Task RunUntilQuietAsync(Func<Task> operation, int minimum, TimeSpan quiet, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        var count = JitInfo.GetCompiledMethodCount();
        var quietSince = TimeSpan.Zero;
        for (var done = 0; done < minimum || (watch.Elapsed - quietSince < quiet && watch.Elapsed < limit); done++)
        {
            await operation();
            var now = JitInfo.GetCompiledMethodCount();
            if (now != count)
            {
                (count, quietSince) = (now, watch.Elapsed);
            }
        }
    }
}
