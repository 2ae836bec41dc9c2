namespace DigestBot.Store;

/// <summary>The text an <see cref="EditionStatus"/> has in the editions table's status column (and in metric tags).</summary>
public static class EditionStatusText
{
    public static string ToText(this EditionStatus status) => status switch
    {
        EditionStatus.Claimed => "claimed",
        EditionStatus.Delivering => "delivering",
        EditionStatus.Sent => "sent",
        EditionStatus.Partial => "partial",
        EditionStatus.Empty => "empty",
        EditionStatus.Paused => "paused",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static EditionStatus Parse(string text) => text switch
    {
        "claimed" => EditionStatus.Claimed,
        "delivering" => EditionStatus.Delivering,
        "sent" => EditionStatus.Sent,
        "partial" => EditionStatus.Partial,
        "empty" => EditionStatus.Empty,
        "paused" => EditionStatus.Paused,
        _ => throw new InvalidOperationException($"Unknown edition status '{text}' in the store."),
    };
}
