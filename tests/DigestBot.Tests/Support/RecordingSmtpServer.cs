using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DigestBot.Tests.Support;

/// <summary>
/// A small SMTP server on 127.0.0.1 that accepts every message and records, from its own side, when each one was
/// accepted (the end of its DATA) and how many sessions were open at the same time. Enough of SMTP for MailKit:
/// EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
/// </summary>
public sealed class RecordingSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> sessions = [];
    private readonly List<AcceptedMessage> accepted = [];
    private readonly Lock gate = new();
    private readonly Task loop;
    private int open;
    private int maxOpen;
    private int opened;
    private int quits;

    private RecordingSmtpServer()
    {
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        loop = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>The most sessions that were open at once.</summary>
    public int MaxConcurrentSessions
    {
        get
        {
            lock (gate)
            {
                return maxOpen;
            }
        }
    }

    /// <summary>Sessions opened so far, sessions open now, and sessions the client ended with QUIT.</summary>
    public (int Opened, int Open, int Quit) Sessions
    {
        get
        {
            lock (gate)
            {
                return (opened, open, quits);
            }
        }
    }

    public IReadOnlyList<AcceptedMessage> Accepted
    {
        get
        {
            lock (gate)
            {
                return [.. accepted];
            }
        }
    }

    public static RecordingSmtpServer Start() => new();

    /// <summary>The most messages accepted within any window of <paramref name="window"/>.</summary>
    public int MaxAcceptedWithin(TimeSpan window)
    {
        var times = Accepted.Select(m => m.At).Order().ToList();
        var most = 0;
        for (int first = 0, last = 0; last < times.Count; last++)
        {
            while (times[last] - times[first] >= window)
            {
                first++;
            }

            most = Math.Max(most, last - first + 1);
        }

        return most;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
        Task[] running;
        lock (gate)
        {
            running = [.. sessions];
        }

        await Task.WhenAll(running);
        stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (gate)
            {
                open++;
                opened++;
                maxOpen = Math.Max(maxOpen, open);
                sessions.Add(SessionAsync(client));
            }
        }
    }

    private async Task SessionAsync(TcpClient client)
    {
        var counted = true;
        try
        {
            using (client)
            {
                client.NoDelay = true;
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.Latin1);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 recording.test ESMTP");
                var recipients = new List<string>();
                while (await reader.ReadLineAsync(stop.Token) is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteLineAsync("250-recording.test\r\n250 8BITMIME");
                            break;
                        case "MAIL":
                        case "RSET":
                            recipients.Clear();
                            await writer.WriteLineAsync("250 2.0.0 OK");
                            break;
                        case "RCPT":
                            recipients.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('<', '>'));
                            await writer.WriteLineAsync("250 2.1.5 OK");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            while (await reader.ReadLineAsync(stop.Token) is { } body && body != ".")
                            {
                            }

                            lock (gate)
                            {
                                accepted.Add(new AcceptedMessage(Stopwatch.GetElapsedTime(0), [.. recipients]));
                            }

                            await writer.WriteLineAsync("250 2.0.0 Accepted");
                            break;
                        case "QUIT":
                            // Counted as closed before the reply: the client may open its next session as soon as it reads it.
                            lock (gate)
                            {
                                quits++;
                            }

                            Close(ref counted);
                            await writer.WriteLineAsync("221 2.0.0 Bye");
                            return;
                        case "HELO":
                        case "NOOP":
                            await writer.WriteLineAsync("250 OK");
                            break;
                        default:
                            await writer.WriteLineAsync("502 5.5.1 Not implemented");
                            break;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server is stopping.
        }
        finally
        {
            Close(ref counted);
        }
    }

    private void Close(ref bool counted)
    {
        if (counted)
        {
            counted = false;
            lock (gate)
            {
                open--;
            }
        }
    }
}

/// <param name="At">When the server accepted the message (a monotonic clock; only differences mean anything).</param>
public sealed record AcceptedMessage(TimeSpan At, IReadOnlyList<string> Recipients);
