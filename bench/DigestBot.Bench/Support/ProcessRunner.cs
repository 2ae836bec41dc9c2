using System.Diagnostics;

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

        var (figures, exit, log) = await MeasuredChild.RunAsync(root, run.Command, environment, cancellationToken: cancellationToken);
        return exit == 0 ? figures : throw new InvalidOperationException($"{run.Name} exited with {exit}:{Environment.NewLine}{log}");
    }

    private async Task<ProcessFigures> SampleAsync(ProcessCase run, string root, TimeSpan after, CancellationToken cancellationToken)
    {
        using var process = Start(root, run.Command);
        var log = MeasuredChild.Capture(process, run.ReadyText);
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
                breakdown ? MemoryBreakdown.DescribeProcess(process.Id) : null,
                run.ReadyText is null || log.Seen);
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

    private Process Start(string root, string[] command) => MeasuredChild.Start(root, command, environment);

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
