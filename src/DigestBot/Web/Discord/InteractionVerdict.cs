namespace DigestBot.Web.Discord;

public enum InteractionVerdict
{
    Valid,

    /// <summary>No public key is configured: the endpoint is off.</summary>
    Off,

    /// <summary>Missing or malformed headers, or a signature that does not verify against the public key.</summary>
    BadSignature,

    /// <summary>Signed too long ago, or too far in the future.</summary>
    Stale,

    /// <summary>The same signed request was already received.</summary>
    Replayed,
}
