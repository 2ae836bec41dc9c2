using System.Net;
using System.Security.Cryptography;
using System.Text;
using DigestBot.Options;

namespace DigestBot.Web.Status;

/// <summary>
/// Decides whether a request may read the status page: with credentials configured every request must bring them
/// (basic auth); without, only loopback clients are answered, so a non-loopback bind never exposes the page by accident.
/// </summary>
public static class StatusAccess
{
    public enum Decision
    {
        Allow,
        Challenge,
        Forbid,
    }

    public static Decision Decide(StatusOptions options, IPAddress? remote, string? authorization)
    {
        if (!options.HasCredentials)
        {
            return remote is not null && IPAddress.IsLoopback(remote) ? Decision.Allow : Decision.Forbid;
        }

        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return Decision.Challenge;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return Decision.Challenge;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
               && SameSecret(decoded[..colon], options.Username!)
               && SameSecret(decoded[(colon + 1)..], options.Password!)
            ? Decision.Allow
            : Decision.Challenge;
    }

    // Hashing first gives equal-length inputs, so the comparison time says nothing about the secret's length or prefix.
    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
