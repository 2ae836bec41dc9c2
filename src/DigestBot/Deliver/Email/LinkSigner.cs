using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using DigestBot.Options;
using Microsoft.Extensions.Options;

namespace DigestBot.Deliver.Email;

/// <summary>Signs the subscriber links in emails with HMAC-SHA256: a token is bound to one address and one purpose.</summary>
public sealed class LinkSigner : IDisposable
{
    private readonly Uri baseUrl;

    // "unsubscribe" -> "https://host/base/unsubscribe": resolved once, as every email carries these links.
    private readonly ConcurrentDictionary<string, string> pages = new(StringComparer.Ordinal);
    private readonly ThreadLocal<HMACSHA256> hmac;

    public LinkSigner(IOptions<WebOptions> web, SigningKey key)
    {
        baseUrl = web.Value.BaseUrl;
        hmac = new ThreadLocal<HMACSHA256>(() => new HMACSHA256(key.Bytes));
    }

    public const string Unsubscribe = "unsubscribe";
    public const string Preferences = "preferences";
    public const string Confirm = "confirm";

    public string Sign(string purpose, string email)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        // One keyed HMAC per thread, reused: keying a new one (what HMACSHA256.HashData does) costs more than the hash.
        hmac.Value!.TryComputeHash(Encoding.UTF8.GetBytes($"{purpose}\n{email.Trim().ToLowerInvariant()}"), mac, out _);
        return Base64Url.EncodeToString(mac);
    }

    public void Dispose() => hmac.Dispose();

    public bool Verify(string purpose, string email, string? token) =>
        token is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(purpose, email)), Encoding.ASCII.GetBytes(token));

    /// <remarks>The query holds only escaped or URL-safe characters, so appending it to the resolved page is the same URL
    /// as resolving the whole relative reference against the base.</remarks>
    public string Link(string path, string purpose, string email) =>
        $"{pages.GetOrAdd(path, p => new Uri(baseUrl, p).AbsoluteUri)}?email={Uri.EscapeDataString(email)}&token={Sign(purpose, email)}";
}
