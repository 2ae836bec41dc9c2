using DigestBot.Rank;

namespace DigestBot.Pipeline;

/// <summary>The ranked candidates of every section of a digest at <see cref="Now"/>, for articles first seen since <see cref="Since"/>.</summary>
public sealed record DigestRanking(string DigestId, DateTimeOffset Now, DateTimeOffset Since, IReadOnlyList<SectionRanking> Sections);
