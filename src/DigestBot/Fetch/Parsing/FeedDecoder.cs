using System.Text;

namespace DigestBot.Fetch.Parsing;

/// <summary>
/// Turns feed bytes into text. Precedence follows RFC 7303: a byte order mark, then the HTTP charset, then the XML
/// declaration (or UTF-16 detected from the first bytes), else UTF-8. Bytes invalid in the chosen encoding fall back to
/// windows-1252 (what mislabelled real feeds almost always are) and the result is marked as recovered.
/// </summary>
internal static class FeedDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    static FeedDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> data, string? httpCharset, out bool recovered)
    {
        recovered = false;
        var (bomEncoding, bomLength) = DetectBom(data);
        if (bomEncoding is not null)
        {
            return DecodeOrFallback(bomEncoding, data[bomLength..], ref recovered);
        }

        var declared = Lookup(httpCharset, ref recovered) ?? SniffUtf16(data) ?? Lookup(DeclaredEncoding(data), ref recovered);
        return DecodeOrFallback(declared ?? StrictUtf8, data, ref recovered);
    }

    private static string DecodeOrFallback(Encoding encoding, ReadOnlySpan<byte> data, ref bool recovered)
    {
        var utf8 = encoding.CodePage == Encoding.UTF8.CodePage;
        var strict = utf8
            ? StrictUtf8
            : Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, DecoderFallback.ExceptionFallback);
        // A document cut inside a character loses that character, not the reading of all the others as windows-1252.
        var tail = utf8 ? IncompleteUtf8Tail(data) : 0;
        try
        {
            var text = strict.GetString(data[..^tail]);
            recovered |= tail > 0;
            return text;
        }
        catch (DecoderFallbackException)
        {
            recovered = true;
            // A wide encoding with bad bytes is best kept with replacement characters; a byte encoding is almost always cp1252.
            return encoding is UnicodeEncoding or UTF32Encoding
                ? encoding.GetString(data)
                : Encoding.GetEncoding(1252).GetString(data);
        }
    }

    /// <summary>How many bytes at the end begin a UTF-8 sequence that the data stops in the middle of; 0 when none does.</summary>
    private static int IncompleteUtf8Tail(ReadOnlySpan<byte> data)
    {
        for (var back = 1; back <= Math.Min(3, data.Length); back++)
        {
            var b = data[^back];
            if (b < 0x80)
            {
                return 0;
            }

            if (b >= 0xC0)
            {
                return Rune.DecodeFromUtf8(data[^back..], out _, out _) == System.Buffers.OperationStatus.NeedMoreData ? back : 0;
            }
        }

        return 0;
    }

    private static (Encoding? Encoding, int Length) DetectBom(ReadOnlySpan<byte> data) => data switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(true, false), 4),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(false, false), 4),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        _ => (null, 0),
    };

    private static Encoding? SniffUtf16(ReadOnlySpan<byte> data) => data switch
    {
        [0x3C, 0x00, 0x3F, 0x00, ..] => Encoding.Unicode,
        [0x00, 0x3C, 0x00, 0x3F, ..] => Encoding.BigEndianUnicode,
        _ => null,
    };

    /// <summary>The encoding named in the XML declaration, read as ASCII from the first bytes.</summary>
    private static string? DeclaredEncoding(ReadOnlySpan<byte> data)
    {
        var head = Encoding.ASCII.GetString(data[..Math.Min(data.Length, 512)]);
        var start = head.IndexOf("<?xml", StringComparison.Ordinal);
        var end = start < 0 ? -1 : head.IndexOf("?>", start, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var declaration = head[start..end];
        var at = declaration.IndexOf("encoding", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var quote = declaration.IndexOfAny(['"', '\''], at);
        var close = quote < 0 ? -1 : declaration.IndexOf(declaration[quote], quote + 1);
        return close < 0 ? null : declaration[(quote + 1)..close].Trim();
    }

    private static Encoding? Lookup(string? name, ref bool recovered)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            var encoding = Encoding.GetEncoding(name.Trim().Trim('"'));
            // A document that reached us as bytes cannot really be UTF-16 without a BOM; the label is wrong, sniffing decides.
            return encoding is UnicodeEncoding ? null : encoding;
        }
        catch (ArgumentException)
        {
            recovered = true;
            return null;
        }
    }
}
