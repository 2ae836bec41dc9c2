namespace DigestBot.Model;

public enum SubscriberStatus
{
    Pending,
    Active,
    Unsubscribed,
    Bounced,

    /// <summary>The reader marked a digest as spam (a feedback report or a provider's complaint event).</summary>
    Complained,
}

public sealed record Subscriber(
    string Email,
    string? Name,
    IReadOnlyList<string> Sections,
    IReadOnlyList<string> Digests,
    SubscriberStatus Status,
    string? TimeZone = null)
{
    /// <summary>Permanent delivery failures counted so far (see Email:BounceThreshold).</summary>
    public int Bounces { get; init; }

    /// <summary>
    /// The hour of the day (0-23, in <see cref="TimeZone"/>) at which the reader wants digests that are delivered at
    /// local time; null means the digest's own scheduled time.
    /// </summary>
    public int? DeliveryHour { get; init; }

    /// <summary>Words the reader muted: stories mentioning any of them are left out of this reader's copy only.</summary>
    public IReadOnlyList<string> MutedWords { get; init; } = [];

    public bool Reads(string digestId) => Digests.Count == 0 || Digests.Contains(digestId, StringComparer.OrdinalIgnoreCase);

    public bool Reads(string digestId, string sectionId) =>
        Reads(digestId) && (Sections.Count == 0 || Sections.Contains(sectionId, StringComparer.OrdinalIgnoreCase));
}
