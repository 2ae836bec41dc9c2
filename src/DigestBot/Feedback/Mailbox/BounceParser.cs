using MimeKit;

namespace DigestBot.Feedback.Mailbox;

/// <summary>
/// Turns one message from the bounce mailbox into feedback reports (one per failed or complaining recipient), or says why
/// it has none. Standard reports first (RFC 3464 delivery status, RFC 5965 abuse report), then the plain-text bounces of
/// MTAs that send none, then automatic replies; anything else is left for a person.
/// </summary>
public static class BounceParser
{
    public const string Source = "imap";

    /// <summary>Reads a message as the mailbox stores it; bytes that are no message at all are <see cref="MailVerdict.Unreadable"/>.</summary>
    public static async Task<ParsedMail> ParseAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        MimeMessage message;
        try
        {
            message = await MimeMessage.LoadAsync(stream, cancellationToken);
        }
        catch (FormatException ex)
        {
            return ParsedMail.Unreadable($"not a mail message ({ex.Message})");
        }

        return Parse(message);
    }

    public static ParsedMail Parse(MimeMessage message)
    {
        var report = message.Body as MultipartReport ?? message.BodyParts.OfType<MultipartReport>().FirstOrDefault()
            ?? (message.Body as Multipart)?.OfType<MultipartReport>().FirstOrDefault();
        ParsedMail? standard = null;
        if (report is not null)
        {
            standard = report.ReportType?.ToLowerInvariant() switch
            {
                "delivery-status" => DeliveryStatusReader.Read(message, report, Source),
                "feedback-report" => FeedbackReportReader.Read(message, report, Source),
                _ => null,
            };
            if (standard is { Verdict: not MailVerdict.Unreadable })
            {
                return standard;
            }
        }

        // Some MTAs wrap a bounce in multipart/report but keep the failure only in the human-readable part.
        if (TextBounceReader.Read(message, Source) is { Verdict: not MailVerdict.Unreadable } text)
        {
            return text;
        }

        if (standard is not null)
        {
            return standard;
        }

        return AutoReply.Is(message)
            ? ParsedMail.Ignorable("automatic reply")
            : ParsedMail.Unreadable("not a delivery report, abuse report or automatic reply");
    }
}
