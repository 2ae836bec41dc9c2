using MimeKit;

namespace DigestBot.Deliver.Email;

/// <summary>
/// Writes emails to the outbox folder, one <c>.eml</c> file per message under <c>&lt;edition&gt;/</c>, named after the
/// recipient (a message sent again replaces the earlier file). The bytes are what MailKit sends after SMTP's DATA
/// command, before dot-stuffing: the same message, prepared and formatted as <c>SmtpClient</c> does for a server that
/// offers 8BITMIME (CRLF line ends; Bcc, Resent-Bcc and Content-Length left out).
/// </summary>
public sealed class MailOutbox(OutboxFolder folder)
{
    /// <summary>Longest line SMTP allows (RFC 5321), as MailKit prepares messages for it.</summary>
    private const int MaxLineLength = 998;

    /// <summary>Writes the message into the folder <paramref name="folderName"/> (an edition id) and returns its path.</summary>
    public string Write(MimeMessage message, string folderName, CancellationToken cancellationToken = default)
    {
        var recipient = message.To.Mailboxes.FirstOrDefault()?.Address ?? message.MessageId ?? Guid.NewGuid().ToString("N");
        var path = Path.Combine(folder.EditionFolder(folderName), OutboxFolder.FileName(recipient) + ".eml");
        message.Prepare(EncodingConstraint.EightBit, MaxLineLength);
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        format.HiddenHeaders.Add(HeaderId.ContentLength);
        format.HiddenHeaders.Add(HeaderId.ResentBcc);
        format.HiddenHeaders.Add(HeaderId.Bcc);
        format.International = format.International || message.From.Mailboxes.Concat(message.To.Mailboxes).Any(m => m.IsInternational);
        folder.Write(path, stream => message.WriteTo(format, stream, cancellationToken));
        return path;
    }
}
