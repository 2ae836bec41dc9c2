using System.Security.Cryptography;
using System.Text;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace DigestBot.Deliver.Email.Dkim;

/// <summary>
/// MimeKit's <see cref="DkimSigner"/> (canonicalization, header list, the DKIM-Signature header) with the RSA signature
/// computed by <see cref="RsaSha256Signer"/>. Each sending thread signs with a key object of its own: the platform does
/// not promise that one <see cref="RSA"/> may sign on several threads at once.
/// </summary>
internal sealed class PlatformRsaDkimSigner : DkimSigner, IDisposable
{
    private readonly ThreadLocal<RSA> keys;

    public PlatformRsaDkimSigner(string pem, string domain, string selector)
        : base(new MemoryStream(Encoding.ASCII.GetBytes(pem)), domain, selector, DkimSignatureAlgorithm.RsaSha256)
    {
        keys = new ThreadLocal<RSA>(() =>
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return rsa;
        }, trackAllValues: true);
    }

    protected override ISigner CreateSigningContext() => new RsaSha256Signer(keys.Value!);

    public void Dispose()
    {
        foreach (var key in keys.Values)
        {
            key.Dispose();
        }

        keys.Dispose();
    }
}
