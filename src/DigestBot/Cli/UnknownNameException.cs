namespace DigestBot.Cli;

/// <summary>An argument names a digest (or edition) that does not exist; the message lists the ones that do.</summary>
internal sealed class UnknownNameException(string message) : Exception(message);
