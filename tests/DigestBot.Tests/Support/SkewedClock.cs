namespace DigestBot.Tests.Support;

/// <summary>
/// The system clock read on a machine whose wall clock is <paramref name="offset"/> off (NTP down, a VM restored from a
/// snapshot): the time of day is wrong, but timers and elapsed time run at the real rate.
/// </summary>
public sealed class SkewedClock(TimeSpan offset) : TimeProvider
{
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(10);

    /// <summary>A node whose clock is <see cref="Skew"/> ahead.</summary>
    public static SkewedClock Fast() => new(Skew);

    /// <summary>A node whose clock is <see cref="Skew"/> behind.</summary>
    public static SkewedClock Slow() => new(-Skew);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
