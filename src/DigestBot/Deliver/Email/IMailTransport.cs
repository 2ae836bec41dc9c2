namespace DigestBot.Deliver.Email;

/// <summary>
/// Where the send queue's threads deliver messages: an SMTP server (<see cref="SmtpConnections"/>) or the outbox folder
/// (<see cref="OutboxTransport"/>). Batches, pacing, retries and the ledger are the same for both.
/// </summary>
internal interface IMailTransport
{
    /// <summary>Blocks the calling (sending) thread until a session is open; throws when the transport gives up.</summary>
    IMailSession Open(CancellationToken cancellationToken = default);

    /// <summary>How long the transport has been failing to open a session (an unreachable server), or null while it can.</summary>
    TimeSpan? UnreachableFor { get; }
}
