using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Render.Email;
using DigestBot.Tests.Support;
using MimeKit;
using static DigestBot.Tests.Deliver.Email.EmailTestKit;

namespace DigestBot.Tests.Deliver.Email;

public sealed class EncodedVariantTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync() => app = await StartAppAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData(NewLineFormat.Dos)]
    [InlineData(NewLineFormat.Unix)]
    public void Create_twoSubscribersOfOneVariant_eachGetsTheBodiesOfTheirOwnPersonalisedRender(NewLineFormat format)
    {
        // Long lines, non-ASCII, trailing blanks and markers at line ends: where quoted-printable pieces join.
        var filler = string.Concat(Enumerable.Repeat("Grüße, naïve café — ", 12));
        var html = $"<p>Hello {Personalization.Name},</p>\n<p>{filler}</p>   \n<a href=\"{Personalization.UnsubscribeUrl}\">u</a>"
            + $"{Personalization.PreferencesUrl}{Personalization.Name}\n<p>{filler}=x {Personalization.UnsubscribeUrl}</p> ";
        var text = $"Hello {Personalization.Name},\r\n{filler}{Personalization.PreferencesUrl}\t\r\nBye {Personalization.Name} {Personalization.UnsubscribeUrl}\r\n";
        var variant = new RenderedEmail("Daily", html, text);
        var messages = app.Get<EmailMessageFactory>();
        var digest = Digest("daily@enc");
        var encoded = messages.Encode(digest, variant);
        Subscriber[] readers =
        [
            new("ana@example.org", "Ana <Ñ> & Co", [], [], SubscriberStatus.Active),
            new("bo@example.org", "Bo", [], [], SubscriberStatus.Active),
        ];

        var sent = readers.Select(r => RoundTrip(messages.Create(digest, r, encoded), format)).ToList();
        var expected = readers.Select(r => RoundTrip(messages.Create(digest, r, messages.Personalize(variant, r)), format)).ToList();

        for (var i = 0; i < readers.Length; i++)
        {
            Assert.Equal(Shape(expected[i]), Shape(sent[i]));
            Assert.Equal(HeaderFields(expected[i]), HeaderFields(sent[i]));
            Assert.Equal(expected[i].TextBody, sent[i].TextBody);
            Assert.Equal(expected[i].HtmlBody, sent[i].HtmlBody);
            Assert.Equal(expected[i].Headers["List-Unsubscribe"], sent[i].Headers["List-Unsubscribe"]);
            Assert.Contains(messages.UnsubscribeUrl(readers[i].Email), sent[i].TextBody, StringComparison.Ordinal);
            Assert.Contains(messages.PreferencesUrl(readers[i].Email), sent[i].TextBody, StringComparison.Ordinal);
            Assert.Contains(messages.UnsubscribeUrl(readers[i].Email), sent[i].Headers["List-Unsubscribe"], StringComparison.Ordinal);
        }

        Assert.Contains("Hello Ana <Ñ> & Co,", sent[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("Hello Ana &lt;&#xD1;&gt; &amp; Co,", sent[0].HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(messages.UnsubscribeUrl(readers[0].Email), sent[1].TextBody, StringComparison.Ordinal);
        Assert.NotEqual(sent[0].MessageId, sent[1].MessageId);
    }

    [Fact]
    public void Body_isFramedAsMimeKitFramesAMultipartWithThatBoundary()
    {
        // Without markers each body is one piece, encoded as MimeKit encodes it: only the framing can differ.
        var filler = string.Concat(Enumerable.Repeat("Grüße, naïve café — ", 12));
        var variant = new RenderedEmail("Daily", $"<p>Hi</p>\n<p>{filler}</p>", $"Hi\n{filler}\n");
        var encoded = app.Get<EmailMessageFactory>().Encode(Digest("daily@enc"), variant);
        var body = encoded.Body("Ana", "https://u.example/u", "https://u.example/p");
        var expected = new MultipartAlternative { Part("plain", variant.Text), Part("html", variant.Html) };
        expected.ContentType.Boundary = encoded.Boundary;
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;

        Assert.Equal(Written(expected, options), Written(body, options));
    }

    private static TextPart Part(string subtype, string text)
    {
        var part = new TextPart(subtype) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(System.Text.Encoding.UTF8, text);
        return part;
    }

    private static string Written(MimeEntity entity, FormatOptions options)
    {
        using var wire = new MemoryStream();
        entity.WriteTo(options, wire);
        return System.Text.Encoding.ASCII.GetString(wire.ToArray());
    }

    /// <summary>Every header but the ones unique to each message (Message-Id, the boundary in Content-Type), decoded; order aside.</summary>
    private static string HeaderFields(MimeMessage message) =>
        string.Join("\n", message.Headers.Where(h => h.Id is not (HeaderId.MessageId or HeaderId.ContentType)).Select(h => $"{h.Field}: {h.Value}").Order(StringComparer.Ordinal));

    private static string Shape(MimeMessage message) =>
        string.Join(" | ", message.BodyParts.Prepend(message.Body!).Select(p => $"{p.ContentType.MimeType};{p.ContentType.Charset};{(p as MimePart)?.ContentTransferEncoding}"));

    private static MimeMessage RoundTrip(MimeMessage message, NewLineFormat format)
    {
        using var wire = new MemoryStream();
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = format;
        message.WriteTo(options, wire);
        var written = System.Text.Encoding.ASCII.GetString(wire.ToArray());
        Assert.Equal(format == NewLineFormat.Dos, written.Contains("\r\n", StringComparison.Ordinal));
        Assert.Equal(written.Count(c => c == '\n'), format == NewLineFormat.Dos ? written.Split("\r\n").Length - 1 : written.Split('\n').Length - 1);
        // Body lines only: a signed URL in a header may not fold, as before.
        var lines = written.Split('\n').Select(l => l.TrimEnd('\r'));
        Assert.All(lines.SkipWhile(l => l.Length > 0), line => Assert.True(line.Length <= 78, line));
        wire.Position = 0;
        return MimeMessage.Load(wire);
    }
}
