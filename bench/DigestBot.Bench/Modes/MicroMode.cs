using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace DigestBot.Bench.Modes;

/// <summary>
/// micro [BenchmarkDotNet switches]: runs the BenchmarkDotNet classes, e.g. <c>micro --filter *Render*</c>. By default a
/// short in-process job: generating and building a separate benchmark project takes minutes on a loaded shared machine
/// (it hit BenchmarkDotNet's 2-minute build timeout here). Give <c>--job</c> for BenchmarkDotNet's own jobs.
/// </summary>
public static class MicroMode
{
    public static Task<int> RunAsync(BenchArgs args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var switches = args.Raw.Contains("--filter") ? args.Raw : [.. args.Raw, "--filter", "*"];
        var config = args.Raw.Contains("--job")
            ? DefaultConfig.Instance
            : DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroMode).Assembly).Run(switches, config);
        return Task.FromResult(summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0);
    }
}
