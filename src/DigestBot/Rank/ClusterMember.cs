namespace DigestBot.Rank;

/// <summary>One item of a story; <see cref="Match"/> says why it joined the story's lead, and is null for the lead itself.</summary>
public sealed record ClusterMember<T>(T Item, StoryMatch? Match);
