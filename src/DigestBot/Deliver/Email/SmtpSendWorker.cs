using MailKit.Net.Smtp;
using MimeKit;

namespace DigestBot.Deliver.Email;

/// <summary>
/// One connection of the pool: takes messages from the fan-out queue and sends them over a connection it keeps open
/// between messages. A lost connection is reopened and the same message sent again; nothing is recorded until accepted.
/// </summary>
internal sealed class SmtpSendWorker(FanOut fanOut, SmtpConnections connections, SendPacer pacer, Func<MailJob, Task<MimeMessage>> build)
{
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        SmtpClient? client = null;
        try
        {
            await foreach (var job in fanOut.Reader.ReadAllAsync(cancellationToken))
            {
                var ready = job.Message is null ? job with { Message = await build(job) } : job;
                client = await SendAsync(client, ready, cancellationToken);
            }

            if (client is { IsConnected: true })
            {
                await client.DisconnectAsync(true, cancellationToken);
            }
        }
        finally
        {
            client?.Dispose();
        }
    }

    /// <summary>Sends one message to an outcome; returns the connection to keep using (null: open a new one).</summary>
    private async Task<SmtpClient?> SendAsync(SmtpClient? client, MailJob job, CancellationToken cancellationToken)
    {
        while (true)
        {
            client ??= await connections.OpenAsync(cancellationToken);
            await pacer.WaitAsync(cancellationToken);
            try
            {
                await client.SendAsync(job.Message!, cancellationToken);
            }
            catch (SmtpCommandException ex) when (SmtpErrors.IsTransient(ex))
            {
                // The retry goes out on a fresh connection: a 4xx may be about this session (421, too many messages).
                Drop(client);
                await fanOut.DeferredAsync(job, ex, cancellationToken);
                return null;
            }
            catch (SmtpCommandException ex)
            {
                await fanOut.RejectedAsync(job, ex, cancellationToken);
                if (client.IsConnected)
                {
                    return client;
                }

                Drop(client);
                return null;
            }
            catch (Exception ex) when (SmtpErrors.IsConnectionLost(ex) && !cancellationToken.IsCancellationRequested)
            {
                Drop(client);
                client = null;
                continue;
            }

            await fanOut.AcceptedAsync(job);
            return client;
        }
    }

    private static void Drop(SmtpClient client)
    {
        // No QUIT: the session is broken or about to be replaced, and waiting for a polite close only slows the fan-out.
        client.Dispose();
    }
}
