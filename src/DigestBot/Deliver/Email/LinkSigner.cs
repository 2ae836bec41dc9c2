using System.Security.Cryptography;
using System.Text;
using DigestBot.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigestBot.Deliver.Email;

/// <summary>Signs the subscriber links in emails with HMAC-SHA256: a token is bound to one address and one purpose.</summary>
public sealed class LinkSigner
{
    private readonly byte[] key;
    private readonly Uri baseUrl;

    public LinkSigner(IOptions<WebOptions> web, IOptions<StorageOptions> storage, IHostEnvironment environment)
    {
        baseUrl = web.Value.BaseUrl;
        key = string.IsNullOrEmpty(web.Value.SigningKey)
            ? LoadOrCreateKey(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(storage.Value.SqlitePath) ?? ".", "signing.key"), environment.ContentRootPath))
            : Encoding.UTF8.GetBytes(web.Value.SigningKey);
    }

    public const string Unsubscribe = "unsubscribe";
    public const string Preferences = "preferences";
    public const string Confirm = "confirm";

    public string Sign(string purpose, string email)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{purpose}\n{email.Trim().ToLowerInvariant()}"));
        return Base64Url(mac);
    }

    public bool Verify(string purpose, string email, string? token) =>
        token is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(purpose, email)), Encoding.ASCII.GetBytes(token));

    public string Link(string path, string purpose, string email) =>
        new Uri(baseUrl, $"{path}?email={Uri.EscapeDataString(email)}&token={Sign(purpose, email)}").AbsoluteUri;

    private static byte[] LoadOrCreateKey(string path)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var created = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(created));
        return created;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
