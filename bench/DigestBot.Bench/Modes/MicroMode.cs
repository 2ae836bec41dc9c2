using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace DigestBot.Bench.Modes;

/// <summary>
/// micro [BenchmarkDotNet switches]: runs the BenchmarkDotNet classes (a short job unless --job is given, to be kind to
/// a shared machine), e.g. <c>micro --filter *Render*</c>.
/// </summary>
public static class MicroMode
{
    public static Task<int> RunAsync(BenchArgs args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var switches = args.Raw.Contains("--filter") ? args.Raw : [.. args.Raw, "--filter", "*"];
        var config = args.Raw.Contains("--job") ? DefaultConfig.Instance : DefaultConfig.Instance.AddJob(Job.ShortRun);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroMode).Assembly).Run(switches, config);
        return Task.FromResult(summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0);
    }
}
