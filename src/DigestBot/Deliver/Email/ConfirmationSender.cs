using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Render.Email;
using Microsoft.Extensions.Options;

namespace DigestBot.Deliver.Email;

/// <summary>Sends the double opt-in email: a signed link that only confirms this one address.</summary>
public sealed class ConfirmationSender(
    EmailRenderer renderer, EmailMessageFactory messages, SmtpConnector connector, LinkSigner signer, IOptions<EmailOptions> options)
{
    public async Task SendAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        var email = options.Value;
        var url = signer.Link("confirm", LinkSigner.Confirm, subscriber.Email);
        var rendered = await renderer.RenderConfirmAsync(new ConfirmModel(email.FromName, subscriber.Name ?? "", url, email.PostalAddress, email.FromName));
        using var message = messages.CreateConfirmation(subscriber, rendered);
        using var client = await connector.ConnectAsync(cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
