using System.Security.Cryptography;
using System.Text;

namespace DigestBot.Store;

/// <summary>
/// The key of a suppression: SHA-256 of the normalised address. A plain hash, not a keyed one, so rotating the link
/// signing key never forgets who asked to be left alone.
/// </summary>
internal static class AddressHash
{
    public static string Of(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SubscriberStore.Normalize(email))));
}
