using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace DigestBot.Bench.Support;

/// <summary>
/// Postfix's smtp-sink on 127.0.0.1: accepts and discards mail (or keeps it with a directory). Its running counter
/// (<c>-c</c>) tells how many messages it really received.
/// </summary>
public sealed partial class SmtpSinkProcess : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/smtp-sink";

    private static readonly TimeSpan CounterReadInterval = TimeSpan.FromMilliseconds(50);

    private readonly Process process;
    private long messages;

    private SmtpSinkProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public long Messages => Interlocked.Read(ref messages);

    public static async Task<SmtpSinkProcess> StartAsync(string? keepDirectory = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} not found: install the postfix package (see .ci/run).");
        }

        using var reservation = new PortReservation();
        var port = reservation.Port;
        var user = Environment.UserName == "root" ? "-u nobody " : "";
        var keep = keepDirectory is null ? "" : $"-d {keepDirectory}/%M%S. ";
        var process = Process.Start(new ProcessStartInfo(Binary, $"{user}-c {keep}127.0.0.1:{port} 1024")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var sink = new SmtpSinkProcess(process, port);
        _ = sink.ReadCounterAsync();
        _ = process.StandardError.ReadToEndAsync(cancellationToken);
        await WaitUntilListeningAsync(port, cancellationToken);
        return sink;
    }

    public async Task<bool> WaitForMessagesAsync(long count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = Stopwatch.StartNew();
        while (Messages < count && deadline.Elapsed < timeout)
        {
            await Task.Delay(20, cancellationToken);
        }

        return Messages >= count;
    }

    private async Task ReadCounterAsync()
    {
        // The counter line is rewritten in place with '\r': read characters, keep the last complete value. The sink writes
        // a line per message; reading them as they come would wake this (measured) process for every message, so the
        // pipe is read in bulk a few times a second (64 KB of pipe holds thousands of lines).
        var buffer = new char[65536];
        var pending = "";
        int read;
        while ((read = await process.StandardOutput.ReadAsync(buffer)) > 0)
        {
            pending += new string(buffer, 0, read);
            var matches = MesgCounter().Matches(pending);
            if (matches.Count > 0)
            {
                Interlocked.Exchange(ref messages, long.Parse(matches[^1].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
                pending = pending[(matches[^1].Index + matches[^1].Length)..];
            }

            await Task.Delay(CounterReadInterval);
        }
    }

    private static async Task WaitUntilListeningAsync(int port, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    [GeneratedRegex(@"mesg=(\d+)\r")]
    private static partial Regex MesgCounter();
}
