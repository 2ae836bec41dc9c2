using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Feedback;

/// <summary>
/// The bounce and complaint policy: a hard bounce suppresses the reader as Bounced at once; soft bounces are counted
/// and suppress as Bounced once <c>Email:Bounces:SoftBounceLimit</c> of them fall within
/// <c>Email:Bounces:SoftBounceWindowDays</c>; a complaint suppresses the reader as Complained at once. Mailbox providers
/// block senders who keep mailing dead addresses or readers who complained (Gmail and Yahoo want complaints under 0.3%).
/// </summary>
public sealed partial class FeedbackPolicy(
    ReturnPaths returnPaths, EmailLedger ledger, SubscriberStore subscribers, FeedbackEvents events,
    IOptionsMonitor<BounceOptions> options, TimeProvider clock, ILogger<FeedbackPolicy> logger) : IFeedbackSink
{
    private readonly FeedbackMatcher matcher = new(returnPaths, ledger, subscribers);

    public async Task<FeedbackOutcome> ApplyAsync(FeedbackReport report, CancellationToken cancellationToken = default)
    {
        var (match, forged) = await matcher.MatchAsync(report, cancellationToken);
        if (forged)
        {
            LogUntrustedReturnPath(logger, report.Source, report.ReturnPath!);
        }

        if (match is null)
        {
            LogUnmatched(logger, report.Kind, report.Source, report.Recipient, report.OriginalMessageId, report.Diagnostic);
            return FeedbackOutcome.Unmatched;
        }

        var settings = options.CurrentValue;
        var occurred = report.OccurredAt ?? clock.GetUtcNow();
        var kind = KindText(report.Kind);
        var feedback = new FeedbackEvent(Key(report, match, kind), match.Email, match.EditionId, kind, report.Source, report.Status,
            Shorten(report.Diagnostic), occurred);
        FeedbackSuppression? applied = null;
        var recorded = await events.RecordAsync(feedback, occurred.AddDays(-settings.SoftBounceWindowDays), count =>
            applied = Decide(report, count, settings), cancellationToken);
        if (!recorded)
        {
            LogAlreadyApplied(logger, report.Kind, match.Email, report.Source);
            return FeedbackOutcome.AlreadyApplied;
        }

        LogApplied(logger, report.Kind, match.Email, match.EditionId, report.Source, match.By, report.Status);
        if (applied is not null)
        {
            LogSuppressed(logger, match.Email, applied.Status, applied.Reason);
        }

        return FeedbackOutcome.Applied;
    }

    private static FeedbackSuppression? Decide(FeedbackReport report, long count, BounceOptions settings) => report.Kind switch
    {
        FeedbackKind.HardBounce => new(SubscriberStatus.Bounced, $"bounced: {report.Status ?? "permanent failure"} ({report.Source})"),
        FeedbackKind.Complaint => new(SubscriberStatus.Complained, $"complained: marked a digest as spam ({report.Source})"),
        _ when count >= settings.SoftBounceLimit => new(SubscriberStatus.Bounced,
            $"bounced: {count} soft bounces within {settings.SoftBounceWindowDays} days, the last {report.Status ?? "a temporary failure"} ({report.Source})"),
        _ => null,
    };

    /// <summary>
    /// What makes two reports the same event: the message, reader and kind when the message is known (a bounce mailbox
    /// and a webhook reporting one bounce count it once); else the provider's event id; else the time it happened.
    /// </summary>
    private static string Key(FeedbackReport report, FeedbackMatch match, string kind) =>
        match.MessageId is { } id ? $"{kind}:{id}:{match.Email}"
        : !string.IsNullOrWhiteSpace(report.EventId) ? $"{report.Source}:{report.EventId}"
        : report.OccurredAt is { } at ? $"{kind}:{match.Email}:{at.ToUnixTimeMilliseconds()}:{match.EditionId}"
        : $"{kind}:{match.Email}:{Guid.NewGuid():N}";

    private static string KindText(FeedbackKind kind) => kind switch
    {
        FeedbackKind.HardBounce => FeedbackEvents.Hard,
        FeedbackKind.SoftBounce => FeedbackEvents.Soft,
        FeedbackKind.Complaint => FeedbackEvents.Complaint,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string? Shorten(string? text) => text is { Length: > 300 } ? text[..300] : text;

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information,
        Message = "{Kind} for {Email} (edition {EditionId}) from {Source}, matched by {MatchedBy}, status {Status}")]
    private static partial void LogApplied(ILogger logger, FeedbackKind kind, string email, string? editionId, string source, string matchedBy, string? status);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "{Email} suppressed as {Status}: {Reason}")]
    private static partial void LogSuppressed(ILogger logger, string email, SubscriberStatus status, string reason);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Information, Message = "{Kind} for {Email} from {Source} was applied before; nothing changed")]
    private static partial void LogAlreadyApplied(ILogger logger, FeedbackKind kind, string email, string source);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Warning,
        Message = "{Kind} from {Source} matches no subscriber (recipient {Recipient}, message {MessageId}): {Diagnostic}")]
    private static partial void LogUnmatched(ILogger logger, FeedbackKind kind, string source, string? recipient, string? messageId, string? diagnostic);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Warning, Message = "Report from {Source} to {ReturnPath}: the return path's token does not verify, so it is not trusted")]
    private static partial void LogUntrustedReturnPath(ILogger logger, string source, string returnPath);
}
