using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Deliver.Discord;

/// <summary>
/// A fake clock that knows which timers are waiting, so a test can jump straight to the next one that is due. Time moves
/// only when code waits on the clock: a client that does not wait sends its retry at the same instant, and the test sees it.
/// </summary>
public sealed class SteppingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentDictionary<TrackedTimer, DateTimeOffset> pending = new();

    /// <summary>The earliest time a waiting timer is due, if any.</summary>
    public DateTimeOffset? NextDue => pending.IsEmpty ? null : pending.Values.Min();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this);
        tracked.Inner = base.CreateTimer(s =>
        {
            pending.TryRemove(tracked, out _);
            callback(s);
        }, state, dueTime, period);
        tracked.Track(dueTime);
        return tracked;
    }

    private sealed class TrackedTimer(SteppingClock owner) : ITimer
    {
        public ITimer Inner { get; set; } = null!;

        public void Track(TimeSpan dueTime)
        {
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                owner.pending.TryRemove(this, out _);
            }
            else
            {
                owner.pending[this] = owner.GetUtcNow() + dueTime;
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Track(dueTime);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            owner.pending.TryRemove(this, out _);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            owner.pending.TryRemove(this, out _);
            return Inner.DisposeAsync();
        }
    }
}
