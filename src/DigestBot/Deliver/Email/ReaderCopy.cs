using DigestBot.Model;

namespace DigestBot.Deliver.Email;

/// <summary>
/// What one reader's email of an edition shows: the sections they read, less the stories their muted words remove.
/// <paramref name="Removed"/> names the removed stories by position ("section.item", comma-separated; empty when none),
/// so readers whose mutes remove the same stories share one rendered variant whatever their words.
/// </summary>
internal sealed record ReaderCopy(IReadOnlyList<SectionDigest> Sections, string SectionIds, string Removed)
{
    public static readonly ReaderCopy Nothing = new([], "", "");

    public bool IsEmpty => Sections.Count == 0;
}
