using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;

namespace DigestBot.Deliver.Email.Dkim;

/// <summary>Reads the DKIM private keys from PEM files and gives the public halves as DNS TXT record values.</summary>
internal static class DkimKeys
{
    /// <summary>RFC 8301: verifiers must refuse RSA keys shorter than 1024 bits.</summary>
    public const int MinRsaBits = 1024;

    /// <summary>The PEM text of an RSA private key of at least <see cref="MinRsaBits"/> bits.</summary>
    public static string ReadRsaPem(string path)
    {
        var pem = Read(path);
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            throw new DkimKeyException($"'{path}' holds no unencrypted PEM RSA private key ({ex.Message.TrimEnd('.')}).", ex);
        }

        if (rsa.KeySize < MinRsaBits)
        {
            throw new DkimKeyException($"'{path}' is a {rsa.KeySize}-bit RSA key; receivers refuse keys under {MinRsaBits} bits (2048 is usual).");
        }

        // A public key imports too; signing with it fails only when the first message goes out.
        try
        {
            rsa.ExportParameters(includePrivateParameters: true);
        }
        catch (CryptographicException ex)
        {
            throw new DkimKeyException($"'{path}' holds an RSA public key; the private key is needed to sign.", ex);
        }

        return pem;
    }

    public static Ed25519PrivateKeyParameters ReadEd25519(string path)
    {
        object? read;
        try
        {
            using var reader = new StringReader(Read(path));
            read = new PemReader(reader).ReadObject();
        }
        catch (Exception ex) when (ex is IOException or PemException or ArgumentException or InvalidCastException)
        {
            throw new DkimKeyException($"'{path}' is not a readable PEM file ({ex.Message.TrimEnd('.')}).", ex);
        }

        return (read is AsymmetricCipherKeyPair pair ? pair.Private : read) as Ed25519PrivateKeyParameters
            ?? throw new DkimKeyException($"'{path}' holds no unencrypted PEM Ed25519 private key (found {Describe(read)}).");
    }

    /// <summary>The TXT record value to publish at <c>selector._domainkey.domain</c> for an RSA key (RFC 6376, 3.6.1).</summary>
    public static string RsaRecord(string pem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
    }

    /// <summary>The TXT record value for an Ed25519 key: the raw 32-byte public key (RFC 8463, 4).</summary>
    public static string Ed25519Record(Ed25519PrivateKeyParameters key) =>
        "v=DKIM1; k=ed25519; p=" + Convert.ToBase64String(key.GeneratePublicKey().GetEncoded());

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DkimKeyException($"cannot read '{path}': {ex.Message}", ex);
        }
    }

    private static string Describe(object? read) => read switch
    {
        null => "nothing",
        AsymmetricCipherKeyPair pair => pair.Private.GetType().Name.Replace("PrivateKeyParameters", " private key", StringComparison.Ordinal),
        AsymmetricKeyParameter { IsPrivate: false } key => key.GetType().Name.Replace("Parameters", "", StringComparison.Ordinal) + " (a public key)",
        _ => read.GetType().Name,
    };
}
