using MimeKit;

namespace DigestBot.Feedback.Mailbox;

/// <summary>
/// Out-of-office and other automatic replies to a digest. Bounce reports carry "Auto-Submitted: auto-replied" too, so
/// this is asked only of messages that are no report.
/// </summary>
internal static class AutoReply
{
    public static bool Is(MimeMessage message)
    {
        var headers = message.Headers;
        var autoSubmitted = headers["Auto-Submitted"]?.Trim();
        return autoSubmitted?.StartsWith("auto-replied", StringComparison.OrdinalIgnoreCase) == true
            || headers.Contains("X-Autoreply")
            || headers.Contains("X-Autorespond")
            || string.Equals(headers["Precedence"]?.Trim(), "auto_reply", StringComparison.OrdinalIgnoreCase);
    }
}
