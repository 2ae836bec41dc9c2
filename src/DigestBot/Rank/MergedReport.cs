using DigestBot.Model;

namespace DigestBot.Rank;

/// <summary>A report merged into a story, and why it was taken as the same story as the story's lead.</summary>
public sealed record MergedReport(Article Article, StoryMatch Match);
