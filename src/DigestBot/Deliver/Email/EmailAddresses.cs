using MimeKit;

namespace DigestBot.Deliver.Email;

/// <summary>Accepts a plain addr-spec only (no display name, no group, no control characters), as typed into a form or a CSV file.</summary>
public static class EmailAddresses
{
    public static bool IsValid(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && value.Length <= 254
        && !value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '<' or '>' or ',' or ';' or '"')
        && MailboxAddress.TryParse(value, out var mailbox)
        && mailbox.Address == value
        && mailbox.Domain.Contains('.', StringComparison.Ordinal)
        && mailbox.LocalPart.Length > 0;
}
