using DigestBot.Model;

namespace DigestBot.Deliver;

public enum ChannelState
{
    /// <summary>Everything the channel had to deliver for the edition went out.</summary>
    Delivered,

    /// <summary>The channel finished, but some of it failed (the edition ends partial).</summary>
    Failed,

    /// <summary>Stopped before finishing; the edition stays unfinished and the next run resumes it.</summary>
    Interrupted,

    /// <summary>Held back by the bounce-rate circuit breaker: the rest waits for a person to resume the edition.</summary>
    Paused,
}

/// <summary>What a channel did for one edition.</summary>
public sealed record ChannelOutcome(DeliveryResult Result, ChannelState State);
