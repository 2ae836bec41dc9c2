using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace DigestBot.Bench.Support;

/// <summary>DKIM keys generated for one bench run, written as PEM files, and the Email:Dkim section that uses them.</summary>
public static class BenchDkimKeys
{
    public static async Task<JsonObject> WriteAsync(string root, bool ed25519, CancellationToken cancellationToken = default)
    {
        using var rsa = RSA.Create(2048);
        var rsaPath = Path.Combine(root, "dkim-rsa.pem");
        await File.WriteAllTextAsync(rsaPath, rsa.ExportRSAPrivateKeyPem(), cancellationToken);
        var section = new JsonObject { ["Domain"] = "bench.example", ["Selector"] = "bench", ["PrivateKeyFile"] = rsaPath };
        if (ed25519)
        {
            var generator = new Ed25519KeyPairGenerator();
            generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
            var der = PrivateKeyInfoFactory.CreatePrivateKeyInfo(generator.GenerateKeyPair().Private).GetEncoded();
            var edPath = Path.Combine(root, "dkim-ed25519.pem");
            await File.WriteAllTextAsync(edPath, new string(PemEncoding.Write("PRIVATE KEY", der)), cancellationToken);
            section["Ed25519Selector"] = "bench-ed";
            section["Ed25519PrivateKeyFile"] = edPath;
        }

        return section;
    }
}
