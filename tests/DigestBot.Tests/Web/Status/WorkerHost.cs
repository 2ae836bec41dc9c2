using System.Text.Json.Nodes;
using DigestBot.Hosting;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Web.Status;

/// <summary>Starts a <see cref="TestApp"/> as the real worker (Kestrel on 127.0.0.1, port 0; Quartz running).</summary>
internal static class WorkerHost
{
    public static async Task<TestApp> StartAsync(TestApp app, CapturingLoggerProvider? logs = null) =>
        await app.StartAsync(HostMode.Worker, builder =>
        {
            if (logs is not null)
            {
                builder.Logging.AddProvider(logs);
            }
        });

    public static Uri BaseAddress(TestApp app) => new(app.Urls.First().TrimEnd('/') + "/");

    public static async Task<JsonNode> StatusJsonAsync(TestApp app, HttpClient? client = null)
    {
        using var own = client is null ? new HttpClient() : null;
        var json = await (client ?? own!).GetStringAsync(new Uri(BaseAddress(app), "status.json"));
        return JsonNode.Parse(json)!;
    }

    public static JsonNode Digest(JsonNode status, string id) =>
        status["digests"]!.AsArray().Single(d => d!["id"]!.GetValue<string>() == id)!;
}
