namespace DigestBot.Options;

/// <summary>When a digest's emails go out.</summary>
public enum DeliveryMode
{
    /// <summary>Every reader at the cron's instant in the digest's time zone.</summary>
    Scheduled,

    /// <summary>Each reader when the cron's time of day (or their own delivery hour) comes round in their own time zone.</summary>
    LocalTime,
}
