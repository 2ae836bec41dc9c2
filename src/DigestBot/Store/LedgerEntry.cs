namespace DigestBot.Store;

/// <summary>One row of the email ledger. Settable properties so the row maps from SQLite and PostgreSQL integer widths alike.</summary>
public sealed record LedgerEntry
{
    public string Email { get; init; } = "";
    public string Status { get; init; } = "";
    public long Attempts { get; init; }
    public string? LastError { get; init; }
    public string? MessageId { get; init; }
}
