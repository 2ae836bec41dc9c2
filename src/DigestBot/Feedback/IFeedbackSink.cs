namespace DigestBot.Feedback;

/// <summary>
/// Where bounces and complaints go, whichever way they arrive: matches each report to a subscriber and applies the
/// bounce and complaint policy.
/// </summary>
public interface IFeedbackSink
{
    Task<FeedbackOutcome> ApplyAsync(FeedbackReport report, CancellationToken cancellationToken = default);
}
