namespace DigestBot.Bench.Support;

/// <summary>
/// One thing the <c>process</c> mode measures: a command run in a fresh content root until it exits, or (with
/// <see cref="SampleAfter"/>) a long-running one sampled that long after its start and then stopped.
/// </summary>
/// <remarks><see cref="RssTargetMb"/>: RSS at the sample for a sampled process, else peak RSS; <see cref="CpuTargetSeconds"/>: user + system CPU.
/// <see cref="ReadyText"/>: what a sampled process writes once it has started (to tell whether it had by the sample).</remarks>
public sealed record ProcessCase(string Name, string[] Command, TimeSpan? SampleAfter, double? RssTargetMb, string? ReadyText = null, double? CpuTargetSeconds = null);
