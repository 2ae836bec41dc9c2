namespace DigestBot.Deliver.Email;

/// <summary>Spaces sends evenly so that all connections together stay under a messages-per-second cap (0: no cap).</summary>
internal sealed class SendPacer(int perSecond, TimeProvider clock)
{
    private readonly Lock gate = new();
    private readonly long interval = perSecond > 0 ? Math.Max(1, clock.TimestampFrequency / perSecond) : 0;
    private long next;

    /// <summary>Blocks the calling (sending) thread until its next send is allowed.</summary>
    public void Wait(CancellationToken cancellationToken = default) => NextSlotAsync(cancellationToken).GetAwaiter().GetResult();

    private Task NextSlotAsync(CancellationToken cancellationToken)
    {
        if (interval == 0)
        {
            return Task.CompletedTask;
        }

        long wait;
        lock (gate)
        {
            var now = clock.GetTimestamp();
            var slot = Math.Max(now, next);
            next = slot + interval;
            wait = slot - now;
        }

        return wait <= 0
            ? Task.CompletedTask
            : Task.Delay(TimeSpan.FromSeconds((double)wait / clock.TimestampFrequency), clock, cancellationToken);
    }
}
