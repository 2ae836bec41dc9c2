using System.Net.Sockets;
using DigestBot.Options;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace DigestBot.Deliver.Email;

/// <summary>
/// Opens authenticated SMTP connections. The socket is ours, with Nagle off: MailKit's own socket waits for delayed ACKs
/// and sends two orders of magnitude fewer messages per second on a fast link.
/// </summary>
public sealed class SmtpConnector(IOptions<SmtpOptions> options)
{
    /// <summary>Opens a connection; connecting, like every later step, fails after Smtp:Timeout.</summary>
    public async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        var (socket, client) = New(smtp);
        try
        {
            using (var limit = ConnectLimit(smtp, cancellationToken))
            {
                try
                {
                    await socket.ConnectAsync(smtp.Host, smtp.Port, limit.Token);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    throw ConnectTimedOut(smtp, ex);
                }
            }

            await client.ConnectAsync(socket, smtp.Host, smtp.Port, SecureOptions(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The same connection opened synchronously, for a thread that sends a whole fan-out over it. Its socket is never used
    /// asynchronously, so it stays a blocking socket: a reply wakes just the waiting thread, where an asynchronous socket
    /// goes through the runtime's event loop and the thread pool for every read and write.
    /// </summary>
    public SmtpClient Connect(CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        var (socket, client) = New(smtp);
        try
        {
            using (var limit = ConnectLimit(smtp, cancellationToken))
            {
                // A blocking connect has no timeout of its own: closing the socket ends it.
                using var abort = limit.Token.Register(socket.Dispose);
                try
                {
                    socket.Connect(smtp.Host, smtp.Port);
                }
                catch (Exception ex) when (limit.IsCancellationRequested && ex is SocketException or ObjectDisposedException)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    throw ConnectTimedOut(smtp, ex);
                }
            }

            client.Connect(socket, smtp.Host, smtp.Port, SecureOptions(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                client.Authenticate(smtp.User, smtp.Password ?? "", cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }
    }

    private static (Socket Socket, SmtpClient Client) New(SmtpOptions smtp) =>
        (new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true }, new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds });

    private static CancellationTokenSource ConnectLimit(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(smtp.Timeout);
        return limit;
    }

    private static TimeoutException ConnectTimedOut(SmtpOptions smtp, Exception cause) =>
        new($"Connecting to {smtp.Host}:{smtp.Port} took longer than Smtp:Timeout ({smtp.Timeout}).", cause);

    private static SecureSocketOptions SecureOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
