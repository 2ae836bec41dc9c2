using System.Text.Json.Nodes;
using DigestBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Support;

/// <summary>
/// The real DigestBot application over a temporary content root: its own appsettings.json (written from
/// <see cref="Config"/>), its own SQLite file, the repository's templates.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private TestApp(string root, JsonObject config)
    {
        Root = root;
        Config = config;
    }

    public string Root { get; }

    public JsonObject Config { get; }

    public IHost? App { get; private set; }

    /// <summary>The addresses the worker listens on (<see cref="HostMode.Worker"/> only).</summary>
    public ICollection<string> Urls => (App as WebApplication)?.Urls ?? throw new InvalidOperationException("Only a started worker listens.");

    public IServiceProvider Services => App?.Services ?? throw new InvalidOperationException("Call StartAsync first.");

    /// <summary>A configuration with one section and one local feed file, no subscribers and no Discord.</summary>
    public static TestApp Create(Action<JsonObject>? edit = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "digestbot-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var config = new JsonObject
        {
            ["Logging"] = new JsonObject { ["LogLevel"] = new JsonObject { ["Default"] = "Warning" } },
            ["Sections"] = new JsonObject { ["space"] = new JsonObject { ["Title"] = "Space News", ["TopN"] = 5 } },
            ["Sources"] = new JsonObject(),
            ["Digests"] = new JsonObject
            {
                ["daily"] = new JsonObject
                {
                    ["Title"] = "Test Daily", ["Cron"] = "0 0 7 * * ?", ["TimeZone"] = "Europe/London",
                    ["Sections"] = new JsonArray("space"), ["Email"] = true, ["Discord"] = new JsonArray(),
                },
            },
            ["Smtp"] = new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = 25, ["Security"] = "None" },
            ["Email"] = new JsonObject
            {
                ["From"] = "digest@digestbot.test", ["FromName"] = "DigestBot Test", ["PostalAddress"] = "1 Test Street, Testville",
                ["TemplatesPath"] = Path.Combine(TestPaths.RepoRoot, "templates"), ["Subscribers"] = new JsonArray(),
            },
            ["Discord"] = new JsonObject { ["Destinations"] = new JsonObject() },
            ["Storage"] = new JsonObject { ["Provider"] = "Sqlite", ["SqlitePath"] = Path.Combine(root, "data", "digestbot.db") },
            ["Web"] = new JsonObject { ["Urls"] = "http://127.0.0.1:0", ["BaseUrl"] = "http://digestbot.test/", ["SigningKey"] = "test-signing-key" },
        };
        edit?.Invoke(config);
        var app = new TestApp(root, config);
        app.WriteConfig();
        return app;
    }

    public void WriteConfig() => File.WriteAllText(Path.Combine(Root, "appsettings.json"), Config.ToJsonString(new() { WriteIndented = true }));

    /// <summary>Writes a feed file under the content root and registers it as a source of <paramref name="section"/>.</summary>
    public string AddSource(string id, string section, string feedXml, double weight = 1.0)
    {
        var path = Path.Combine(Root, "feeds", id + ".xml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, feedXml);
        Config["Sources"]![id] = new JsonObject { ["Url"] = path, ["Section"] = section, ["Weight"] = weight };
        WriteConfig();
        return path;
    }

    /// <summary>Adds <paramref name="count"/> subscribers reader0@example.org, reader1@... (numbers in <paramref name="format"/>, e.g. D3) to a configuration being written.</summary>
    public static void AddReaders(JsonObject config, int count, string format = "")
    {
        var list = config["Email"]!["Subscribers"]!.AsArray();
        for (var i = 0; i < count; i++)
        {
            list.Add(new JsonObject { ["Email"] = $"reader{i.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}@example.org" });
        }
    }

    /// <summary>Adds the source "wire" (section "space") with one story published an hour before <paramref name="now"/>.</summary>
    public string AddWireStory(DateTimeOffset now) =>
        AddSource("wire", "space", TestFeeds.Rss("Wire", "https://wire.example.org/",
            new TestItem("Booster lands on drone ship", "https://wire.example.org/booster", now.AddHours(-1), "It landed.")));

    public void AddSubscriber(string email, string? name = null, params string[] sections)
    {
        Config["Email"]!["Subscribers"]!.AsArray().Add(new JsonObject
        {
            ["Email"] = email, ["Name"] = name, ["Sections"] = new JsonArray(sections.Select(s => (JsonNode)s).ToArray()),
        });
        WriteConfig();
    }

    /// <summary>Builds the application and prepares its store (like a CLI verb does).</summary>
    public async Task<TestApp> StartAsync(HostMode mode = HostMode.Command, Action<IHostApplicationBuilder>? configure = null)
    {
        App = DigestBotHost.Build([], mode, builder =>
        {
            builder.Logging.ClearProviders();
            configure?.Invoke(builder);
        }, Root);
        if (mode == HostMode.Worker)
        {
            await App.StartAsync();
        }
        else
        {
            ConfigurationErrors.ValidateAll(App.Services);
            await Services.GetRequiredService<DigestBotStartup>().InitializeAsync();
        }

        return this;
    }

    /// <summary>Makes the whole application, Quartz included, run on <paramref name="clock"/>.</summary>
    public static void UseClock(IHostApplicationBuilder builder, TimeProvider clock)
    {
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton(clock);
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            try
            {
                await App.StopAsync();
            }
            catch (OperationCanceledException)
            {
            }

            await App.DisposeAsync();
            App = null;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Already deleted (the app was stopped before the end of the test), or a file still open: temp space only.
        }
    }
}
