namespace DigestBot.Store;

/// <summary>
/// How to cut an edition delivered at readers' local time into batches: readers are grouped by their stored time zone
/// (null: none) and, when <paramref name="ByHour"/>, their delivery hour (null: none); <paramref name="DueFor"/> gives
/// the instant each group is due.
/// </summary>
public sealed record LocalBatchPlan(bool ByHour, Func<string?, int?, DateTimeOffset> DueFor);
