using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NSec.Cryptography;

namespace DigestBot.Tests.Support;

/// <summary>Sends interactions the way Discord does: a key pair of its own, each request signed (Ed25519 over the
/// timestamp followed by the raw body) with X-Signature-Ed25519 and X-Signature-Timestamp.</summary>
public sealed class InteractionSigner : IDisposable
{
    private readonly Key key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string PublicKeyHex => Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public static JsonObject Command(string applicationId, string token, string userId, string subcommand, params (string Name, string Value)[] options) => new()
    {
        ["id"] = "1200000000000000001", ["application_id"] = applicationId, ["type"] = 2, ["token"] = token, ["version"] = 1,
        ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = userId, ["username"] = "member" } },
        ["data"] = new JsonObject
        {
            ["id"] = "1", ["name"] = "digest", ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject
            {
                ["type"] = 1, ["name"] = subcommand,
                ["options"] = new JsonArray(options.Select(o => (JsonNode)new JsonObject { ["type"] = 3, ["name"] = o.Name, ["value"] = o.Value }).ToArray()),
            }),
        },
    };

    /// <summary>The headers Discord would send with <paramref name="interaction"/> signed at <paramref name="at"/>.</summary>
    public (string Signature, string Timestamp) Sign(JsonObject interaction, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return (Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + interaction.ToJsonString()))), timestamp);
    }

    /// <param name="signedAt">The timestamp to sign (now when null).</param>
    /// <param name="tamper">Changes the body after signing.</param>
    public async Task<(HttpResponseMessage Response, string Body, TimeSpan Elapsed)> SendAsync(
        Uri endpoint, JsonObject interaction, DateTimeOffset? signedAt = null, bool tamper = false, (string Signature, string Timestamp)? headers = null)
    {
        var body = interaction.ToJsonString();
        var timestamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body)));
        if (headers is { } given)
        {
            (signature, timestamp) = given;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(tamper ? body + " " : body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Signature-Ed25519", signature);
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        var watch = Stopwatch.StartNew();
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text, watch.Elapsed);
    }

    public void Dispose()
    {
        key.Dispose();
        http.Dispose();
    }
}
