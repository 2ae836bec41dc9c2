using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Render.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigestBot.Deliver.Email;

/// <summary>Builds the MIME message for one subscriber: multipart/alternative, list headers, personal links.</summary>
public sealed class EmailMessageFactory(IOptions<EmailOptions> options, LinkSigner signer, ReturnPaths returnPaths)
{
    private string? domain;

    public string UnsubscribeUrl(string email) => signer.Link("unsubscribe", LinkSigner.Unsubscribe, email);

    public string PreferencesUrl(string email) => signer.Link("preferences", LinkSigner.Preferences, email);

    public MimeMessage Create(Digest digest, Subscriber subscriber, RenderedEmail rendered) =>
        WithReturnPath(WithListHeaders(digest, UnsubscribeUrl(subscriber.Email), NewMessage(subscriber, rendered.Subject, Body(rendered))));

    /// <summary>The same message as personalising the variant and calling <see cref="Create(Digest, Subscriber, RenderedEmail)"/>, from its pre-encoded body.</summary>
    /// <remarks>
    /// The headers every subscriber of the variant gets (From, Date, Subject, List-Id, ...) are formatted by MimeKit once
    /// and copied; only Message-Id, To and List-Unsubscribe are made per subscriber. Formatting them all again for
    /// every message was a tenth of the fan-out's CPU.
    /// </remarks>
    internal MimeMessage Create(Digest digest, Subscriber subscriber, EncodedVariant variant)
    {
        var name = HeaderText.Clean(subscriber.Name);
        var unsubscribe = UnsubscribeUrl(subscriber.Email);
        var message = new MimeMessage([.. variant.SharedHeaders.Select(h => h.Clone()), variant.Body(name, unsubscribe, PreferencesUrl(subscriber.Email))])
        {
            MessageId = ReturnPaths.NewMessageId(Domain),
        };
        MessageHeaders.SetMailbox(message, HeaderId.To, name, subscriber.Email);
        message.Headers.Add("List-Unsubscribe", ListUnsubscribe(unsubscribe));
        return WithReturnPath(message);
    }

    /// <summary>The variant encoded once for all its subscribers: bodies and the headers their messages share.</summary>
    internal EncodedVariant Encode(Digest digest, RenderedEmail variant) => new(variant, SharedHeaders(digest, variant.Subject));

    private Header[] SharedHeaders(Digest digest, string subject)
    {
        using var sample = WithListHeaders(digest, "", NewMessage(new Subscriber("sample@" + Domain, null, [], [], SubscriberStatus.Active), subject, new TextPart("plain")));
        return sample.Headers
            .Where(h => h.Id is HeaderId.From or HeaderId.Date or HeaderId.Subject || h.Field is "List-Id" or "List-Unsubscribe-Post" or "Precedence")
            .ToArray();
    }

    /// <summary>
    /// With Email:BounceAddress set, the message's envelope sender, kept as its first header: the SMTP session sends it as
    /// MAIL FROM (and leaves the header out), and an outbox file shows it as a receiving server would.
    /// </summary>
    private MimeMessage WithReturnPath(MimeMessage message)
    {
        if (returnPaths.For(message.MessageId ?? "") is { } returnPath)
        {
            message.Headers.Insert(0, HeaderId.ReturnPath, $"<{returnPath}>");
        }

        return message;
    }

    private string ListUnsubscribe(string unsubscribeUrl) => $"<{unsubscribeUrl}>, <mailto:{options.Value.From}?subject=unsubscribe>";

    private MimeMessage WithListHeaders(Digest digest, string unsubscribeUrl, MimeMessage message)
    {
        message.Date = digest.GeneratedAt;
        MessageHeaders.AddPhrase(message, "List-Id", digest.Title.Replace("<", "", StringComparison.Ordinal).Replace(">", "", StringComparison.Ordinal), $"<{ListIdLabel(digest.DigestId)}.{Domain}>");
        message.Headers.Add("List-Unsubscribe", ListUnsubscribe(unsubscribeUrl));
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("Precedence", "bulk");
        return message;
    }

    /// <summary>The personalised email for one subscriber from a variant rendered with <see cref="Personalization"/> markers.</summary>
    public RenderedEmail Personalize(RenderedEmail variant, Subscriber subscriber) =>
        Personalization.Apply(variant, HeaderText.Clean(subscriber.Name), UnsubscribeUrl(subscriber.Email), PreferencesUrl(subscriber.Email));

    public MimeMessage CreateConfirmation(Subscriber subscriber, RenderedEmail rendered) => NewMessage(subscriber, rendered.Subject, Body(rendered));

    /// <summary>The template model for a real subscriber (previews, tests).</summary>
    public EmailModel Model(Digest digest, Subscriber subscriber) =>
        Model(digest, SectionsFor(digest, subscriber), subscriber.Name ?? "", UnsubscribeUrl(subscriber.Email), PreferencesUrl(subscriber.Email), TimeZones.TryFind(subscriber.TimeZone));

    /// <summary>The template model of a variant: personal parts are <see cref="Personalization"/> markers.</summary>
    public EmailModel VariantModel(Digest digest, IReadOnlyList<SectionDigest> sections, bool named, TimeZoneInfo? timeZone) =>
        Model(digest, sections, named ? Personalization.Name : "", Personalization.UnsubscribeUrl, Personalization.PreferencesUrl, timeZone);

    /// <summary>The subscriber's sections of the digest, less the stories their muted words remove (see <see cref="ReaderCopies"/>);
    /// a section without stories is there only when the digest says so (<c>EmptySections: SaySo</c>), and a subscriber
    /// whose copy has no story gets no email.</summary>
    public static IReadOnlyList<SectionDigest> SectionsFor(Digest digest, Subscriber subscriber) => new ReaderCopies(digest).For(subscriber).Sections;

    private EmailModel Model(Digest digest, IReadOnlyList<SectionDigest> sections, string name, string unsubscribe, string preferences, TimeZoneInfo? timeZone)
    {
        var preheader = string.Join(" · ", sections.SelectMany(s => s.Items).Take(3).Select(i => i.Article.Title));
        return new EmailModel(
            digest, sections, name, preheader, unsubscribe, preferences, options.Value.PostalAddress, options.Value.FromName, timeZone, digest.ArchiveUrl);
    }

    private MimeMessage NewMessage(Subscriber subscriber, string subject, MimeEntity body)
    {
        var email = options.Value;
        var message = new MimeMessage
        {
            Date = DateTimeOffset.UtcNow,
            MessageId = ReturnPaths.NewMessageId(Domain),
            Body = body,
        };
        MessageHeaders.SetSubject(message, subject);
        MessageHeaders.SetMailbox(message, HeaderId.From, email.FromName, email.From);
        MessageHeaders.SetMailbox(message, HeaderId.To, subscriber.Name, subscriber.Email);
        return message;
    }

    private static MultipartAlternative Body(RenderedEmail rendered) => new() { Part("plain", rendered.Text), Part("html", rendered.Html) };

    private string Domain => domain ??= MailboxAddress.Parse(options.Value.From).Domain;

    // The encoding is chosen here so that neither MimeKit nor MailKit scans every body again to pick one.
    private static TextPart Part(string subtype, string text)
    {
        var part = new TextPart(subtype) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(System.Text.Encoding.UTF8, text);
        return part;
    }

    private static string ListIdLabel(string digestId) =>
        new(digestId.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? char.ToLowerInvariant(c) : '-').ToArray());
}
