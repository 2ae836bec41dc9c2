using DigestBot.Store;

namespace DigestBot.Pipeline;

/// <summary>The words the command line prints for an outcome.</summary>
public static class EditionOutcomeStatusText
{
    public static string ToText(this EditionOutcomeStatus status) => status switch
    {
        EditionOutcomeStatus.Sent => "sent",
        EditionOutcomeStatus.Partial => "partial",
        EditionOutcomeStatus.Empty => "empty",
        EditionOutcomeStatus.AlreadySent => "already-sent",
        EditionOutcomeStatus.InProgress => "in-progress",
        EditionOutcomeStatus.Interrupted => "interrupted",
        EditionOutcomeStatus.Paused => "paused",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The outcome of a run that finished the edition with <paramref name="status"/>.</summary>
    public static EditionOutcomeStatus Finished(EditionStatus status) => status switch
    {
        EditionStatus.Sent => EditionOutcomeStatus.Sent,
        EditionStatus.Partial => EditionOutcomeStatus.Partial,
        EditionStatus.Empty => EditionOutcomeStatus.Empty,
        EditionStatus.Paused => EditionOutcomeStatus.Paused,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a finished edition"),
    };
}
