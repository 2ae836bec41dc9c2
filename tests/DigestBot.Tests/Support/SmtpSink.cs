using System.Diagnostics;
using MimeKit;

namespace DigestBot.Tests.Support;

/// <summary>
/// Postfix's smtp-sink on 127.0.0.1, keeping every message it accepts as a file (-d). Optional flags inject failures,
/// e.g. <c>-r RCPT</c> (4xx) or <c>-f RCPT</c> (5xx). Requires the postfix package (.ci/run installs it).
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/smtp-sink";

    private readonly bool keepMessages;
    private Process process = null!;
    private PortReservation? portWhileStopped;

    private SmtpSink(int port, string directory, bool keepMessages)
    {
        Port = port;
        Directory = directory;
        this.keepMessages = keepMessages;
    }

    public int Port { get; }

    public string Directory { get; }

    public int ProcessId => process.Id;

    public static bool IsInstalled => File.Exists(Binary);

    /// <param name="keepMessages">False runs the sink without -d (nothing written), for load tests that count through the ledger.</param>
    public static async Task<SmtpSink> StartAsync(string extraArguments = "", bool keepMessages = true)
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException($"{Binary} not found: install the postfix package (see .ci/run).");
        }

        var dir = Path.Combine(Path.GetTempPath(), "digestbot-sink-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir, (UnixFileMode)0b111_111_111);
        }

        var reservation = PortReservation.Take();
        var sink = new SmtpSink(reservation.Port, dir, keepMessages);
        await sink.RunAsync(extraArguments, reservation);
        return sink;
    }

    /// <summary>
    /// An outage: the server stops and clients are refused, but the port stays held (<see cref="PortReservation.HoldAcrossRestart"/>)
    /// so that <see cref="RestartAsync"/> brings the server back where the clients expect it.
    /// </summary>
    public async Task StopAsync()
    {
        portWhileStopped ??= PortReservation.HoldAcrossRestart(Port);
        await KillAsync();
    }

    /// <summary>Starts the server again after <see cref="StopAsync"/>, on the same port and directory, with these flags.</summary>
    public async Task RestartAsync(string extraArguments = "")
    {
        var held = portWhileStopped ?? throw new InvalidOperationException("The sink is running: stop it first.");
        portWhileStopped = null;
        process.Dispose();
        await RunAsync(extraArguments, held);
    }

    /// <summary>The messages received so far, with the recipients smtp-sink recorded for each.</summary>
    public IReadOnlyList<ReceivedMessage> Messages()
    {
        var result = new List<ReceivedMessage>();
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory))
        {
            try
            {
                var message = MimeMessage.Load(file);
                var recipients = message.Headers.Where(h => h.Field == "X-Rcpt-Args").Select(h => h.Value.Trim().Trim('<', '>')).ToList();
                result.Add(new ReceivedMessage(message, recipients));
            }
            catch (FormatException)
            {
                // A message still being written by the sink; the next call sees it whole.
            }
        }

        return result;
    }

    public async Task<IReadOnlyList<ReceivedMessage>> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var messages = Messages();
            if (messages.Count >= count || DateTime.UtcNow > deadline)
            {
                return messages;
            }

            await Task.Delay(50);
        }
    }

    private async Task RunAsync(string extraArguments, PortReservation reservation)
    {
        var user = Environment.UserName == "root" ? "-u nobody " : "";
        // With -d, smtp-sink closes a message's file before it answers 250 to the final dot: once a client has recorded a
        // message as accepted, its file is complete here.
        var dump = keepMessages ? $" -d {Directory}/%M%S." : "";
        var started = Process.Start(new ProcessStartInfo(Binary, $"{user}{extraArguments}{dump} 127.0.0.1:{Port} 256")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        process = started;
        using (reservation)
        {
            await reservation.ReleaseWhenListeningAsync(TimeSpan.FromSeconds(10),
                () => started.HasExited ? $"smtp-sink exited with {started.ExitCode}: {started.StandardError.ReadToEnd()}" : null);
        }
    }

    private async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
        portWhileStopped?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed record ReceivedMessage(MimeMessage Message, IReadOnlyList<string> Recipients);
