using MailKit.Net.Smtp;
using MimeKit;

namespace DigestBot.Deliver.Email;

/// <summary>
/// One connection of the pool, on a thread of its own: takes messages from the fan-out and sends them over a connection
/// it keeps open between messages. A lost connection is reopened and the same message sent again; nothing is recorded
/// until accepted. The SMTP exchange is synchronous on purpose: a thread blocked on its own socket costs one wake-up per
/// reply, where asynchronous I/O hands every reply, ledger write and queue step to the thread pool (tens of thread
/// switches per message, most of the fan-out's CPU on a small machine).
/// </summary>
internal sealed class SmtpSendWorker(FanOut fanOut, SmtpConnections connections, SendPacer pacer, Func<MailJob, MimeMessage> build)
{
    public void Run(CancellationToken cancellationToken = default)
    {
        SmtpClient? client = null;
        long? unrecorded = null;
        try
        {
            while (true)
            {
                // With a row still to commit, only take what is ready now: a thread that waits (for a retry that is due
                // later, or for the others to finish) commits its row first rather than hold it back meanwhile.
                if (!fanOut.TryTake(out var job, cancellationToken, block: unrecorded is null))
                {
                    if (unrecorded is null)
                    {
                        break;
                    }

                    Settle(ref unrecorded);
                    continue;
                }

                var ready = job.Message is null ? job with { Message = build(job) } : job;
                // The previous message's row is committed (by this thread or another's group commit) before the next goes out.
                Settle(ref unrecorded);
                (client, unrecorded) = Send(client, ready, cancellationToken);
            }

            if (client is { IsConnected: true })
            {
                client.Disconnect(true, cancellationToken);
            }
        }
        finally
        {
            try
            {
                Settle(ref unrecorded);
            }
            finally
            {
                client?.Dispose();
            }
        }
    }

    private void Settle(ref long? unrecorded)
    {
        if (unrecorded is { } ticket)
        {
            unrecorded = null;
            fanOut.Recorded(ticket);
        }
    }

    /// <summary>
    /// Sends one message to an outcome; returns the connection to keep using (null: open a new one) and, when the server
    /// accepted the message, the ticket of its ledger row.
    /// </summary>
    private (SmtpClient? Client, long? Unrecorded) Send(SmtpClient? client, MailJob job, CancellationToken cancellationToken)
    {
        while (true)
        {
            client ??= connections.Open(cancellationToken);
            pacer.Wait(cancellationToken);
            try
            {
                client.Send(job.Message!, cancellationToken);
            }
            catch (SmtpCommandException ex) when (SmtpErrors.IsTransient(ex))
            {
                // The retry goes out on a fresh connection: a 4xx may be about this session (421, too many messages).
                Drop(client);
                fanOut.Deferred(job, ex, cancellationToken);
                return (null, null);
            }
            catch (SmtpCommandException ex)
            {
                fanOut.Rejected(job, ex, cancellationToken);
                if (client.IsConnected)
                {
                    return (client, null);
                }

                Drop(client);
                return (null, null);
            }
            catch (Exception ex) when (SmtpErrors.IsConnectionLost(ex) && !cancellationToken.IsCancellationRequested)
            {
                Drop(client);
                client = null;
                continue;
            }

            return (client, fanOut.Accepted(job));
        }
    }

    private static void Drop(SmtpClient client)
    {
        // No QUIT: the session is broken or about to be replaced, and waiting for a polite close only slows the fan-out.
        client.Dispose();
    }
}
