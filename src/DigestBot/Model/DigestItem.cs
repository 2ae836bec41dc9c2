namespace DigestBot.Model;

/// <summary>An article chosen for a digest, with its summary and the other sources that reported the same story.</summary>
public sealed record DigestItem(Article Article, string Summary, double Score)
{
    public IReadOnlyList<SourceRef> AlsoReportedBy { get; init; } = [];

    /// <summary>The agency the story's dateline named ("AFP", "Reuters"), shown as its credit; null when none.</summary>
    public string? Credit { get; init; }

    /// <summary>Ids of the other articles of the same story (any source), recorded so that no later edition repeats the story.</summary>
    public IReadOnlyList<string> DuplicateArticleIds { get; init; } = [];
}

public sealed record SourceRef(string SourceId, string? Name, string Link);
