using MimeKit;

namespace DigestBot.Deliver.Email;

/// <summary>The outbox as the send queue's transport: a session is always at hand and never drops.</summary>
internal sealed class OutboxTransport(MailOutbox outbox) : IMailTransport
{
    public TimeSpan? UnreachableFor => null;

    public IMailSession Open(CancellationToken cancellationToken = default) => new Session(outbox);

    private sealed class Session(MailOutbox outbox) : IMailSession
    {
        public bool IsConnected => true;

        public void Send(MimeMessage message, string editionId, CancellationToken cancellationToken = default) =>
            outbox.Write(message, editionId, cancellationToken);

        public void Close()
        {
        }

        public void Dispose()
        {
        }
    }
}
