using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace DigestBot.Tests.Deliver.Email.Dkim;

/// <summary>MimeKit's DKIM key lookup answered from the test's records instead of DNS.</summary>
internal sealed class RecordLocator(IReadOnlyDictionary<string, string> records) : DkimPublicKeyLocatorBase
{
    public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
        GetPublicKey(records[$"{selector}._domainkey.{domain}"]);

    public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
        Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
}
