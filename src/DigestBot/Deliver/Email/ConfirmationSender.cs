using DigestBot.Deliver.Email.Dkim;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Render.Email;
using Microsoft.Extensions.Options;

namespace DigestBot.Deliver.Email;

/// <summary>Sends the double opt-in email: a signed link that only confirms this one address.</summary>
public sealed class ConfirmationSender(
    EmailRenderer renderer, EmailMessageFactory messages, DkimSigning dkim, SmtpConnector connector, MailOutbox outbox, LinkSigner signer,
    IOptions<EmailOptions> options, IOptions<SmtpOptions> smtp)
{
    /// <summary>The outbox folder of confirmation emails (edition folders always contain an @, so this never is one).</summary>
    public const string ConfirmationsFolder = "confirmations";

    public async Task SendAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        var email = options.Value;
        var url = signer.Link("confirm", LinkSigner.Confirm, subscriber.Email);
        var rendered = await renderer.RenderConfirmAsync(new ConfirmModel(email.FromName, subscriber.Name ?? "", url, email.PostalAddress, email.FromName));
        using var message = messages.CreateConfirmation(subscriber, rendered);
        dkim.Sign(message);
        if (email.TransportWith(smtp.Value) == EmailTransport.Outbox)
        {
            outbox.Write(message, ConfirmationsFolder, cancellationToken);
            return;
        }

        using var client = await connector.ConnectAsync(cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
