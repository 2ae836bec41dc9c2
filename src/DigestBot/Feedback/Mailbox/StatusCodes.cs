using System.Text.RegularExpressions;

namespace DigestBot.Feedback.Mailbox;

/// <summary>RFC 3463 enhanced status codes and SMTP reply codes, as they appear in reports and in remote servers' words.</summary>
internal static partial class StatusCodes
{
    private const int DiagnosticLength = 300;

    /// <summary>The first enhanced code (5.1.1) in <paramref name="text"/>; an IP address's tail (10.5.1.1) is not one.</summary>
    public static string? Enhanced(string? text) =>
        text is not null && EnhancedCode().Match(text) is { Success: true } match ? match.Value : null;

    /// <summary>Hard for 5.x.x or a 5xx reply, soft for 4.x.x or 4xx; null when neither says.</summary>
    public static FeedbackKind? KindOf(string? status, string? diagnostic)
    {
        var code = status?.Trim() is { Length: > 0 } s ? s : Enhanced(diagnostic);
        var first = code?[0] ?? (diagnostic is not null && ReplyCode().Match(diagnostic) is { Success: true } reply ? reply.Value[0] : '\0');
        return first switch
        {
            '5' => FeedbackKind.HardBounce,
            '4' => FeedbackKind.SoftBounce,
            _ => null,
        };
    }

    /// <summary>The remote server's words on one line, short enough for a log line and a suppression reason.</summary>
    public static string? Shorten(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var line = Whitespace().Replace(text, " ").Trim();
        return line.Length <= DiagnosticLength ? line : line[..(DiagnosticLength - 1)] + "…";
    }

    [GeneratedRegex(@"(?<![\w.])[245]\.\d{1,3}\.\d{1,3}(?!\w|\.\d)")]
    private static partial Regex EnhancedCode();

    [GeneratedRegex(@"(?<![\w.])[45]\d\d(?=[ -])")]
    private static partial Regex ReplyCode();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
