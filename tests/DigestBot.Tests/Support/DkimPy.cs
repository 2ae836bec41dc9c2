using System.Diagnostics;

namespace DigestBot.Tests.Support;

/// <summary>
/// An independent DKIM verifier: dkimpy (Debian's python3-dkim, with python3-nacl for ed25519) run on a message file,
/// with the public keys given from a file instead of DNS (Support/dkim_verify.py). .ci/run installs both packages.
/// </summary>
public static class DkimPy
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<bool> Installed = new(() => Run("-c \"import dkim, nacl\"", out _) == 0);

    public static bool IsInstalled => File.Exists(Python) && Installed.Value;

    public const string InstallHint = "dkimpy is not installed: apt-get install python3-dkim python3-nacl (.ci/run installs them).";

    /// <summary>Verifies every signature of the message; the output has one "pass"/"fail" line per signature.</summary>
    public static (bool Verified, string Output) Verify(byte[] message, IReadOnlyDictionary<string, string> records)
    {
        var folder = Path.Combine(Path.GetTempPath(), "digestbot-dkim-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var recordsFile = Path.Combine(folder, "records.txt");
            File.WriteAllLines(recordsFile, records.Select(r => $"{r.Key} {r.Value}"));
            var messageFile = Path.Combine(folder, "message.eml");
            File.WriteAllBytes(messageFile, message);
            var script = Path.Combine(AppContext.BaseDirectory, "Support", "dkim_verify.py");
            var code = Run($"\"{script}\" \"{recordsFile}\" \"{messageFile}\"", out var output);
            return (code == 0, output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int Run(string arguments, out string output)
    {
        using var process = Process.Start(new ProcessStartInfo(Python, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        output = stdout.Result + stderr.Result;
        return process.ExitCode;
    }
}
