using System.Globalization;
using DigestBot.Bench.Support;

namespace DigestBot.Bench.Modes;

/// <summary>
/// process [--runs N] [--sample S] [--warm] [--only a,b] [--env K=V;K=V] [--image-env] [--app DIR] [--breakdown]: the real DigestBot
/// program (the build beside this one) as separate processes: <c>validate</c>, <c>ingest --source</c> a sample feed and
/// the worker (<c>run</c>) sampled S seconds after its start, against an empty .NET program as the floor. Each run
/// gets a fresh content root; figures are the median of N runs of CPU seconds (user + system) and peak RSS. With
/// --image-env the processes get the runtime settings the Dockerfile gives the image (see <see cref="ImageEnvironment"/>).
/// </summary>
public static class ProcessMode
{
    public static async Task<int> RunAsync(BenchArgs args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var runs = args.Int("runs", 5);
        var sample = TimeSpan.FromSeconds(args.Double("sample", 20));
        var app = Path.GetFullPath(args.String("app") ?? AppContext.BaseDirectory);
        var dll = Path.Combine(app, "DigestBot.dll");
        var environment = ChildEnvironment(args);
        var cases = Cases(dll, sample)
            .Where(c => args.String("only") is not { } only || only.Split(',').Contains(c.Name.Split(' ')[0], StringComparer.OrdinalIgnoreCase))
            .ToList();
        var runner = new ProcessRunner(app, environment, args.Flag("warm"), args.Flag("breakdown"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"process: {runs} runs each, median (min-max); {dll}{(args.Flag("warm") ? "; warm: each measured run follows one unmeasured run in the same content root" : "")}" +
            $"{(environment.Count == 0 ? "" : "; environment " + string.Join(' ', environment.Select(e => $"{e.Key}={e.Value}")))}; load average {LoadAverage()}"));
        await output.WriteLineAsync($"  {"what",-46} {"CPU s",-20} {"peak RSS MB",-22} {"RSS at sample MB",-22} {"target",-28} result");
        foreach (var run in cases)
        {
            var figures = new List<ProcessFigures>();
            for (var i = 0; i < runs; i++)
            {
                figures.Add(await runner.RunAsync(run, cancellationToken));
            }

            await output.WriteLineAsync(Row(run, figures));
            if (figures.Any(f => !f.Ready))
            {
                await output.WriteLineAsync($"    not started yet at the sample (start-up not logged) in {figures.Count(f => !f.Ready)} of {figures.Count} runs: the machine is too busy for this sample time");
            }

            foreach (var breakdown in figures.Select(f => f.Breakdown).OfType<string>().Take(1))
            {
                await output.WriteLineAsync($"    first run at the sample: {breakdown}");
            }
        }

        await output.WriteLineAsync($"  load average after: {LoadAverage()}");
        return 0;
    }

    internal static Dictionary<string, string> ChildEnvironment(BenchArgs args) =>
        args.Flag("image-env")
            ? ImageEnvironment.Merge(ImageEnvironment.FromRepository(), EnvironmentPairs.Parse(args.String("env")))
            : EnvironmentPairs.Parse(args.String("env"));

    private static IEnumerable<ProcessCase> Cases(string dll, TimeSpan sample) =>
    [
        new("floor (empty .NET program)", ["dotnet", Path.Combine(AppContext.BaseDirectory, "DigestBot.Bench.Floor.dll")], null, null),
        new("validate", ["dotnet", dll, "validate"], null, 100, CpuTargetSeconds: 1.0),
        new("ingest --source samples/feeds/space-news.xml", ["dotnet", dll, "ingest", "--source", "samples/feeds/space-news.xml"], null, 100, CpuTargetSeconds: 1.0),
        new(string.Create(CultureInfo.InvariantCulture, $"run (worker, sampled at {sample.TotalSeconds:F0} s)"), ["dotnet", dll, "run"], sample, 100, "Application started"),
    ];

    private static string Row(ProcessCase run, List<ProcessFigures> figures)
    {
        var cpu = Spread(figures.Select(f => f.CpuSeconds), "F2");
        var peak = Spread(figures.Select(f => f.PeakBytes / 1048576.0), "F1");
        var sampled = figures.All(f => f.SampledRssBytes is not null) ? Spread(figures.Select(f => f.SampledRssBytes!.Value / 1048576.0), "F1") : "-";
        var (target, result) = Target(run, figures);
        return string.Create(CultureInfo.InvariantCulture, $"  {run.Name,-46} {cpu,-20} {peak,-22} {sampled,-22} {target,-28} {result}");
    }

    /// <summary>The targets of a case and whether the medians meet them: RSS at the sample for the worker, else peak RSS; CPU.</summary>
    private static (string Target, string Result) Target(ProcessCase run, List<ProcessFigures> figures)
    {
        var parts = new List<string>();
        var met = true;
        if (run.CpuTargetSeconds is { } cpu)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"CPU < {cpu:F1} s"));
            met &= Median(figures.Select(f => f.CpuSeconds)) < cpu;
        }

        if (run.RssTargetMb is { } limit)
        {
            var sampled = run.SampleAfter is not null;
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{(sampled ? "RSS" : "peak")} < {limit:F0} MB"));
            met &= Median(figures.Select(f => (sampled ? f.SampledRssBytes!.Value : f.PeakBytes) / 1048576.0)) < limit;
        }

        return parts.Count == 0 ? ("-", "") : (string.Join(", ", parts), met ? "PASS" : "FAIL");
    }

    private static string Spread(IEnumerable<double> values, string format)
    {
        var list = values.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{Median(list).ToString(format, CultureInfo.InvariantCulture)} ({list[0].ToString(format, CultureInfo.InvariantCulture)}-{list[^1].ToString(format, CultureInfo.InvariantCulture)})");
    }

    private static double Median(IEnumerable<double> values)
    {
        var list = values.Order().ToList();
        return list.Count % 2 == 1 ? list[list.Count / 2] : (list[(list.Count / 2) - 1] + list[list.Count / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
