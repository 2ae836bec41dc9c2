using MailKit.Net.Smtp;
using MimeKit;

namespace DigestBot.Deliver.Email;

/// <summary>A session with the SMTP server.</summary>
internal sealed class SmtpMailSession(SmtpClient client) : IMailSession
{
    public bool IsConnected => client.IsConnected;

    public void Send(MimeMessage message, string editionId, CancellationToken cancellationToken = default) => client.Send(message, cancellationToken);

    public void Close() => client.Disconnect(true);

    public void Dispose() => client.Dispose();
}
