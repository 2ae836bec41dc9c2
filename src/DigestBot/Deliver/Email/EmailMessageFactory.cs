using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Render.Email;
using Microsoft.Extensions.Options;
using MimeKit;
using PreMailer.Net;

namespace DigestBot.Deliver.Email;

/// <summary>Builds the MIME message for one subscriber: multipart/alternative, list headers, CSS inlined.</summary>
public sealed class EmailMessageFactory(IOptions<EmailOptions> options, IOptions<WebOptions> web, LinkSigner signer)
{
    public string UnsubscribeUrl(string email) => signer.Link("unsubscribe", "unsubscribe", email);

    public string PreferencesUrl(string email) => signer.Link("preferences", "preferences", email);

    public MimeMessage Create(Digest digest, Subscriber subscriber, RenderedEmail rendered)
    {
        var email = options.Value;
        var domain = MailboxAddress.Parse(email.From).Domain;
        var message = new MimeMessage
        {
            Subject = SubjectLine.Clean(rendered.Subject),
            Date = digest.GeneratedAt,
            MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(domain),
        };
        message.From.Add(new MailboxAddress(email.FromName, email.From));
        message.To.Add(new MailboxAddress(SubjectLine.Clean(subscriber.Name ?? ""), subscriber.Email));
        message.Headers.Add("List-Id", $"{SubjectLine.Clean(digest.Title)} <{digest.DigestId}.{domain}>");
        message.Headers.Add("List-Unsubscribe", $"<{UnsubscribeUrl(subscriber.Email)}>, <mailto:{email.From}?subject=unsubscribe>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

        var body = new BodyBuilder
        {
            TextBody = rendered.Text,
            HtmlBody = PreMailer.Net.PreMailer.MoveCssInline(rendered.Html, removeStyleElements: false, stripIdAndClassAttributes: false).Html,
        };
        message.Body = body.ToMessageBody();
        return message;
    }

    public EmailModel Model(Digest digest, Subscriber subscriber)
    {
        var sections = digest.Sections.Where(s => subscriber.Reads(digest.DigestId, s.SectionId) && s.Items.Count > 0).ToList();
        var preheader = string.Join(" · ", sections.SelectMany(s => s.Items).Take(3).Select(i => i.Article.Title));
        return new EmailModel(digest, sections, subscriber.Name ?? "", preheader, UnsubscribeUrl(subscriber.Email),
            PreferencesUrl(subscriber.Email), options.Value.PostalAddress, options.Value.FromName);
    }

    internal Uri BaseUrl => web.Value.BaseUrl;
}
