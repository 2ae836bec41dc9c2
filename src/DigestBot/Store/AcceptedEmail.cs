namespace DigestBot.Store;

/// <summary>A message the SMTP server accepted, waiting to be written to the ledger.</summary>
public sealed record AcceptedEmail(string EditionId, string Email, string MessageId, int Attempts);
