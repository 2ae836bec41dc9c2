namespace DigestBot.Tests.Support;

/// <summary>A fixed-window rate limit like one of Discord's per-route buckets, on the server's clock.</summary>
public sealed class FakeDiscordBucket(int limit, TimeSpan window)
{
    private readonly Lock gate = new();
    private DateTimeOffset windowEnd = DateTimeOffset.MinValue;
    private int used;

    public int Limit => limit;

    /// <summary>Takes one request from the bucket; false (with the time left) when it is exhausted.</summary>
    public bool TryTake(DateTimeOffset now, out int remaining, out TimeSpan resetAfter)
    {
        lock (gate)
        {
            if (now >= windowEnd)
            {
                windowEnd = now + window;
                used = 0;
            }

            resetAfter = windowEnd - now;
            if (used >= limit)
            {
                remaining = 0;
                return false;
            }

            used++;
            remaining = limit - used;
            return true;
        }
    }
}
