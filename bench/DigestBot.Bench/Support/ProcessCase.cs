namespace DigestBot.Bench.Support;

/// <summary>
/// One thing the <c>process</c> mode measures: a command run in a fresh content root until it exits, or (with
/// <see cref="SampleAfter"/>) a long-running one sampled that long after its start and then stopped.
/// </summary>
public sealed record ProcessCase(string Name, string[] Command, TimeSpan? SampleAfter, double? RssTargetMb);

/// <summary>One measured run: CPU seconds, peak RSS, and for a sampled process its RSS at the sample.</summary>
public sealed record ProcessFigures(double CpuSeconds, long PeakBytes, long? SampledRssBytes, string? Breakdown);
