using MimeKit;

namespace DigestBot.Deliver.Email;

/// <summary>One open session of the mail transport, used by one sending thread, kept between messages.</summary>
internal interface IMailSession : IDisposable
{
    bool IsConnected { get; }

    /// <summary>
    /// Delivers the message; returning means it was accepted (an SMTP 250, or a whole file on disk) and may be recorded.
    /// SMTP errors surface as MailKit's exceptions, which the sender sorts into retry, reject or reconnect.
    /// </summary>
    /// <param name="editionId">The edition the message belongs to (the outbox files messages by edition).</param>
    void Send(MimeMessage message, string editionId, CancellationToken cancellationToken = default);

    /// <summary>Closes the session politely (SMTP QUIT).</summary>
    void Close();
}
