using System.Text.Json.Nodes;
using DigestBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigestBot.Bench.Support;

/// <summary>
/// The real DigestBot application over a temporary content root: generated feeds (so an edition has a chosen size),
/// its own SQLite store, the shipped templates, SMTP pointed at a local sink.
/// </summary>
public sealed class BenchApp : IAsyncDisposable
{
    public const string DigestId = "bench";

    /// <summary>Digests of the same sections as <see cref="DigestId"/>, each with a sent history of its own: editions a worker sent before.</summary>
    public static string WarmUpDigestId(int edition) => $"bench-warm-up-{edition}";

    private BenchApp(string root, string databasePath, IHost app)
    {
        Root = root;
        DatabasePath = databasePath;
        App = app;
    }

    public string Root { get; }

    public string DatabasePath { get; }

    public IHost App { get; }

    /// <summary>Leave the content root in place when disposed (for a separate process to run in it).</summary>
    public bool KeepRoot { get; set; }

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Writes the configuration and feeds, builds the host, migrates the store and compiles the templates.</summary>
    /// <remarks>
    /// <paramref name="connections"/> is <c>Smtp:Connections</c>, the node's SMTP sessions; the
    /// <paramref name="parallelBatches"/> batches it holds at once all send through them. <paramref name="warmUpDigests"/>
    /// adds as many digests <see cref="WarmUpDigestId"/>. <paramref name="dkim"/> "rsa" signs every message with a 2048-bit
    /// RSA key generated here, "both" adds an Ed25519 signature; null signs nothing. <paramref name="localTime"/> delivers
    /// <see cref="DigestId"/> at each reader's local time (readers may choose their hour).
    /// </remarks>
    public static async Task<BenchApp> StartAsync(
        EditionShape shape, int smtpPort, int connections, int parallelBatches = 1, int warmUpDigests = 0, string? dkim = null,
        bool localTime = false, CancellationToken cancellationToken = default)
    {
        var root = Path.Combine(Path.GetTempPath(), "digestbot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var databasePath = Path.Combine(root, "data", "digestbot.db");
        var sections = new JsonObject();
        var sources = new JsonObject();
        for (var s = 0; s < shape.Sections; s++)
        {
            var id = $"section{s}";
            sections[id] = new JsonObject { ["Title"] = $"Section {s} News", ["TopN"] = shape.StoriesPerSection };
            var path = Path.Combine(root, "feeds", id + ".xml");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, SyntheticFeeds.Rss(id, shape.StoriesPerSection, DateTimeOffset.UtcNow), cancellationToken);
            sources[$"source{s}"] = new JsonObject { ["Url"] = path, ["Section"] = id, ["Name"] = $"Source {s} Wire" };
        }

        var digests = new JsonObject();
        foreach (var id in Enumerable.Range(1, warmUpDigests).Select(WarmUpDigestId).Append(DigestId))
        {
            digests[id] = new JsonObject
            {
                ["Title"] = "DigestBot Bench Daily", ["Cron"] = "0 0 7 * * ?", ["TimeZone"] = "UTC",
                ["Sections"] = new JsonArray(sections.Select(p => (JsonNode)p.Key).ToArray()), ["Email"] = true, ["Discord"] = new JsonArray(),
            };
        }

        var config = new JsonObject
        {
            ["Logging"] = new JsonObject { ["LogLevel"] = new JsonObject { ["Default"] = "Warning" } },
            ["Sections"] = sections,
            ["Sources"] = sources,
            ["Digests"] = digests,
            ["Smtp"] = new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = smtpPort, ["Security"] = "None", ["Connections"] = connections },
            ["FanOut"] = new JsonObject { ["ParallelBatches"] = parallelBatches },
            ["Email"] = new JsonObject
            {
                ["From"] = "digest@bench.example", ["FromName"] = "DigestBot Bench", ["PostalAddress"] = "1 Bench Street, Benchtown",
                ["TemplatesPath"] = Path.Combine(AppContext.BaseDirectory, "templates"), ["Subscribers"] = new JsonArray(),
            },
            ["Discord"] = new JsonObject { ["Destinations"] = new JsonObject() },
            ["Storage"] = new JsonObject { ["Provider"] = "Sqlite", ["SqlitePath"] = databasePath },
            ["Web"] = new JsonObject { ["Urls"] = "http://127.0.0.1:0", ["BaseUrl"] = "https://digest.bench.example/", ["SigningKey"] = "bench-signing-key" },
        };
        if (localTime)
        {
            digests[DigestId]!["Delivery"] = "LocalTime";
            digests[DigestId]!["AllowReaderHour"] = true;
        }

        if (dkim is not null)
        {
            config["Email"]!["Dkim"] = await BenchDkimKeys.WriteAsync(root, ed25519: dkim == "both", cancellationToken);
        }

        await File.WriteAllTextAsync(Path.Combine(root, "appsettings.json"), config.ToJsonString(), cancellationToken);

        var app = DigestBotHost.Build([], HostMode.Command, builder => builder.Logging.ClearProviders(), root);
        ConfigurationErrors.ValidateAll(app.Services);
        await app.Services.GetRequiredService<DigestBotStartup>().InitializeAsync(cancellationToken);
        return new BenchApp(root, databasePath, app);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (KeepRoot)
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
