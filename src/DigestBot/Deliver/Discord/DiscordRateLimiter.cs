using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace DigestBot.Deliver.Discord;

/// <summary>
/// What Discord said about its rate limits, shared by every send: per route, the X-RateLimit-Remaining and
/// X-RateLimit-Reset-After of the last response (keyed with X-RateLimit-Bucket), and the end of any global limit.
/// A send waits, on the injected clock, while its route's bucket is exhausted or a global limit is in force.
/// </summary>
public sealed partial class DiscordRateLimiter(TimeProvider clock, ILogger<DiscordRateLimiter> logger)
{
    private readonly ConcurrentDictionary<string, string> bucketOfRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BucketState> buckets = new(StringComparer.Ordinal);
    private long globalUntilTicks;

    /// <summary>Waits until a request on <paramref name="route"/> may be sent; returns how long it waited.</summary>
    public async Task<TimeSpan> WaitAsync(string route, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var until = new DateTimeOffset(Interlocked.Read(ref globalUntilTicks), TimeSpan.Zero);
        if (buckets.TryGetValue(Key(route), out var state) && state.Remaining <= 0 && state.ResetAt > until)
        {
            until = state.ResetAt;
        }

        var wait = until - now;
        if (wait <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        LogWaiting(logger, route, wait.TotalSeconds);
        await Task.Delay(wait, clock, cancellationToken);
        return wait;
    }

    /// <summary>Reads the rate-limit headers of any response.</summary>
    public void Update(string route, HttpResponseMessage response)
    {
        if (Header(response, "X-RateLimit-Bucket") is { Length: > 0 } bucket)
        {
            bucketOfRoute[route] = bucket;
        }

        if (Seconds(Header(response, "X-RateLimit-Reset-After")) is { } resetAfter
            && int.TryParse(Header(response, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining))
        {
            buckets[Key(route)] = new BucketState(remaining, clock.GetUtcNow() + resetAfter);
        }
    }

    /// <summary>After a 429: nothing more on this route (or anywhere, when global) until retry_after has passed.</summary>
    public void Block(string route, TimeSpan retryAfter, bool global)
    {
        var until = clock.GetUtcNow() + retryAfter;
        if (global)
        {
            long seen;
            do
            {
                seen = Interlocked.Read(ref globalUntilTicks);
                if (seen >= until.UtcTicks)
                {
                    return;
                }
            }
            while (Interlocked.CompareExchange(ref globalUntilTicks, until.UtcTicks, seen) != seen);
        }
        else
        {
            buckets[Key(route)] = new BucketState(0, until);
        }
    }

    internal static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    internal static TimeSpan? Seconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    // The same bucket hash on another webhook or channel is a separate limit: keep the route's top-level resource in the key.
    private string Key(string route) => bucketOfRoute.TryGetValue(route, out var bucket) ? $"{bucket}|{route}" : route;

    private sealed record BucketState(int Remaining, DateTimeOffset ResetAt);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Information, Message = "Discord rate limit on {Route}: waiting {Seconds:0.###} s before sending")]
    private static partial void LogWaiting(ILogger logger, string route, double seconds);
}
