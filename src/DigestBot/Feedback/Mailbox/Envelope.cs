using MimeKit;

namespace DigestBot.Feedback.Mailbox;

/// <summary>
/// Where a report was delivered: the envelope recipient, which for a bounce is the return path the original message was
/// sent with (bounces+token@domain when each recipient gets its own). Delivery agents record it in X-Original-To,
/// Delivered-To or Envelope-To; the To header is the last resort, as some MTAs address the report to the return path.
/// </summary>
internal static class Envelope
{
    private static readonly string[] Fields = ["X-Original-To", "Delivered-To", "Envelope-To", "To"];

    public static string? RecipientOf(MimeMessage message) =>
        Fields.Select(field => Addresses.FirstOf(message.Headers, field)).FirstOrDefault(address => address is not null);
}
