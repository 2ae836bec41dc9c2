namespace DigestBot.Render.Email;

/// <summary>What the double opt-in confirmation email shows.</summary>
public sealed record ConfirmModel(string Title, string RecipientName, string ConfirmUrl, string PostalAddress, string FromName);
