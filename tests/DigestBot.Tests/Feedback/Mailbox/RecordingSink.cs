using System.Collections.Concurrent;
using DigestBot.Feedback;

namespace DigestBot.Tests.Feedback.Mailbox;

/// <summary>Keeps every report it is given; reports about <see cref="UnknownRecipients"/> match no subscriber.</summary>
public sealed class RecordingSink : IFeedbackSink
{
    public ConcurrentQueue<FeedbackReport> Reports { get; } = new();

    public HashSet<string> UnknownRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Task<FeedbackOutcome> ApplyAsync(FeedbackReport report, CancellationToken cancellationToken = default)
    {
        Reports.Enqueue(report);
        return Task.FromResult(report.Recipient is { } r && UnknownRecipients.Contains(r) ? FeedbackOutcome.Unmatched : FeedbackOutcome.Applied);
    }
}
