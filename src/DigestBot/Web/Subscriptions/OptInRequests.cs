using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Store;

namespace DigestBot.Web.Subscriptions;

/// <summary>
/// The first half of the double opt-in, shared by the subscribe form and the Discord command: a reader who is not active
/// becomes (or stays) pending with the chosen sections and is sent a confirmation link. An active reader is left alone,
/// so callers give the same answer either way and never tell who is subscribed.
/// </summary>
public sealed class OptInRequests(SubscriberStore store, ConfirmationSender confirmations)
{
    /// <summary>
    /// Asks for the sections only (the Discord command): other choices stay as the reader saved them. Sends the
    /// confirmation when needed; a mail server failure propagates (see <see cref="IsSendFailure"/>).
    /// </summary>
    public async Task RequestAsync(string email, string? name, IReadOnlyList<string> sections, CancellationToken cancellationToken = default)
    {
        var existing = await store.FindAsync(email, cancellationToken);
        var pending = new Subscriber(email, CleanName(name), sections, existing?.Digests ?? [], SubscriberStatus.Pending, existing?.TimeZone)
        {
            DeliveryHour = existing?.DeliveryHour,
            MutedWords = existing?.MutedWords ?? [],
        };
        await RequestAsync(existing, pending, cancellationToken);
    }

    /// <summary>Asks with every choice already made (the subscribe form); <paramref name="existing"/> is the stored reader, if any.</summary>
    public async Task RequestAsync(Subscriber? existing, Subscriber pending, CancellationToken cancellationToken = default)
    {
        if (existing?.Status == SubscriberStatus.Active)
        {
            return;
        }

        await store.RequestOptInAsync(pending, cancellationToken);
        await confirmations.SendAsync(pending, cancellationToken);
    }

    /// <summary>A display name as readers may give it: trimmed, at most 100 characters, null when empty.</summary>
    public static string? CleanName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        return trimmed.Length == 0 ? null : trimmed[..Math.Min(trimmed.Length, 100)];
    }

    /// <summary>The mail server could not take the confirmation just now.</summary>
    public static bool IsSendFailure(Exception exception) =>
        exception is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException;
}
