namespace DigestBot.Options;

/// <summary>
/// DKIM signing of every email (digests and confirmations), off unless <see cref="Domain"/>, <see cref="Selector"/> and
/// <see cref="PrivateKeyFile"/> are set. The keys are read and checked at start-up.
/// </summary>
public sealed class DkimOptions
{
    public const string SectionName = "Email:Dkim";

    /// <summary>The signing domain (<c>d=</c>); for DMARC it should be the domain of <c>Email:From</c> or a parent of it.</summary>
    public string? Domain { get; set; }

    /// <summary>The selector of the RSA key (<c>s=</c>): its public key is published at <c>&lt;selector&gt;._domainkey.&lt;domain&gt;</c>.</summary>
    public string? Selector { get; set; }

    /// <summary>PEM file of the RSA private key (PKCS#1 or PKCS#8, unencrypted, at least 1024 bits), relative to the content root.</summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>With <see cref="Ed25519PrivateKeyFile"/>: a second, ed25519-sha256 signature under this selector.</summary>
    public string? Ed25519Selector { get; set; }

    /// <summary>PEM file of the Ed25519 private key (PKCS#8, as <c>openssl genpkey -algorithm ed25519</c> writes it).</summary>
    public string? Ed25519PrivateKeyFile { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Domain) || !string.IsNullOrWhiteSpace(Selector) || !string.IsNullOrWhiteSpace(PrivateKeyFile);

    public bool Ed25519Enabled => !string.IsNullOrWhiteSpace(Ed25519Selector) || !string.IsNullOrWhiteSpace(Ed25519PrivateKeyFile);
}
