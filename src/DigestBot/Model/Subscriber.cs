namespace DigestBot.Model;

public enum SubscriberStatus
{
    Pending,
    Active,
    Unsubscribed,
    Bounced,
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

    public bool Reads(string digestId) => Digests.Count == 0 || Digests.Contains(digestId, StringComparer.OrdinalIgnoreCase);

    public bool Reads(string digestId, string sectionId) =>
        Reads(digestId) && (Sections.Count == 0 || Sections.Contains(sectionId, StringComparer.OrdinalIgnoreCase));
}
