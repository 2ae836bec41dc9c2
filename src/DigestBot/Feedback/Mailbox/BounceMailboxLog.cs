using Microsoft.Extensions.Logging;

namespace DigestBot.Feedback.Mailbox;

internal static partial class BounceMailboxLog
{
    [LoggerMessage(EventId = 9100, Level = LogLevel.Information, Message = "Reading bounces from {User} at {Host}:{Port}, folder {Folder} ({Mode}); handled messages go to {ProcessedFolder}")]
    public static partial void Watching(ILogger logger, string? user, string host, int port, string folder, string mode, string processedFolder);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "Bounce mailbox {Host}:{Port} unavailable ({Reason}); trying again in {Delay}")]
    public static partial void Unavailable(ILogger logger, string host, int port, string reason, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Error, Message = "Bounce mailbox {Host}:{Port} refused the login of {User}: check Email:BounceMailbox:User and Password; trying again in {Delay}")]
    public static partial void LoginRefused(ILogger logger, string host, int port, string? user, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Information, Message = "Bounce mailbox message {Uid} ({Subject}): {Count} report(s) applied, moved to {ProcessedFolder}")]
    public static partial void Filed(ILogger logger, uint uid, string? subject, int count, string processedFolder);

    [LoggerMessage(EventId = 9104, Level = LogLevel.Information, Message = "Bounce mailbox message {Uid} ({Subject}) is no bounce ({Reason}), moved to {ProcessedFolder}")]
    public static partial void Ignored(ILogger logger, uint uid, string? subject, string reason, string processedFolder);

    [LoggerMessage(EventId = 9105, Level = LogLevel.Warning, Message = "Bounce mailbox message {Uid} ({Subject}) left in the mailbox, flagged: {Reason}")]
    public static partial void Unreadable(ILogger logger, uint uid, string? subject, string reason);

    [LoggerMessage(EventId = 9106, Level = LogLevel.Warning, Message = "Bounce mailbox message {Uid} ({Subject}) left in the mailbox, flagged: {Unmatched} of {Count} report(s) match no subscriber")]
    public static partial void Unmatched(ILogger logger, uint uid, string? subject, int unmatched, int count);

    [LoggerMessage(EventId = 9107, Level = LogLevel.Warning, Message = "Bounce mailbox message {Uid} ({Subject}) left unread in the mailbox: {Size} bytes is more than Email:BounceMailbox:MaxMessageBytes ({Max})")]
    public static partial void TooLarge(ILogger logger, uint uid, string? subject, uint size, int max);

    [LoggerMessage(EventId = 9108, Level = LogLevel.Error, Message = "Email:BounceMailbox is set but this build has no feedback sink to apply bounces to; the bounce mailbox is not read")]
    public static partial void NoSink(ILogger logger);

    [LoggerMessage(EventId = 9109, Level = LogLevel.Debug, Message = "{Kind} for {Recipient} (return path {ReturnPath}, message {MessageId}, status {Status}): {Outcome}")]
    public static partial void Applied(ILogger logger, FeedbackKind kind, string? recipient, string? returnPath, string? messageId, string? status, FeedbackOutcome outcome);
}
