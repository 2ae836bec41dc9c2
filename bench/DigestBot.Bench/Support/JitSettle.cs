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
}
