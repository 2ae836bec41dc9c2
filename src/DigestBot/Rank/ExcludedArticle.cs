using DigestBot.Model;

namespace DigestBot.Rank;

/// <summary>A candidate that ranking left out, and why (muted, already sent, source no longer configured).</summary>
public sealed record ExcludedArticle(Article Article, string Reason);
