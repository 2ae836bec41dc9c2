using System.Diagnostics;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace DigestBot.Tests.Support;

/// <summary>
/// A real IMAP server: Debian's Dovecot 2.3 (package dovecot-imapd, .ci/run installs it) on a free 127.0.0.1 port, with
/// its configuration, state, log and one Maildir user under a temporary folder. Run as root (CI), its login processes
/// use the package's unprivileged users and mail is stored as nobody; run as anyone else, everything runs as that user.
/// </summary>
public sealed class DovecotServer : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/dovecot";
    public const string MissingMessage = "Dovecot is not installed; .ci/run installs the dovecot-imapd package.";
    public const string User = "bounces";

    private Process process = null!;
    private PortReservation? portWhileStopped;

    private DovecotServer(int port, string directory)
    {
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    public string Directory { get; }

    public string Password { get; } = "pw-" + Guid.NewGuid().ToString("N");

    public string LogPath => Path.Combine(Directory, "dovecot.log");

    public static bool IsInstalled => File.Exists(Binary) && File.Exists("/usr/lib/dovecot/imap");

    /// <param name="idle">False: the server does not announce IDLE, so clients must poll.</param>
    public static async Task<DovecotServer> StartAsync(bool idle = true)
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException(MissingMessage);
        }

        var dir = Path.Combine(Path.GetTempPath(), "digestbot-dovecot-" + Guid.NewGuid().ToString("N"));
        var reservation = PortReservation.Take();
        var server = new DovecotServer(reservation.Port, dir);
        DovecotConfig.Write(dir, reservation.Port, User, server.Password, idle);
        await server.RunAsync(reservation);
        return server;
    }

    /// <summary>
    /// An outage: the server and its sessions end and clients are refused. The port is taken back as soon as the server
    /// has let go of it (Dovecot's listener has no SO_REUSEPORT to share it before), and kept for <see cref="RestartAsync"/>.
    /// </summary>
    public async Task StopAsync()
    {
        await TerminateAsync();
        portWhileStopped ??= PortReservation.Reclaim(Port);
    }

    public async Task RestartAsync()
    {
        var held = portWhileStopped ?? throw new InvalidOperationException("Dovecot is running: stop it first.");
        portWhileStopped = null;
        process.Dispose();
        await RunAsync(held);
    }

    /// <summary>A logged-in client of the test user, for feeding and inspecting the mailbox.</summary>
    public async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient { Timeout = 10_000 };
        await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(User, Password);
        return client;
    }

    public async Task AppendAsync(MimeMessage message, string folder = "INBOX")
    {
        using var client = await ConnectAsync();
        await (await client.GetFolderAsync(folder)).AppendAsync(message);
        await client.DisconnectAsync(quit: true);
    }

    /// <summary>Delivers bytes as they are, as a delivery agent writes them to the Maildir (IMAP APPEND refuses some).</summary>
    public async Task DeliverAsync(byte[] bytes)
    {
        // Opening the inbox makes Dovecot create the Maildir, owned by the mail user.
        using (var client = await ConnectAsync())
        {
            await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
            await client.DisconnectAsync(quit: true);
        }

        var name = $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{Guid.NewGuid():N}.test";
        var temporary = Path.Combine(Directory, "home", "Maildir", "tmp", name);
        await File.WriteAllBytesAsync(temporary, bytes);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, (UnixFileMode)0b110_110_110);
        }

        File.Move(temporary, Path.Combine(Directory, "home", "Maildir", "new", name));
    }

    /// <summary>Every message of <paramref name="folder"/> (none when it does not exist), with its flags.</summary>
    public async Task<IReadOnlyList<(MimeMessage? Message, MessageFlags Flags)>> MessagesAsync(string folder)
    {
        using var client = await ConnectAsync();
        IMailFolder mailbox;
        try
        {
            mailbox = await client.GetFolderAsync(folder);
        }
        catch (FolderNotFoundException)
        {
            return [];
        }

        await mailbox.OpenAsync(FolderAccess.ReadOnly);
        var result = new List<(MimeMessage?, MessageFlags)>();
        foreach (var summary in await mailbox.FetchAsync(0, -1, MessageSummaryItems.UniqueId | MessageSummaryItems.Flags))
        {
            MimeMessage? message;
            try
            {
                message = await mailbox.GetMessageAsync(summary.UniqueId);
            }
            catch (FormatException)
            {
                message = null;
            }

            result.Add((message, summary.Flags ?? MessageFlags.None));
        }

        await client.DisconnectAsync(quit: true);
        return result;
    }

    public string Log() => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "(no log)";

    private async Task RunAsync(PortReservation reservation)
    {
        var started = Process.Start(new ProcessStartInfo(Binary, ["-F", "-c", Path.Combine(Directory, "dovecot.conf")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        process = started;
        using (reservation)
        {
            await reservation.ReleaseWhenListeningAsync(TimeSpan.FromSeconds(20),
                () => started.HasExited ? $"dovecot exited with {started.ExitCode}: {started.StandardError.ReadToEnd()}\n{Log()}" : null);
        }
    }

    /// <summary>SIGTERM, so that the master process ends its login and mail processes (and their sockets) with it.</summary>
    private async Task TerminateAsync()
    {
        if (process.HasExited)
        {
            return;
        }

        await ChildProcess.RunAsync("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], Directory, null, TimeSpan.FromSeconds(10));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await TerminateAsync();
        process.Dispose();
        portWhileStopped?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
