using DigestBot.Model;

namespace DigestBot.Store;

/// <summary>An edition whose content was recorded, as the archive shows it.</summary>
public sealed record ArchivedEdition(Digest Digest, string Status, DateTimeOffset? CompletedAt);
