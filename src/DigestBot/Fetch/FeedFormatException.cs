namespace DigestBot.Fetch;

/// <summary>The document is not a feed this parser can read; the message says why in terms an admin can act on.</summary>
public sealed class FeedFormatException(string message, Exception? inner = null) : Exception(message, inner);
