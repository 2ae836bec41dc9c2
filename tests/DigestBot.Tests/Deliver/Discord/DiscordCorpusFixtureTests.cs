using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Deliver.Discord;

/// <summary>The fake Discord judged by real webhook bodies from ../shared/corpus/discord: it must accept every valid
/// example, and reject each one pushed over a documented limit, as Discord would.</summary>
public sealed class DiscordCorpusFixtureTests
{
    // Not execute-webhook bodies: a plain JSON sample and a Slack-compatible body for the /slack endpoint.
    private static readonly string[] NotWebhookBodies = ["json.json", "other__slack_formatting.json"];

    [SkippableFact]
    public async Task FakeServer_corpusWebhookBodies_acceptedAndOverLimitCopiesRejected()
    {
        Skip.If(TestPaths.CorpusRoot is null, TestPaths.CorpusMissingMessage);
        var files = Directory.GetFiles(Path.Combine(TestPaths.CorpusRoot!, "discord"), "*.json", SearchOption.AllDirectories)
            .Where(f => !NotWebhookBodies.Contains(Path.GetFileName(f)))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count >= 30, $"expected the corpus's webhook examples, found {files.Count}");
        await using var server = await FakeDiscordServer.StartAsync();
        server.BucketLimit = 1000;
        var webhook = server.CreateWebhook("corpus");
        using var http = new HttpClient();

        foreach (var file in files)
        {
            var body = JsonNode.Parse(FillPlaceholders(File.ReadAllText(file)))!.AsObject();

            var accepted = await PostAsync(http, webhook, body);
            Assert.True(accepted.StatusCode == HttpStatusCode.OK, $"{Path.GetFileName(file)}: {await accepted.Content.ReadAsStringAsync()}");

            var tooLong = (JsonObject)body.DeepClone();
            tooLong["content"] = new string('x', DiscordPayloadRules.Content + 1);
            var rejected = await PostAsync(http, webhook, tooLong);
            Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
            Assert.Contains("50035", await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task FakeServer_corpusEmbedExample_rejectedWhenAnEmbedLimitIsExceeded()
    {
        Skip.If(TestPaths.CorpusRoot is null, TestPaths.CorpusMissingMessage);
        var example = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.CorpusRoot!, "discord", "birdie0-webhooks-guide", "discord_webhook.json")))!.AsObject();
        await using var server = await FakeDiscordServer.StartAsync();
        server.BucketLimit = 1000;
        var webhook = server.CreateWebhook("corpus");
        using var http = new HttpClient();
        var mutations = new (string Name, Action<JsonObject> Apply)[]
        {
            ("title", b => b["embeds"]![0]!["title"] = new string('t', 257)),
            ("description", b => b["embeds"]![0]!["description"] = new string('d', 4097)),
            ("field value", b => b["embeds"]![0]!["fields"]![0]!["value"] = new string('v', 1025)),
            ("footer", b => b["embeds"]![0]!["footer"]!["text"] = new string('f', 2049)),
            ("11 embeds", b => b["embeds"] = new JsonArray(Enumerable.Range(0, 11).Select(i => (JsonNode)new JsonObject { ["title"] = $"e{i}" }).ToArray())),
            ("6001 characters", b => b["embeds"] = new JsonArray(Enumerable.Range(0, 2).Select(_ => (JsonNode)new JsonObject { ["description"] = new string('d', 3001) }).ToArray())),
            ("roles parsed and listed", b => b["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray("roles"), ["roles"] = new JsonArray("1") }),
        };

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, webhook, example)).StatusCode);
        foreach (var (name, apply) in mutations)
        {
            var body = (JsonObject)example.DeepClone();
            apply(body);
            Assert.True((await PostAsync(http, webhook, body)).StatusCode == HttpStatusCode.BadRequest, $"{name} was accepted");
        }
    }

    /// <summary>The service recipes are templates ("{{PostURL}}"): fill them the way the service would before sending.</summary>
    private static string FillPlaceholders(string json)
    {
        var urls = Regex.Replace(json, @"""url"":\s*""\{\{(\w+)\}\}""", @"""url"": ""https://example.org/$1""");
        return Regex.Replace(urls, @"\{\{(\w+)\}\}", "$1");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string webhook, JsonObject body) =>
        http.PostAsync(webhook + "?wait=true", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
}
