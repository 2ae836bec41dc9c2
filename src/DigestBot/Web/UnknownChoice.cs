namespace DigestBot.Web;

/// <summary>An id posted in a form that the configuration does not know, with the kind of id ("section", "digest") and the valid ones.</summary>
public sealed record UnknownChoice(string Value, string Kind, IReadOnlyList<string> Valid);
