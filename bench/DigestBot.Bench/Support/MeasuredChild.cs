using System.Diagnostics;
using System.Globalization;

namespace DigestBot.Bench.Support;

/// <summary>
/// A child process of the real program, started in a content root of its own. <see cref="RunAsync"/> runs one to its
/// exit under the <c>rusage</c> mode, so its CPU and peak RSS are the kernel's figures at exit, not samples.
/// </summary>
public static class MeasuredChild
{
    public static async Task<(ProcessFigures Figures, int ExitCode, OutputTail Output)> RunAsync(
        string root, string[] command, IReadOnlyDictionary<string, string> environment, Action<int>? started = null, string? watchFor = null,
        CancellationToken cancellationToken = default)
    {
        var file = Path.Combine(root, "rusage-" + Guid.NewGuid().ToString("N") + ".txt");
        var bench = Path.Combine(AppContext.BaseDirectory, "DigestBot.Bench.dll");
        using var wrapper = Start(root, ["dotnet", bench, "rusage", "--out", file, "--", .. command], environment);
        var log = Capture(wrapper, watchFor);
        started?.Invoke(wrapper.Id);
        await wrapper.WaitForExitAsync(cancellationToken);
        if (!File.Exists(file))
        {
            return (new ProcessFigures(0, 0, null, null), wrapper.ExitCode == 0 ? -1 : wrapper.ExitCode, log);
        }

        var parts = (await File.ReadAllTextAsync(file, cancellationToken)).Split(' ');
        File.Delete(file);
        var figures = new ProcessFigures(double.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture), null, null);
        return (figures, int.Parse(parts[2], CultureInfo.InvariantCulture), log);
    }

    /// <summary>The one child of a running process (the program under the <c>rusage</c> wrapper), if it has started.</summary>
    public static int? ChildOf(int pid)
    {
        var path = $"/proc/{pid}/task/{pid}/children";
        var text = File.Exists(path) ? File.ReadAllText(path).Trim() : "";
        return text.Length == 0 ? null : int.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
    }

    public static Process Start(string root, string[] command, IReadOnlyDictionary<string, string> environment)
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
    public static OutputTail Capture(Process process, string? watchFor = null)
    {
        var tail = new OutputTail(watchFor);
        process.OutputDataReceived += (_, e) => tail.Add(e.Data);
        process.ErrorDataReceived += (_, e) => tail.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return tail;
    }
}
