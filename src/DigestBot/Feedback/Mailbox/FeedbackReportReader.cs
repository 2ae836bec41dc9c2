using MimeKit;
using MimeKit.Utils;

namespace DigestBot.Feedback.Mailbox;

/// <summary>
/// Reads an RFC 5965 abuse report (multipart/report; report-type=feedback-report), as mailbox providers send through
/// their feedback loops when a reader marks a message as spam. "not-spam" and "auth-failure" (a DMARC failure report)
/// say nothing against a reader, so they yield nothing.
/// </summary>
internal static class FeedbackReportReader
{
    private static readonly HashSet<string> ComplaintTypes = new(["abuse", "fraud", "virus", "other"], StringComparer.OrdinalIgnoreCase);

    public static ParsedMail Read(MimeMessage message, MultipartReport report, string source)
    {
        var fields = report.OfType<MessageFeedbackReport>().FirstOrDefault()?.Fields;
        if (fields is null)
        {
            return ParsedMail.Unreadable("feedback report without a message/feedback-report part");
        }

        var type = fields["Feedback-Type"]?.Trim();
        if (type is null)
        {
            return ParsedMail.Unreadable("feedback report without a Feedback-Type");
        }

        if (!ComplaintTypes.Contains(type))
        {
            return ParsedMail.Ignorable($"feedback report of type {type}");
        }

        var returned = ReturnedMessage.In(message);
        var recipient = Addresses.FromField(fields["Original-Rcpt-To"]) ?? returned.OriginalRecipient ?? returned.To;
        if (recipient is null && returned.MessageId is null)
        {
            return ParsedMail.Unreadable("feedback report that names neither the reader nor the message");
        }

        // A feedback loop delivers to the address registered with the provider, not to the message's return path: the
        // original envelope sender is the return path to match on.
        var returnPath = Addresses.FromField(fields["Original-Mail-From"]) ?? returned.ReturnPath;
        var arrival = fields["Arrival-Date"] is { } date && DateUtils.TryParse(date, out var parsed) ? parsed : (DateTimeOffset?)null;
        return ParsedMail.Of(
            [
                new FeedbackReport(FeedbackKind.Complaint, source)
                {
                    ReturnPath = returnPath,
                    Recipient = recipient,
                    OriginalMessageId = returned.MessageId,
                    Diagnostic = StatusCodes.Shorten($"{type} report from {fields["User-Agent"]?.Trim() ?? "an unnamed agent"}"),
                    OccurredAt = arrival,
                },
            ],
            "abuse feedback report");
    }
}
