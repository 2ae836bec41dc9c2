using System.Diagnostics;
using System.Globalization;
using DigestBot.Bench.Support;

namespace DigestBot.Bench.Modes;

/// <summary>
/// rusage --out FILE -- COMMAND [ARG]...: runs one command as this process's only child, waits for it, and writes
/// "cpu-seconds peak-bytes exit-code" to FILE from the kernel's accounting of the child (getrusage), so nothing of a
/// short run is lost to sampling. The <c>process</c> mode measures each run of a verb through it.
/// </summary>
public static class RusageMode
{
    public static async Task<int> RunAsync(BenchArgs args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var separator = Array.IndexOf(args.Raw, "--");
        var outFile = args.String("out");
        if (separator < 0 || separator == args.Raw.Length - 1 || outFile is null)
        {
            await output.WriteLineAsync("usage: rusage --out FILE -- COMMAND [ARG]...");
            return 2;
        }

        var command = args.Raw[(separator + 1)..];
        var start = new ProcessStartInfo(command[0]);
        foreach (var argument in command[1..])
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        await child.WaitForExitAsync(cancellationToken);
        var (cpu, peak) = Rusage.Children();
        await File.WriteAllTextAsync(outFile, string.Create(CultureInfo.InvariantCulture, $"{cpu:R} {peak} {child.ExitCode}"), cancellationToken);
        return child.ExitCode;
    }
}
