using System.Text.RegularExpressions;
using MimeKit;

namespace DigestBot.Feedback.Mailbox;

/// <summary>
/// Plain-text bounces of MTAs that do not send RFC 3464 reports, or send them without a usable status part: Exim's
/// "A message that you sent could not be delivered...", qmail's "I wasn't able to deliver your message...", and
/// Exchange's "Delivery has failed to these recipients". Each failed address stands on a line of its own (indented by
/// Exim and Exchange, in angle brackets with a colon by qmail), followed by the remote server's words.
/// </summary>
internal static partial class TextBounceReader
{
    private static readonly string[] FailurePhrases =
    [
        "could not be delivered to one or more of its recipients",
        "the following address(es) failed",
        "I wasn't able to deliver your message to the following addresses",
        "Delivery has failed to these recipients or groups",
        "Delivery to the following recipient(s) failed",
        "Delivery to the following recipients failed",
    ];

    private static readonly string[] DelayPhrases =
    [
        "has not yet been delivered to one or more of its recipients",
        "Delivery to the following recipient has been delayed",
        "Delivery to the following recipients has been delayed",
    ];

    private static readonly string[] CopyMarkers =
    [
        "------ This is a copy of the message",
        "--- Below this line is a copy of the message",
        "Original message headers:",
        "----- Original message -----",
    ];

    /// <summary>Null when the message is not a plain-text bounce at all.</summary>
    public static ParsedMail? Read(MimeMessage message, string source)
    {
        var text = message.TextBody;
        if (text is null)
        {
            return null;
        }

        if (DelayPhrases.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)))
        {
            return ParsedMail.Ignorable("delay warning");
        }

        var intro = FailurePhrases.Select(p => text.IndexOf(p, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (intro < 0)
        {
            return null;
        }

        var copy = CopyMarkers.Select(m => text.IndexOf(m, intro, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        var region = copy < 0 ? text[intro..] : text[intro..copy];
        var envelope = Envelope.RecipientOf(message);
        var messageId = ReturnedMessage.InText(text, copy).MessageId ?? ReturnedMessage.In(message).MessageId;
        var permanentByDefault = !region.Contains("temporary", StringComparison.OrdinalIgnoreCase);
        var reports = new List<FeedbackReport>();
        foreach (var (address, words) in Blocks(region).Concat(FailedRecipientsHeader(message)))
        {
            if (reports.Any(r => string.Equals(r.Recipient, address, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var code = StatusCodes.Enhanced(words);
            var kind = StatusCodes.KindOf(code, words) ?? (permanentByDefault ? FeedbackKind.HardBounce : FeedbackKind.SoftBounce);
            reports.Add(new FeedbackReport(kind, source)
            {
                ReturnPath = envelope,
                Recipient = address,
                OriginalMessageId = messageId,
                Status = code,
                Diagnostic = StatusCodes.Shorten(words),
            });
        }

        return reports.Count > 0
            ? ParsedMail.Of(reports, "plain-text bounce")
            : ParsedMail.Unreadable("plain-text bounce that names no address");
    }

    private static IEnumerable<(string Address, string Words)> Blocks(string region)
    {
        var lines = region.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            if (AddressLine().Match(lines[i]) is not { Success: true } match || Addresses.Clean(match.Groups["a"].Value) is not { } address)
            {
                continue;
            }

            var words = lines.Skip(i + 1).TakeWhile(l => l.Trim().Length > 0 && !AddressLine().IsMatch(l));
            yield return (address, string.Join(' ', words));
        }
    }

    private static IEnumerable<(string Address, string Words)> FailedRecipientsHeader(MimeMessage message) =>
        message.Headers["X-Failed-Recipients"] is { } value
            ? value.Split(',').Select(Addresses.Clean).OfType<string>().Select(a => (a, ""))
            : [];

    [GeneratedRegex(@"^(?:[ \t]{1,8}<?(?<a>[^\s<>""]+@[^\s<>""]+?)>?:?|<(?<a>[^\s<>""]+@[^\s<>""]+)>:)[ \t]*$")]
    private static partial Regex AddressLine();
}
