using System.Collections.Concurrent;
using System.Diagnostics;

namespace DigestBot.Tests.Support;

/// <summary>
/// The real DigestBot executable (<c>dotnet DigestBot.dll VERB</c>) run with a <see cref="TestApp"/> root as working
/// directory, so it reads that root's appsettings.json. Killed by PID: SIGKILL for a crash, SIGTERM for a graceful stop.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private WorkerProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public string Output => string.Join('\n', output);

    public static string Executable => Path.Combine(AppContext.BaseDirectory, "DigestBot.dll");

    public static WorkerProcess Start(string workingDirectory, params string[] arguments) => Start(workingDirectory, new Dictionary<string, string>(), arguments);

    /// <param name="environment">Variables set for the process, e.g. configuration keys such as <c>Web__Urls</c>.</param>
    public static WorkerProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Executable);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        return new WorkerProcess(Process.Start(start)!);
    }

    /// <summary>kill -9: no cleanup, no shutdown hooks, exactly like a crash.</summary>
    public async Task CrashAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM, as a service manager stops a service; waits for the process to exit.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", $"-TERM {process.Id}")!)
        {
            await kill.WaitForExitAsync();
        }

        return await WaitForExitAsync(timeout);
    }

    /// <summary>Sends the signals (e.g. "TERM", "INT") one right after the other, as an impatient supervisor does.</summary>
    public async Task SignalAsync(params string[] signals)
    {
        foreach (var signal in signals)
        {
            using var kill = Process.Start("kill", $"-{signal} {process.Id}")!;
            await kill.WaitForExitAsync();
        }
    }

    /// <summary>Waits until the output has a line containing <paramref name="text"/>; fails with the output if the process exits first or time runs out.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!output.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No \"{text}\" in DigestBot's output (exited: {process.HasExited}). Output:\n{Output}");
            }

            await Task.Delay(50);
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"DigestBot did not exit within {timeout}. Output:\n{Output}");
        }

        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await CrashAsync();
        process.Dispose();
    }
}
