using System.Runtime.CompilerServices;
using DigestBot.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;

namespace DigestBot.Deliver.Email.Dkim;

/// <summary>
/// Signs each outgoing email with DKIM (RFC 6376; relaxed/relaxed, rsa-sha256, and ed25519-sha256 (RFC 8463) as a second
/// signature when configured) once its last header is set, so the signature covers the recipient's own To,
/// Message-ID and List-Unsubscribe. A message is signed once: a retry resends the same bytes.
/// </summary>
public sealed partial class DkimSigning : IDisposable
{
    /// <summary>The headers signed when present. Content-Type is the body's; MIME-Version is added before signing when missing.</summary>
    private static readonly string[] Candidates =
    [
        "From", "To", "Subject", "Date", "Message-ID", "Reply-To", "List-Id", "List-Unsubscribe", "List-Unsubscribe-Post",
        "MIME-Version", "Content-Type",
    ];

    // Set once, by the constructor (through UseKeys).
    private PlatformRsaDkimSigner? rsa;
    private DkimSigner? ed25519;

    public DkimSigning(IOptions<DkimOptions> options, IHostEnvironment environment, ILogger<DkimSigning> logger)
    {
        var dkim = options.Value;
        if (dkim.Enabled)
        {
            UseKeys(dkim, environment, logger);
        }
    }

    // Read instead of the signer fields where nothing is signed: reading those loads the signers' types, and with them
    // BouncyCastle.
    public bool Enabled { get; private set; }

    /// <summary>The DNS TXT records receivers look the public keys up in.</summary>
    public List<DkimRecord> Records { get; } = [];

    /// <summary>A key path as configured: relative paths are read from the content root.</summary>
    public static string KeyPath(string configured, IHostEnvironment environment) => Path.GetFullPath(configured, environment.ContentRootPath);

    /// <summary>Adds the DKIM-Signature header(s). Call after the last change to the message's headers and body.</summary>
    public void Sign(MimeMessage message)
    {
        if (rsa is null)
        {
            return;
        }

        if (!message.Headers.Contains(HeaderId.MimeVersion))
        {
            // MimeKit writes one when it is missing; it is signed only if it is there now.
            message.MimeVersion = new Version(1, 0);
        }

        // The bytes signed must be the bytes sent: the same encoding constraint and header format as the transports use
        // (UTF-8 headers only where an address needs SMTPUTF8, as MailKit and the outbox decide).
        message.Prepare(EncodingConstraint.SevenBit);
        var format = FormatOptions.Default.Clone();
        format.International = message.From.Mailboxes.Concat(message.To.Mailboxes).Any(m => m.IsInternational);
        var headers = Candidates.Where(h => message.Headers.Contains(h) || (h == "Content-Type" && message.Body is not null)).ToArray();
        rsa.Sign(format, message, headers);
        ed25519?.Sign(format, message, headers);
    }

    public void Dispose()
    {
        if (Enabled)
        {
            DisposeKeys();
        }
    }

    // Out of line so that without DKIM the key parsers (BouncyCastle) are never loaded: compiling a method loads every
    // assembly it names. The settings were checked at start-up (DkimOptionsValidator): the files read and parsed then.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void UseKeys(DkimOptions dkim, IHostEnvironment environment, ILogger logger)
    {
        var pem = DkimKeys.ReadRsaPem(KeyPath(dkim.PrivateKeyFile!, environment));
        rsa = Relaxed(new PlatformRsaDkimSigner(pem, dkim.Domain!, dkim.Selector!));
        Enabled = true;
        Records.Add(new DkimRecord(dkim.Selector!, dkim.Domain!, DkimKeys.RsaRecord(pem)));
        if (dkim.Ed25519Enabled)
        {
            var key = DkimKeys.ReadEd25519(KeyPath(dkim.Ed25519PrivateKeyFile!, environment));
            ed25519 = Relaxed(new DkimSigner(key, dkim.Domain!, dkim.Ed25519Selector!, DkimSignatureAlgorithm.Ed25519Sha256));
            Records.Add(new DkimRecord(dkim.Ed25519Selector!, dkim.Domain!, DkimKeys.Ed25519Record(key)));
        }

        LogSigning(logger, dkim.Domain!, string.Join(", ", Records.Select(r => r.Selector)));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void DisposeKeys() => rsa?.Dispose();

    private static T Relaxed<T>(T signer)
        where T : DkimSigner
    {
        signer.HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed;
        signer.BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed;
        return signer;
    }

    [LoggerMessage(EventId = 1130, Level = LogLevel.Information, Message = "Emails are DKIM-signed for {Domain} with selector(s) {Selectors}")]
    private static partial void LogSigning(ILogger logger, string domain, string selectors);
}
