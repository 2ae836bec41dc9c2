namespace DigestBot.Pipeline;

/// <summary>When a run delivers an edition of a digest whose <c>Delivery</c> is <c>LocalTime</c>.</summary>
public enum DeliveryMoment
{
    /// <summary>As the digest is configured: each reader at their local time.</summary>
    AsConfigured,

    /// <summary>Every reader at once, as a send-now asks.</summary>
    Now,
}
