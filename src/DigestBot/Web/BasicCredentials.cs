using System.Security.Cryptography;
using System.Text;

namespace DigestBot.Web;

/// <summary>HTTP basic authentication against one configured user and password, compared in constant time.</summary>
public static class BasicCredentials
{
    /// <summary>True when the Authorization header value carries exactly this user and password.</summary>
    public static bool Match(string? authorization, string user, string password)
    {
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        // Both halves are always compared, so the time taken does not tell which one was wrong.
        return colon > 0 & SameSecret(decoded[..Math.Max(colon, 0)], user) & SameSecret(decoded[(colon + 1)..], password);
    }

    // Hashing first gives equal-length inputs, so the comparison time says nothing about the secret's length or prefix.
    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
