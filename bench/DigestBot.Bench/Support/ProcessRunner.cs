using System.Diagnostics;
using System.Globalization;

namespace DigestBot.Bench.Support;

/// <summary>
/// Runs a <see cref="ProcessCase"/> once in a fresh content root (appsettings.json, templates and samples copied from
/// beside the application, so runs share no data) and measures it: an exiting command through the <c>rusage</c> mode
/// (the kernel's accounting at exit), a sampled one from /proc at the sample time, then stopped with SIGTERM.
/// </summary>
public sealed class ProcessRunner(string applicationDirectory, IReadOnlyDictionary<string, string> environment, bool warm, bool breakdown)
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    public async Task<ProcessFigures> RunAsync(ProcessCase run, CancellationToken cancellationToken = default)
    {
        var root = NewContentRoot();
        try
        {
            if (warm)
            {
                // What a second start finds: whatever the first one left in the content root (a template cache, the store).
                await MeasureAsync(run, root, cancellationToken);
            }

            return await MeasureAsync(run, root, cancellationToken);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private async Task<ProcessFigures> MeasureAsync(ProcessCase run, string root, CancellationToken cancellationToken)
    {
        if (run.SampleAfter is { } after)
        {
            return await SampleAsync(run, root, after, cancellationToken);
        }

        var figures = Path.Combine(root, "rusage.txt");
        var bench = Path.Combine(AppContext.BaseDirectory, "DigestBot.Bench.dll");
        using var wrapper = Start(root, ["dotnet", bench, "rusage", "--out", figures, "--", .. run.Command]);
        var log = Capture(wrapper);
        await wrapper.WaitForExitAsync(cancellationToken);
        if (!File.Exists(figures) || wrapper.ExitCode != 0)
        {
            throw new InvalidOperationException($"{run.Name} exited with {wrapper.ExitCode}:{Environment.NewLine}{log}");
        }

        var parts = (await File.ReadAllTextAsync(figures, cancellationToken)).Split(' ');
        return new ProcessFigures(double.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture), null, null);
    }

    private async Task<ProcessFigures> SampleAsync(ProcessCase run, string root, TimeSpan after, CancellationToken cancellationToken)
    {
        using var process = Start(root, run.Command);
        var log = Capture(process);
        ProcessFigures figures;
        try
        {
            await Task.Delay(after, cancellationToken);
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{run.Name} exited with {process.ExitCode} before the sample:{Environment.NewLine}{log}");
            }

            figures = new ProcessFigures(
                Rusage.CpuSeconds(process.Id), ProcStatus.Read(process.Id, "VmHWM:"), ProcStatus.Read(process.Id, "VmRSS:"),
                breakdown ? MemoryBreakdown.DescribeProcess(process.Id) : null);
        }
        finally
        {
            await StopAsync(process);
        }

        return figures;
    }

    private static async Task StopAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        Rusage.Terminate(process.Id);
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    private Process Start(string root, string[] command)
    {
        var start = new ProcessStartInfo(command[0]) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command[1..])
        {
            start.ArgumentList.Add(argument);
        }

        // Never the port of a worker someone else runs on this machine.
        start.Environment["Web__Urls"] = "http://127.0.0.1:0";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>Keeps the last lines of the output (for the error when a run fails) and never lets the pipe fill.</summary>
    private static OutputTail Capture(Process process)
    {
        var tail = new OutputTail();
        process.OutputDataReceived += (_, e) => tail.Add(e.Data);
        process.ErrorDataReceived += (_, e) => tail.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return tail;
    }

    private string NewContentRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "digestbot-process-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        File.Copy(Path.Combine(applicationDirectory, "appsettings.json"), Path.Combine(root, "appsettings.json"));
        foreach (var folder in new[] { "templates", "samples" })
        {
            CopyFolder(Path.Combine(applicationDirectory, folder), Path.Combine(root, folder));
        }

        return root;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
