using System.Text;
using System.Text.Encodings.Web;
using DigestBot.Render.Email;
using MimeKit;
using MimeKit.Encodings;

namespace DigestBot.Deliver.Email;

/// <summary>
/// A variant's bodies split at the <see cref="Personalization"/> markers, each static piece quoted-printable encoded
/// once per edition. A subscriber's body is then the static pieces with only their own (small) values encoded in
/// between: encoding and copying ~20 KB per message through MimeKit's filters was most of the fan-out's CPU.
/// Every piece is flushed by the encoder, so it ends on a hard or soft line break and the concatenation is valid QP.
/// </summary>
internal sealed class EncodedVariant(RenderedEmail variant)
{
    private static readonly string[] Markers = [Personalization.Name, Personalization.UnsubscribeUrl, Personalization.PreferencesUrl];

    private readonly Piece[] text = Split(variant.Text);
    private readonly Piece[] html = Split(variant.Html);

    public string Subject => variant.Subject;

    /// <summary>The multipart/alternative body for one subscriber; the values are the same as <see cref="Personalization.Apply"/> takes.</summary>
    public MimeEntity Body(string name, string unsubscribeUrl, string preferencesUrl)
    {
        string[] values = [name, unsubscribeUrl, preferencesUrl];
        return new MultipartAlternative
        {
            Part("plain", text, values.Select(Encode).ToArray()),
            Part("html", html, values.Select(v => Encode(HtmlEncoder.Default.Encode(v))).ToArray()),
        };
    }

    private static TextPart Part(string subtype, Piece[] pieces, byte[][] values)
    {
        var length = pieces.Sum(p => p.Slot < 0 ? p.Encoded.Length : values[p.Slot].Length);
        var bytes = new byte[length];
        var at = 0;
        foreach (var piece in pieces)
        {
            var chunk = piece.Slot < 0 ? piece.Encoded : values[piece.Slot];
            chunk.CopyTo(bytes, at);
            at += chunk.Length;
        }

        var part = new TextPart(subtype)
        {
            ContentTransferEncoding = ContentEncoding.QuotedPrintable,
            Content = new MimeContent(new MemoryStream(bytes, writable: false), ContentEncoding.QuotedPrintable),
        };
        part.ContentType.Charset = "utf-8";
        return part;
    }

    private static Piece[] Split(string body)
    {
        var pieces = new List<Piece>();
        var start = 0;
        while (true)
        {
            var (at, slot) = NextMarker(body, start);
            pieces.Add(new Piece(Encode(body[start..(at < 0 ? body.Length : at)]), -1));
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

    private static byte[] Encode(string value)
    {
        if (value.Length == 0)
        {
            return [];
        }

        var input = Encoding.UTF8.GetBytes(value);
        var encoder = new QuotedPrintableEncoder();
        var output = new byte[encoder.EstimateOutputLength(input.Length)];
        var length = encoder.Flush(input, 0, input.Length, output);
        return output[..length];
    }

    private readonly record struct Piece(byte[] Encoded, int Slot);
}
