namespace DigestBot.Store;

/// <summary>One saved change of a reader's preferences: when, and the names of the fields that changed (never their values).</summary>
public sealed record PreferenceChange(DateTimeOffset ChangedAt, IReadOnlyList<string> Fields);
