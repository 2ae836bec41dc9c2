using DigestBot.Bench.Modes;

namespace DigestBot.Bench;

/// <summary>Dispatches <c>DigestBot.Bench MODE [--option value]...</c> to one mode; each mode prints its figures.</summary>
public static class BenchProgram
{
    private static readonly Dictionary<string, (string Help, Func<BenchArgs, TextWriter, CancellationToken, Task<int>> Run)> Modes =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["fanout"] = ("render + send N personalised emails to smtp-sink, then smtp-source with as many sessions; rates and ratio", FanOutMode.RunAsync),
            ["memory"] = ("peak RSS (VmHWM) while fanning out to N subscribers streamed from the store", MemoryMode.RunAsync),
            ["render"] = ("personalised renders/s on one thread, inlining cost, whole-message build", RenderMode.RunAsync),
            ["ingest"] = ("corpus parse files/s and MB/s; N sources fetched from a local Kestrel server (CPU seconds)", IngestMode.RunAsync),
            ["crash"] = ("SIGKILL a worker mid fan-out to N subscribers, resume the slot in a new process; delivered, missing, duplicated", CrashMode.RunAsync),
            ["discord"] = ("Discord messages per digest against the minimum the limits allow", DiscordMode.RunAsync),
            ["process"] = ("the real program as separate processes (validate, ingest, the worker sampled after 20 s, an empty .NET program): median CPU s and peak RSS", ProcessMode.RunAsync),
            ["startup"] = ("the worker's start-up in this process: RSS by kind after the host and store, then after compiling the templates", StartupMode.RunAsync),
            ["rusage"] = ("run one command as the only child and write its CPU seconds, peak RSS and exit code (--out FILE -- COMMAND...)", RusageMode.RunAsync),
            ["micro"] = ("BenchmarkDotNet micro-benchmarks (render, inline, message build) with the memory diagnoser", MicroMode.RunAsync),
        };

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (args.Length == 0 || !Modes.TryGetValue(args[0], out var mode))
        {
            await output.WriteLineAsync("usage: DigestBot.Bench MODE [--option value]...");
            foreach (var (name, (help, _)) in Modes)
            {
                await output.WriteLineAsync($"  {name,-8} {help}");
            }

            return args.Length == 0 ? 0 : 2;
        }

        return await mode.Run(BenchArgs.Parse(args[1..]), output, cancellationToken);
    }
}
