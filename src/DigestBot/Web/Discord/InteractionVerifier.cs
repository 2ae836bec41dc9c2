using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using DigestBot.Options;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace DigestBot.Web.Discord;

/// <summary>
/// Discord signs every interaction request with the application's Ed25519 key: X-Signature-Ed25519 is the signature of
/// the X-Signature-Timestamp value followed by the raw body. A valid signature is not enough on its own: a captured
/// request could be sent again, so requests signed outside <c>MaxAge</c> are refused and each signature is accepted
/// once within it (per node: a replay to another node of a cluster is still bounded by the age check).
/// </summary>
public sealed class InteractionVerifier(IOptionsMonitor<DiscordOptions> options, TimeProvider clock)
{
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private (string Hex, PublicKey Key)? cachedKey;

    public InteractionVerdict Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        var settings = options.CurrentValue.Interactions;
        if (Key(settings.PublicKey) is not { } key)
        {
            return InteractionVerdict.Off;
        }

        if (signatureHex is not { Length: 128 } || !TryHex(signatureHex, out var signature) || string.IsNullOrEmpty(timestamp) || timestamp.Length > 20)
        {
            return InteractionVerdict.BadSignature;
        }

        var signed = new byte[Encoding.UTF8.GetByteCount(timestamp) + body.Length];
        var prefix = Encoding.UTF8.GetBytes(timestamp, signed);
        body.CopyTo(signed.AsSpan(prefix));
        if (!Ed25519.Verify(key, signed, signature))
        {
            return InteractionVerdict.BadSignature;
        }

        var now = clock.GetUtcNow();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > settings.MaxAge)
        {
            return InteractionVerdict.Stale;
        }

        Forget(now - settings.MaxAge - settings.MaxAge);
        return seen.TryAdd(signatureHex.ToLowerInvariant(), now) ? InteractionVerdict.Valid : InteractionVerdict.Replayed;
    }

    /// <summary>Signatures older than twice the age limit can never verify as fresh again; keeping them would only grow memory.</summary>
    private void Forget(DateTimeOffset before)
    {
        foreach (var (signature, at) in seen)
        {
            if (at < before)
            {
                seen.TryRemove(signature, out _);
            }
        }
    }

    private PublicKey? Key(string? hex)
    {
        if (string.IsNullOrWhiteSpace(hex))
        {
            return null;
        }

        if (cachedKey is { } cached && cached.Hex == hex)
        {
            return cached.Key;
        }

        if (!TryHex(hex, out var raw) || !PublicKey.TryImport(Ed25519, raw, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            return null;
        }

        cachedKey = (hex, key);
        return key;
    }

    private static bool TryHex(string hex, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
