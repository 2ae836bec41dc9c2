using DigestBot.Store;

namespace DigestBot.Editions;

/// <summary>
/// The outcome of claiming a slot. <see cref="IsNew"/> is false when another run claimed it first; <see cref="Owned"/>
/// says whether this node now holds the edition (new, or taken over from an owner whose lease ran out).
/// </summary>
public sealed record EditionClaim(string EditionId, string DigestId, DateTimeOffset Slot, bool IsNew, EditionStatus Status, bool Owned = true)
{
    public bool IsFinished => Status is EditionStatus.Sent or EditionStatus.Empty;

    /// <summary>The content was recorded and delivery started before: resume with that content.</summary>
    public bool HasContent => Status is EditionStatus.Delivering or EditionStatus.Partial;
}
