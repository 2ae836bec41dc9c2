using MailKit.Net.Smtp;

namespace DigestBot.Deliver.Email;

/// <summary>
/// One connection of the node's pool, on a thread of its own: takes messages from the send queue (any batch, any
/// edition) and sends them over a connection (an SMTP session, or the outbox) it keeps open between messages and between batches. A lost connection is
/// reopened and the same message sent again; nothing is recorded until accepted. The SMTP exchange is synchronous on
/// purpose: a thread blocked on its own socket costs one wake-up per reply, where asynchronous I/O hands every reply,
/// ledger write and queue step to the thread pool (tens of thread switches per message, most of the fan-out's CPU on a
/// small machine). Whatever goes wrong with a message ends up in its batch, never in this thread.
/// </summary>
internal sealed class SmtpSendWorker(SmtpSendQueue queue, IMailTransport connections, SendPacer pacer)
{
    public void Run()
    {
        IMailSession? client = null;
        Unrecorded? unrecorded = null;
        try
        {
            while (true)
            {
                // With a row still to commit, only take what is ready now: a thread that waits (for a retry that is due
                // later, or for other threads to finish) commits its row first rather than hold it back meanwhile.
                if (!queue.TryTake(out var batch, out var job, wait: unrecorded is null))
                {
                    if (unrecorded is not null)
                    {
                        Settle(ref unrecorded);
                        continue;
                    }

                    // Idle, or the host is stopping: the connection is closed before the thread gives up its place, so
                    // the pool never holds more than Smtp:Connections sessions.
                    Close(ref client);
                    if (queue.Retire())
                    {
                        return;
                    }

                    continue;
                }

                MailJob ready;
                try
                {
                    ready = job.Message is null ? job with { Message = batch.Build(job) } : job;
                }
                catch (Exception ex)
                {
                    batch.Abandon(job, ex);
                    continue;
                }

                // The previous message's row is committed (by this thread or another's group commit) before the next
                // goes out, whichever batch each belongs to.
                Settle(ref unrecorded);
                (client, unrecorded) = Send(client, batch, ready);
            }
        }
        catch (Exception ex)
        {
            queue.Crashed(ex);
        }
        finally
        {
            Settle(ref unrecorded);
            client?.Dispose();
        }
    }

    private static void Settle(ref Unrecorded? unrecorded)
    {
        if (unrecorded is { } row)
        {
            unrecorded = null;
            row.Batch.Recorded(row.Ticket);
        }
    }

    /// <summary>
    /// Sends one message to an outcome; returns the connection to keep using (null: open a new one) and, when the server
    /// accepted the message, its ledger row still to commit.
    /// </summary>
    private (IMailSession? Client, Unrecorded? Unrecorded) Send(IMailSession? client, FanOut batch, MailJob job)
    {
        var cancellationToken = batch.Token;
        try
        {
            while (true)
            {
                client ??= connections.Open(cancellationToken);
                pacer.Wait(cancellationToken);
                try
                {
                    client.Send(job.Message!, batch.EditionId, cancellationToken);
                }
                catch (SmtpCommandException ex) when (SmtpErrors.IsTransient(ex))
                {
                    // The retry goes out on a fresh connection: a 4xx may be about this session (421, too many messages).
                    Drop(ref client);
                    batch.Deferred(job, ex);
                    return (null, null);
                }
                catch (SmtpCommandException ex)
                {
                    if (!client.IsConnected)
                    {
                        Drop(ref client);
                    }

                    batch.Rejected(job, ex);
                    return (client, null);
                }
                catch (Exception ex) when (SmtpErrors.IsConnectionLost(ex) && !cancellationToken.IsCancellationRequested)
                {
                    Drop(ref client);
                    continue;
                }

                return (client, new Unrecorded(batch, batch.Accepted(job)));
            }
        }
        catch (Exception ex)
        {
            // The batch was stopped (perhaps mid-message: the session's state is unknown), the server stayed away longer
            // than Smtp:MaxOutage, or the message could not be sent at all: the batch ends, the connection is not reused.
            Drop(ref client);
            batch.Abandon(job, ex);
            return (null, null);
        }
    }

    private static void Close(ref IMailSession? client)
    {
        if (client is null)
        {
            return;
        }

        try
        {
            if (client.IsConnected)
            {
                client.Close();
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Closing politely is a courtesy: a server that already went away, or answers oddly, changes nothing.
        }
        finally
        {
            Drop(ref client);
        }
    }

    private static void Drop(ref IMailSession? client)
    {
        // No QUIT: the session is broken or about to be replaced, and waiting for a polite close only slows the fan-out.
        client?.Dispose();
        client = null;
    }

    private readonly record struct Unrecorded(FanOut Batch, long Ticket);
}
