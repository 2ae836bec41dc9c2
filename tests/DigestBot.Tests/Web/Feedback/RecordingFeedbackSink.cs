using System.Collections.Concurrent;
using DigestBot.Feedback;

namespace DigestBot.Tests.Web.Feedback;

/// <summary>
/// Stands in for the real sink: keeps every report it is handed, applies an event id once (a repeat is AlreadyApplied)
/// and matches only the recipients it knows.
/// </summary>
internal sealed class RecordingFeedbackSink(params string[] subscribers) : IFeedbackSink
{
    private readonly ConcurrentDictionary<string, FeedbackReport> applied = new(StringComparer.Ordinal);

    public ConcurrentQueue<FeedbackReport> Received { get; } = new();

    public IReadOnlyCollection<FeedbackReport> Applied => applied.Values.ToList();

    public Task<FeedbackOutcome> ApplyAsync(FeedbackReport report, CancellationToken cancellationToken = default)
    {
        Received.Enqueue(report);
        if (!subscribers.Contains(report.Recipient, StringComparer.OrdinalIgnoreCase))
        {
            return Task.FromResult(FeedbackOutcome.Unmatched);
        }

        return Task.FromResult(applied.TryAdd(report.EventId ?? Guid.NewGuid().ToString(), report) ? FeedbackOutcome.Applied : FeedbackOutcome.AlreadyApplied);
    }

    public IReadOnlyList<FeedbackReport> For(string eventId) => Received.Where(r => r.EventId == eventId).ToList();
}
