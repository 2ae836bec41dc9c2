namespace DigestBot.Bench.Support;

/// <summary>One measured run: CPU seconds, peak RSS, and for a sampled process its RSS at the sample.</summary>
public sealed record ProcessFigures(double CpuSeconds, long PeakBytes, long? SampledRssBytes, string? Breakdown, bool Ready = true);
