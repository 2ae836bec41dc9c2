using System.Text.RegularExpressions;
using MimeKit;

namespace DigestBot.Feedback.Mailbox;

/// <summary>
/// The headers of the message that bounced or was reported, as a report returns them: a message/rfc822 part, a
/// text/rfc822-headers part, or (in plain-text bounces) the copy quoted after a marker line.
/// </summary>
internal sealed partial record ReturnedMessage(string? MessageId, string? To, string? ReturnPath, string? OriginalRecipient)
{
    private static readonly ReturnedMessage None = new(null, null, null, null);

    /// <summary>The first returned message or headers part of <paramref name="message"/>; an empty one when there is none.</summary>
    public static ReturnedMessage In(MimeMessage message)
    {
        foreach (var entity in message.BodyParts)
        {
            if (entity is MessagePart { Message: { } returned } && !ReferenceEquals(returned, message))
            {
                return From(returned.Headers);
            }

            if (entity is MimePart part && part.ContentType.IsMimeType("text", "rfc822-headers") && part.Content is not null)
            {
                using var stream = part.Content.Open();
                return From(HeaderList.Load(stream));
            }
        }

        return None;
    }

    /// <summary>The quoted copy's Message-ID line in a plain-text bounce, read from the marker line on.</summary>
    public static ReturnedMessage InText(string text, int copyStart)
    {
        if (copyStart < 0)
        {
            return None;
        }

        var match = MessageIdLine().Match(text, copyStart);
        return match.Success ? new ReturnedMessage(Addresses.MessageId(match.Groups[1].Value), null, null, null) : None;
    }

    private static ReturnedMessage From(HeaderList headers) => new(
        Addresses.MessageId(headers[HeaderId.MessageId]),
        Addresses.FirstOf(headers, "To"),
        Addresses.FirstOf(headers, "Return-Path"),
        // Outlook.com's complaint reports keep the reported reader here.
        Addresses.FirstOf(headers, "X-HmXmrOriginalRecipient"));

    [GeneratedRegex(@"^[ \t]*Message-ID:[ \t]*(<[^>\r\n]+>|\S+)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex MessageIdLine();
}
