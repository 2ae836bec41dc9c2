using System.Text;
using System.Text.Encodings.Web;
using DigestBot.Render.Email;
using MimeKit;
using MimeKit.Encodings;

namespace DigestBot.Deliver.Email;

/// <summary>
/// A variant's multipart/alternative body, encoded once per edition: the bodies are split at the
/// <see cref="Personalization"/> markers and each static piece is quoted-printable encoded; the MIME framing around
/// them (boundaries, part headers) is written once by MimeKit. A subscriber's body is then those bytes written in order
/// with only their own (small) values encoded in between: building and encoding ~20 KB of MIME parts per message was
/// most of the fan-out's CPU. Every piece is flushed by the encoder, so it ends on a hard or soft line break and the
/// concatenation is valid quoted-printable.
/// </summary>
internal sealed class EncodedVariant
{
    private static readonly string[] Markers = [Personalization.Name, Personalization.UnsubscribeUrl, Personalization.PreferencesUrl];

    private readonly Layout unix;
    private readonly Layout dos;

    /// <param name="variant">The variant as rendered for sending, with <see cref="Personalization"/> markers.</param>
    /// <param name="sharedHeaders">The headers all its messages share, formatted once (see <see cref="EmailMessageFactory.Encode"/>).</param>
    public EncodedVariant(RenderedEmail variant, IReadOnlyList<Header> sharedHeaders)
    {
        Subject = variant.Subject;
        SharedHeaders = sharedHeaders;
        Boundary = new MultipartAlternative().Boundary ?? throw new InvalidOperationException("MimeKit made a multipart without a boundary.");
        unix = new Layout(Frame(Boundary, NewLineFormat.Unix), Split(variant.Text, NewLineFormat.Unix), Split(variant.Html, NewLineFormat.Unix));
        dos = new Layout(Frame(Boundary, NewLineFormat.Dos), Split(variant.Text, NewLineFormat.Dos), Split(variant.Html, NewLineFormat.Dos));
    }

    public string Subject { get; }

    public string Boundary { get; }

    /// <summary>The headers all messages of this variant share (From, Date, Subject, List-Id, ...), formatted once.</summary>
    public IReadOnlyList<Header> SharedHeaders { get; }

    /// <summary>The multipart/alternative body for one subscriber; the values are the same as <see cref="Personalization.Apply"/> takes.</summary>
    public MimeEntity Body(string name, string unsubscribeUrl, string preferencesUrl) =>
        new EncodedBody(this, [name, unsubscribeUrl, preferencesUrl]);

    private Layout For(FormatOptions options) => options.NewLineFormat == NewLineFormat.Dos ? dos : unix;

    /// <summary>What MimeKit writes for the multipart's content with both parts, split where each part's content goes.</summary>
    private static byte[][] Frame(string boundary, NewLineFormat format)
    {
        const string text = "\u0001text\u0001", html = "\u0001html\u0001";
        using var multipart = new MultipartAlternative { Placeholder("plain", text), Placeholder("html", html) };
        multipart.ContentType.Boundary = boundary;
        using var written = new MemoryStream();
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = format;
        multipart.WriteTo(options, written, contentOnly: true);
        var bytes = written.ToArray();
        var newLine = format == NewLineFormat.Dos ? "\r\n"u8.ToArray() : "\n"u8.ToArray();
        var textAt = IndexOf(bytes, [.. Encoding.ASCII.GetBytes(text), .. newLine]);
        var htmlAt = IndexOf(bytes, [.. Encoding.ASCII.GetBytes(html), .. newLine]);
        var placeholder = text.Length + newLine.Length;
        return [bytes[..textAt], bytes[(textAt + placeholder)..htmlAt], bytes[(htmlAt + placeholder)..]];
    }

    private static TextPart Placeholder(string subtype, string content)
    {
        var part = new TextPart(subtype)
        {
            ContentTransferEncoding = ContentEncoding.QuotedPrintable,
            Content = new MimeContent(new MemoryStream(Encoding.ASCII.GetBytes(content + "\n")), ContentEncoding.QuotedPrintable),
        };
        part.ContentType.Charset = "utf-8";
        return part;
    }

