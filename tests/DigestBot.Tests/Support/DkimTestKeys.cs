using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace DigestBot.Tests.Support;

/// <summary>DKIM keys made for a test: PEM files for Email:Dkim, and their public halves as DNS TXT records.</summary>
public sealed class DkimTestKeys
{
    public const string Domain = "digestbot.test";
    public const string RsaSelector = "rsa2026";
    public const string Ed25519Selector = "ed2026";

    private DkimTestKeys(string rsaPath, string ed25519Path, IReadOnlyDictionary<string, string> records)
    {
        RsaPath = rsaPath;
        Ed25519Path = ed25519Path;
        Records = records;
    }

    public string RsaPath { get; }

    public string Ed25519Path { get; }

    /// <summary>TXT record values by name (<c>selector._domainkey.domain</c>).</summary>
    public IReadOnlyDictionary<string, string> Records { get; }

    /// <summary>Writes an RSA key of <paramref name="rsaBits"/> and an Ed25519 key into <paramref name="folder"/>.</summary>
    public static DkimTestKeys Create(string folder, int rsaBits = 2048)
    {
        Directory.CreateDirectory(folder);
        using var rsa = RSA.Create(rsaBits);
        var rsaPath = Path.Combine(folder, "dkim-rsa.pem");
        File.WriteAllText(rsaPath, rsa.ExportRSAPrivateKeyPem());

        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var ed25519Path = Path.Combine(folder, "dkim-ed25519.pem");
        File.WriteAllText(ed25519Path, Pem("PRIVATE KEY", PrivateKeyInfoFactory.CreatePrivateKeyInfo(pair.Private).GetEncoded()));

        var records = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [$"{RsaSelector}._domainkey.{Domain}"] = "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo()),
            [$"{Ed25519Selector}._domainkey.{Domain}"] = "v=DKIM1; k=ed25519; p=" + Convert.ToBase64String(((Ed25519PublicKeyParameters)pair.Public).GetEncoded()),
        };
        return new DkimTestKeys(rsaPath, ed25519Path, records);
    }

    /// <summary>The Email:Dkim section signing with both keys.</summary>
    public System.Text.Json.Nodes.JsonObject Section(bool ed25519 = true)
    {
        var section = new System.Text.Json.Nodes.JsonObject { ["Domain"] = Domain, ["Selector"] = RsaSelector, ["PrivateKeyFile"] = RsaPath };
        if (ed25519)
        {
            section["Ed25519Selector"] = Ed25519Selector;
            section["Ed25519PrivateKeyFile"] = Ed25519Path;
        }

        return section;
    }

    public static string Pem(string label, byte[] der) =>
        $"-----BEGIN {label}-----\n{string.Join("\n", Convert.ToBase64String(der).Chunk(64).Select(c => new string(c)))}\n-----END {label}-----\n";
}
