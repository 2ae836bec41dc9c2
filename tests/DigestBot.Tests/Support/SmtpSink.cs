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

    private readonly Process process;

    private SmtpSink(Process process, int port, string directory)
    {
        this.process = process;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    public string Directory { get; }

    public int ProcessId => process.Id;

    public static bool IsInstalled => File.Exists(Binary);

    /// <param name="keepMessages">False runs the sink without -d (nothing written), for load tests that count through the ledger.</param>
    public static async Task<SmtpSink> StartAsync(string extraArguments = "", int? port = null, string? directory = null, bool keepMessages = true)
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException($"{Binary} not found: install the postfix package (see .ci/run).");
        }

        var chosenPort = port ?? FreePort.Next();
        var dir = directory ?? Path.Combine(Path.GetTempPath(), "digestbot-sink-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir, (UnixFileMode)0b111_111_111);
        }
        var user = Environment.UserName == "root" ? "-u nobody " : "";
        var process = Process.Start(new ProcessStartInfo(Binary, $"{user}{extraArguments}{(keepMessages ? $" -d {dir}/%M%S." : "")} 127.0.0.1:{chosenPort} 256")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var sink = new SmtpSink(process, chosenPort, dir);
        await FreePort.WaitUntilListeningAsync(chosenPort, TimeSpan.FromSeconds(10));
        return sink;
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

    public async Task StopAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
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
