using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;

namespace DigestBot.Deliver.Email.Dkim;

/// <summary>
/// MimeKit's signing context for rsa-sha256, backed by the platform's RSA (OpenSSL on Linux) instead of BouncyCastle's
/// managed one: a 2048-bit signature took 9.4 CPU-ms with BouncyCastle against 0.5 with OpenSSL, and the fan-out signs
/// every message.
/// </summary>
internal sealed class RsaSha256Signer(RSA key) : ISigner
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public string AlgorithmName => "SHA-256withRSA";

    public void Init(bool forSigning, ICipherParameters parameters)
    {
        if (!forSigning)
        {
            throw new NotSupportedException("This context only signs.");
        }

        Reset();
    }

    public void Update(byte input) => hash.AppendData([input]);

    public void BlockUpdate(byte[] input, int inOff, int inLen) => hash.AppendData(input, inOff, inLen);

    public void BlockUpdate(ReadOnlySpan<byte> input) => hash.AppendData(input);

    public int GetMaxSignatureSize() => key.KeySize / 8;

    public byte[] GenerateSignature()
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        hash.GetHashAndReset(digest);
        return key.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public bool VerifySignature(byte[] signature) => throw new NotSupportedException("This context only signs.");

    public void Reset() => hash.GetHashAndReset();
}
