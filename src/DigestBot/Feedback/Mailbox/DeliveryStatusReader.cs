using MimeKit;

namespace DigestBot.Feedback.Mailbox;

/// <summary>
/// Reads an RFC 3464 delivery status notification (multipart/report; report-type=delivery-status): one report per
/// recipient whose Action is "failed". A "delayed" recipient is still being tried by the remote MTA, so it yields
/// nothing: its final failure, if it comes, is the report that counts.
/// </summary>
internal static class DeliveryStatusReader
{
    public static ParsedMail Read(MimeMessage message, MultipartReport report, string source)
    {
        var status = report.OfType<MessageDeliveryStatus>().FirstOrDefault();
        if (status is null)
        {
            return ParsedMail.Unreadable("delivery status notification without a message/delivery-status part");
        }

        var returned = ReturnedMessage.In(message);
        var envelope = Envelope.RecipientOf(message);
        var reports = new List<FeedbackReport>();
        var failedWithoutRecipient = 0;
        var notices = 0;
        // The first group is about the whole message (Reporting-MTA, Arrival-Date); each further one is one recipient.
        foreach (var fields in status.StatusGroups.Skip(1))
        {
            var action = fields["Action"]?.Trim().ToLowerInvariant();
            if (action != "failed")
            {
                notices += action is null ? 0 : 1;
                continue;
            }

            var recipient = Addresses.FromField(fields["Original-Recipient"]) ?? Addresses.FromField(fields["Final-Recipient"]);
            if (recipient is null)
            {
                failedWithoutRecipient++;
                continue;
            }

            var diagnostic = fields["Diagnostic-Code"];
            var code = StatusCodes.Enhanced(fields["Status"]) ?? StatusCodes.Enhanced(diagnostic);
            reports.Add(new FeedbackReport(StatusCodes.KindOf(code, diagnostic) ?? FeedbackKind.HardBounce, source)
            {
                ReturnPath = envelope,
                Recipient = recipient,
                OriginalMessageId = returned.MessageId,
                Status = code,
                Diagnostic = StatusCodes.Shorten(Addresses.AfterType(diagnostic)),
            });
        }

        if (reports.Count > 0)
        {
            return ParsedMail.Of(reports, "delivery status notification");
        }

        return failedWithoutRecipient == 0 && notices > 0
            ? ParsedMail.Ignorable("delivery status notification without a failed recipient")
            : ParsedMail.Unreadable("delivery status notification that names no failed recipient");
    }
}
