using System.Security.Cryptography;
using System.Text;
using DigestBot.Options;
using MimeKit;
using Microsoft.Extensions.Options;

namespace DigestBot.Deliver.Email;

/// <summary>
/// Per-message return paths (VERP): with <c>Email:BounceAddress</c> = <c>bounces@example.net</c>, a digest's envelope
/// sender is <c>bounces+&lt;id&gt;&lt;mac&gt;@example.net</c>. The id is the local part of the message's own Message-Id
/// (which the email ledger keeps beside the edition and the reader); the mac, an HMAC of it under the installation's
/// signing key, keeps anyone else from making a return path that names someone's message. Both are lower-case base32:
/// some mail servers lower-case local parts. The whole local part is 41 characters, within SMTP's limit of 64.
/// </summary>
public sealed class ReturnPaths(IOptions<EmailOptions> options, SigningKey key) : IDisposable
{
    /// <summary>Random bytes in a Message-Id's local part (96 bits: 20 base32 characters).</summary>
    private const int IdBytes = 12;
    private const int IdLength = (IdBytes * 8 + 4) / 5;

    /// <summary>Bytes of the HMAC kept (64 bits: 13 base32 characters).</summary>
    private const int MacBytes = 8;
    private const int MacLength = (MacBytes * 8 + 4) / 5;

    private readonly ThreadLocal<HMACSHA256> hmac = new(() => new HMACSHA256(key.Bytes));

    /// <summary>A new Message-Id (without angle brackets) whose local part can be carried in a return path.</summary>
    public static string NewMessageId(string domain) => Base32Text.Encode(RandomNumberGenerator.GetBytes(IdBytes)) + "@" + domain;

    /// <summary>The envelope sender for the message with this Message-Id, or null when no bounce address is set.</summary>
    public string? For(string messageId)
    {
        if (string.IsNullOrEmpty(options.Value.BounceAddress))
        {
            return null;
        }

        var id = messageId[..Math.Max(0, messageId.IndexOf('@', StringComparison.Ordinal))];
        if (id.Length != IdLength || !Base32Text.IsEncoded(id))
        {
            return null;
        }

        var bounce = MailboxAddress.Parse(options.Value.BounceAddress);
        return $"{bounce.LocalPart}+{id}{Mac(id)}@{bounce.Domain}";
    }

    /// <summary>
    /// The local part of the Message-Id a return path was made for, when its mac is ours; null for any other address,
    /// a token that was changed or made up, or no token at all.
    /// </summary>
    public string? MessageIdLocalPart(string? returnPath)
    {
        var address = returnPath?.Trim().Trim('<', '>').ToLowerInvariant() ?? "";
        var at = address.LastIndexOf('@');
        var plus = at < 0 ? -1 : address.LastIndexOf('+', at);
        if (plus < 0 || at - plus - 1 != IdLength + MacLength)
        {
            return null;
        }

        var id = address[(plus + 1)..(plus + 1 + IdLength)];
        var mac = address[(plus + 1 + IdLength)..at];
        return Base32Text.IsEncoded(id) && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(id)), Encoding.ASCII.GetBytes(mac))
            ? id
            : null;
    }

    /// <summary>
    /// The Message-Id (without angle brackets) a return path was made for, when its mac is ours. Message-Ids are made
    /// with the domain of <c>Email:From</c>, so one sent before that setting changed is not found this way.
    /// </summary>
    public string? MessageId(string? returnPath) =>
        MessageIdLocalPart(returnPath) is { } id ? id + "@" + MailboxAddress.Parse(options.Value.From).Domain : null;

    public void Dispose() => hmac.Dispose();

    private string Mac(string id)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        hmac.Value!.TryComputeHash(Encoding.ASCII.GetBytes("return-path\n" + id), mac, out _);
        return Base32Text.Encode(mac[..MacBytes]);
    }
}