    private static int IndexOf(byte[] bytes, byte[] value)
    {
        var at = bytes.AsSpan().IndexOf(value);
        return at >= 0 ? at : throw new InvalidOperationException("MimeKit wrote the multipart without its placeholder content.");
    }

    private static Piece[] Split(string body, NewLineFormat format)
    {
        var pieces = new List<Piece>();
        var start = 0;
        while (true)
        {
            var (at, slot) = NextMarker(body, start);
            pieces.Add(new Piece(Encode(body[start..(at < 0 ? body.Length : at)], format), -1));
            if (at < 0)
            {
                return pieces.ToArray();
            }

            pieces.Add(new Piece([], slot));
            start = at + Markers[slot].Length;
        }
    }

    private static (int At, int Slot) NextMarker(string body, int start)
    {
        var best = (At: -1, Slot: -1);
        for (var slot = 0; slot < Markers.Length; slot++)
        {
            var at = body.IndexOf(Markers[slot], start, StringComparison.Ordinal);
            if (at >= 0 && (best.At < 0 || at < best.At))
            {
                best = (at, slot);
            }
        }

        return best;
    }

    /// <summary>Quoted-printable, flushed; the encoder ends lines with LF, which DOS form turns into CRLF (the encoded text has no other CR or LF).</summary>
    private static byte[] Encode(string value, NewLineFormat format)
    {
        if (value.Length == 0)
        {
            return [];
        }

        var input = Encoding.UTF8.GetBytes(value);
        var encoder = new QuotedPrintableEncoder();
        var output = new byte[encoder.EstimateOutputLength(input.Length)];
        var length = encoder.Flush(input, 0, input.Length, output);
        var encoded = output.AsSpan(0, length);
        return format == NewLineFormat.Dos && encoded.Contains((byte)'\n')
            ? Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(encoded).Replace("\n", "\r\n", StringComparison.Ordinal))
            : encoded.ToArray();
    }

    private readonly record struct Piece(byte[] Encoded, int Slot);

    private sealed record Layout(byte[][] Frame, Piece[] Text, Piece[] Html);

    /// <summary>One subscriber's body: the variant's bytes with the subscriber's values, written straight to the output.</summary>
    private sealed class EncodedBody : MimeEntity
    {
        private readonly EncodedVariant variant;
        private readonly string[] values;

        public EncodedBody(EncodedVariant variant, string[] values)
            : base(new ContentType("multipart", "alternative") { Boundary = variant.Boundary })
        {
            this.variant = variant;
            this.values = values;
        }

        /// <summary>Nothing to prepare: both parts are quoted-printable, 7-bit, with lines MimeKit already folded.</summary>
        public override void Prepare(EncodingConstraint constraint, int maxLineLength = 78)
        {
        }

        public override void WriteTo(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
        {
            base.WriteTo(options, stream, contentOnly, cancellationToken);
            foreach (var chunk in Chunks(options))
            {
                cancellationToken.ThrowIfCancellationRequested();
                stream.Write(chunk);
            }
        }

        public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
        {
            await base.WriteToAsync(options, stream, contentOnly, cancellationToken);
            foreach (var chunk in Chunks(options))
            {
                await stream.WriteAsync(chunk, cancellationToken);
            }
        }

        private IEnumerable<byte[]> Chunks(FormatOptions options)
        {
            var layout = variant.For(options);
            var format = options.NewLineFormat;
            yield return layout.Frame[0];
            foreach (var piece in layout.Text)
            {
                yield return piece.Slot < 0 ? piece.Encoded : Encode(values[piece.Slot], format);
            }

            yield return layout.Frame[1];
            foreach (var piece in layout.Html)
            {
                yield return piece.Slot < 0 ? piece.Encoded : Encode(HtmlEncoder.Default.Encode(values[piece.Slot]), format);
            }

            yield return layout.Frame[2];
        }
    }
}
