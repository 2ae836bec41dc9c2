using MailKit.Net.Smtp;
using MimeKit;

namespace DigestBot.Deliver.Email;

/// <summary>A session with the SMTP server.</summary>
internal sealed class SmtpMailSession(SmtpClient client) : IMailSession
{
    /// <summary>The Return-Path a message carries is its envelope sender; the receiving server writes the header itself.</summary>
    private static readonly FormatOptions WithoutReturnPath = Hiding(HeaderId.ReturnPath);

    public bool IsConnected => client.IsConnected;

    public void Send(MimeMessage message, string editionId, CancellationToken cancellationToken = default)
    {
        if (message.Headers[HeaderId.ReturnPath] is not { } returnPath)
        {
            client.Send(message, cancellationToken);
            return;
        }

        var sender = MailboxAddress.Parse(returnPath.Trim().Trim('<', '>'));
        client.Send(WithoutReturnPath, message, sender, message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes), cancellationToken);
    }

    public void Close() => client.Disconnect(true);

    public void Dispose() => client.Dispose();

    private static FormatOptions Hiding(HeaderId header)
    {
        var options = FormatOptions.Default.Clone();
        options.HiddenHeaders.Add(header);
        return options;
    }
}
