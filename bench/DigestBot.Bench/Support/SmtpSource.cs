using System.Diagnostics;

namespace DigestBot.Bench.Support;

/// <summary>Postfix's smtp-source, the reference SMTP load generator: N messages of a given size over S sessions.</summary>
public static class SmtpSource
{
    public const string Binary = "/usr/sbin/smtp-source";

    /// <summary>Sends <paramref name="messages"/> messages of <paramref name="bytes"/> bytes and returns the wall time it took.</summary>
    public static async Task<TimeSpan> RunAsync(int port, int sessions, int messages, int bytes, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo(Binary, $"-d -s {sessions} -m {messages} -l {bytes} -f a@x -t b@x 127.0.0.1:{port}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        watch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"smtp-source exited with {process.ExitCode}: {await stderr}{await stdout}");
        }

        return watch.Elapsed;
    }
}
