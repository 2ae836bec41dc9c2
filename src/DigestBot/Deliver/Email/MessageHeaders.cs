using System.Text;
using DigestBot.Render.Email;
using MimeKit;

namespace DigestBot.Deliver.Email;

/// <summary>
/// Every header that carries outside text is written here, after <see cref="HeaderText.Clean"/>. Text that looks like
/// an RFC 2047 encoded-word is written as encoded-words of its own: MimeKit passes ASCII words through as they are,
/// and readers (MimeKit's included) would decode a feed's <c>=?utf-8?q?=0D=0ABcc:...?=</c> into a line break. Other
/// text is left to MimeKit, which encodes non-ASCII words and quotes display names as needed.
/// </summary>
internal static class MessageHeaders
{
    // 42 bytes are 56 base64 characters: a 68-character encoded-word, so "Subject: " or "List-Id: " plus one word stays
    // within the 78-character line RFC 5322 recommends (RFC 2047 allows 75 per word).
    private const int BytesPerWord = 42;

    public static void SetSubject(MimeMessage message, string text)
    {
        var clean = HeaderText.Clean(text);
        if (HeaderText.LooksEncoded(clean))
        {
            message.Headers.Replace(Raw(HeaderId.Subject, EncodedWords(clean)));
        }
        else
        {
            message.Subject = clean;
        }
    }

    /// <summary>Sets the From or To header to one mailbox; an invalid address throws, as <see cref="MailboxAddress"/> does.</summary>
    public static void SetMailbox(MimeMessage message, HeaderId id, string? name, string address)
    {
        var clean = HeaderText.Clean(name);
        var mailbox = new MailboxAddress(clean, address);
        if (HeaderText.LooksEncoded(clean))
        {
            message.Headers.Replace(Raw(id, $"{EncodedWords(clean)}\r\n <{new MailboxAddress("", mailbox.Address).ToString(encode: true)}>"));
            return;
        }

        var list = id == HeaderId.From ? message.From : message.To;
        list.Clear();
        list.Add(mailbox);
    }

    /// <summary>A header of a phrase then fixed ASCII text (List-Id: <c>Title &lt;id.domain&gt;</c>).</summary>
    public static void AddPhrase(MimeMessage message, string field, string phrase, string rest)
    {
        var clean = HeaderText.Clean(phrase);
        if (HeaderText.LooksEncoded(clean))
        {
            message.Headers.Add(WithRawValue(new Header(field, ""), $"{EncodedWords(clean)}\r\n {rest}"));
        }
        else
        {
            message.Headers.Add(field, clean.Length == 0 ? rest : $"{clean} {rest}");
        }
    }

    private static Header Raw(HeaderId id, string value) => WithRawValue(new Header(id, ""), value);

    private static Header WithRawValue(Header header, string value)
    {
        header.SetRawValue(Encoding.UTF8.GetBytes($" {value}\r\n"));
        return header;
    }

    /// <summary>Base64 encoded-words of whole UTF-8 characters, one per folded line; readers join adjacent words without the space between.</summary>
    private static string EncodedWords(string text)
    {
        var words = new List<string>();
        var chunk = new byte[BytesPerWord];
        Span<byte> utf8 = stackalloc byte[4];
        var length = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var size = rune.EncodeToUtf8(utf8);
            if (length + size > BytesPerWord)
            {
                words.Add(Word(chunk.AsSpan(0, length)));
                length = 0;
            }

            utf8[..size].CopyTo(chunk.AsSpan(length));
            length += size;
        }

        if (length > 0)
        {
            words.Add(Word(chunk.AsSpan(0, length)));
        }

        return string.Join("\r\n ", words);
    }

    private static string Word(ReadOnlySpan<byte> bytes) => "=?utf-8?b?" + Convert.ToBase64String(bytes) + "?=";
}
