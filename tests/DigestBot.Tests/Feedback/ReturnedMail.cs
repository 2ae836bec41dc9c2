using System.Globalization;
using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace DigestBot.Tests.Feedback;

/// <summary>
/// Reports about a digest that was really sent, as a remote mail system writes them: a Postfix delivery status
/// notification (RFC 3464) mailed to the message's return path, and a mailbox provider's abuse report (RFC 5965)
/// carrying the reported message.
/// </summary>
public static class ReturnedMail
{
    /// <summary>What smtp-sink adds to each message it keeps; a remote system never saw these.</summary>
    private static readonly HashSet<string> SinkFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "X-Client-Addr", "X-Client-Proto", "X-Helo-Args", "X-Mail-Args", "X-Rcpt-Args",
    };

    /// <summary>The envelope sender smtp-sink recorded for <paramref name="sent"/> (MAIL FROM).</summary>
    public static string EnvelopeSender(MimeMessage sent) =>
        sent.Headers["X-Mail-Args"]?.Trim().Split(' ')[0].Trim('<', '>') ?? throw new InvalidOperationException("smtp-sink recorded no MAIL FROM");

    /// <summary>A Postfix "User unknown" bounce (5.1.1) of <paramref name="sent"/>, delivered to <paramref name="returnPath"/>.</summary>
    public static MimeMessage PostfixHardBounce(MimeMessage sent, string recipient, string returnPath)
    {
        var date = DateUtils.FormatDate(DateTimeOffset.UtcNow);
        var queueId = Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var boundary = $"{queueId}.{DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}/mx.example.net";
        var text = $"""
            Return-Path: <>
            X-Original-To: {returnPath}
            Delivered-To: {returnPath}
            Date: {date}
            From: MAILER-DAEMON@mx.example.net (Mail Delivery System)
            Subject: Undelivered Mail Returned to Sender
            To: {returnPath}
            Auto-Submitted: auto-replied
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status;
            	boundary="{boundary}"
            Message-Id: <{queueId}@mx.example.net>

            This is a MIME-encapsulated message.

            --{boundary}
            Content-Description: Notification
            Content-Type: text/plain; charset=us-ascii

            This is the mail system at host mx.example.net.

            I'm sorry to have to inform you that your message could not
            be delivered to one or more recipients. It's attached below.

            <{recipient}>: host inbox.example.net[192.0.2.25] said: 550 5.1.1
                <{recipient}>: Recipient address rejected: User unknown in
                virtual mailbox table (in reply to RCPT TO command)

            --{boundary}
            Content-Description: Delivery report
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.net
            X-Postfix-Queue-ID: {queueId}
            X-Postfix-Sender: rfc822; {returnPath}
            Arrival-Date: {date}

            Final-Recipient: rfc822; {recipient}
            Original-Recipient: rfc822;{recipient}
            Action: failed
            Status: 5.1.1
            Remote-MTA: dns; inbox.example.net
            Diagnostic-Code: smtp; 550 5.1.1 <{recipient}>: Recipient address
                rejected: User unknown in virtual mailbox table

            --{boundary}
            Content-Description: Undelivered Message Headers
            Content-Type: text/rfc822-headers

            Return-Path: <{returnPath}>
            {HeadersAsSent(sent)}
            --{boundary}--

            """;
        return MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"))));
    }

    /// <summary>An abuse report from a feedback loop (sent to the address registered with the provider) with the whole message.</summary>
    public static MimeMessage AbuseReport(MimeMessage sent, string recipient, string returnPath)
    {
        MimeMessage original;
        using (var buffer = new MemoryStream())
        {
            sent.WriteTo(buffer);
            buffer.Position = 0;
            original = MimeMessage.Load(buffer);
        }

        foreach (var field in SinkFields)
        {
            original.Headers.RemoveAll(field);
        }

        var feedback = new MessageFeedbackReport();
        feedback.Fields.Add("Feedback-Type", "abuse");
        feedback.Fields.Add("User-Agent", "ExampleFBL/1.0");
        feedback.Fields.Add("Version", "1");
        feedback.Fields.Add("Original-Mail-From", $"<{returnPath}>");
        feedback.Fields.Add("Original-Rcpt-To", $"<{recipient}>");
        feedback.Fields.Add("Arrival-Date", DateUtils.FormatDate(DateTimeOffset.UtcNow));
        var report = new MultipartReport("feedback-report")
        {
            new TextPart("plain") { Text = "This is an email abuse report for an email message received from IP 198.51.100.7." },
            feedback,
            new MessagePart("rfc822") { Message = original },
        };
        var message = new MimeMessage { Subject = "FW: " + sent.Subject, Body = report, MessageId = MimeUtils.GenerateMessageId("fbl.example.com") };
        message.From.Add(new MailboxAddress("Feedback Loop", "fbl@fbl.example.com"));
        message.To.Add(new MailboxAddress("", "abuse-reports@digestbot.test"));
        return message;
    }

    private static string HeadersAsSent(MimeMessage sent)
    {
        var text = new StringBuilder();
        foreach (var header in sent.Headers.Where(h => !SinkFields.Contains(h.Field) && h.Id != HeaderId.ReturnPath))
        {
            text.Append(header.Field).Append(':').Append(Encoding.UTF8.GetString(header.RawValue).TrimEnd('\r', '\n').Replace("\r\n", "\n", StringComparison.Ordinal)).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }
}
