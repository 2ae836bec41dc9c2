using System.Net;
using System.Text.Json.Nodes;
using DigestBot.Options;
using DigestBot.Tests.Fetch;
using DigestBot.Tests.Reliability;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Pipeline;

/// <summary>
/// PostgreSQL as the only store, driven the way an operator drives it: the worker process on its schedule (with an http
/// feed fetched again under conditional GET, and the status page), and the <c>send-now</c>, <c>subscribers list</c> and
/// <c>discord-status</c> verbs as processes of their own.
/// </summary>
public sealed class PostgresEndToEndTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private const int Readers = 5;
    private MailAndDiscordPeers peers = null!;

    public async Task InitializeAsync() => peers = await MailAndDiscordPeers.StartAsync();

    public async Task DisposeAsync() => await peers.DisposeAsync();

    [SkippableFact]
    public async Task Run_workerOnPostgres_sendsRefetchesWithValidatorsAndReportsStatus()
    {
        var connectionString = await DatabaseAsync();
        var now = DateTimeOffset.UtcNow;
        await using var feeds = await FeedServer.StartAsync(TestFeeds.Rss("Wire", "https://wire.example.org/",
            new TestItem("Booster lands on drone ship", "https://wire.example.org/booster", now.AddHours(-1), "It landed.")));
        using var reservation = PortReservation.Take();
        var port = reservation.Port;
        await using var app = CreateApp(connectionString, c =>
        {
            c["Digests"]!["daily"]!["Cron"] = "*/3 * * * * ?";
            c["Web"]!["Urls"] = $"http://127.0.0.1:{port}";
            c["Sources"]!["wire"] = new JsonObject { ["Url"] = feeds.At("validated").AbsoluteUri, ["Section"] = "space" };
        });
        var probe = Probe(connectionString, app);

        await using var worker = WorkerProcess.Start(app.Root, "run");
        await reservation.ReleaseWhenListeningAsync(TimeSpan.FromSeconds(60), () => worker.HasExited ? worker.Output : null);
        // One slot sends the story; a later one fetches the feed again (304) and finds nothing new.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (await SafeScalarAsync(probe, "SELECT COUNT(*) FROM editions WHERE status = 'sent'") < 1
               || await SafeScalarAsync(probe, "SELECT COUNT(*) FROM editions WHERE status = 'empty'") < 1)
        {
            Assert.False(worker.HasExited, worker.Output);
            Assert.True(DateTime.UtcNow < deadline, worker.Output);
            await Task.Delay(200);
        }

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        using var json = await http.GetAsync("status.json");
        using var html = await http.GetAsync("status");
        var jsonBody = await json.Content.ReadAsStringAsync();
        var htmlBody = await html.Content.ReadAsStringAsync();
        Assert.Equal(0, await worker.TerminateAsync(TimeSpan.FromSeconds(30)));

        Assert.True(json.StatusCode == HttpStatusCode.OK, $"{json.StatusCode}: {jsonBody}\n{worker.Output}");
        Assert.True(html.StatusCode == HttpStatusCode.OK, $"{html.StatusCode}: {htmlBody}");
        var status = JsonNode.Parse(jsonBody)!;
        var sent = status["digests"]!.AsArray().Single(d => d!["id"]!.GetValue<string>() == "daily")!["editions"]!.AsArray()
            .Single(e => e!["status"]!.GetValue<string>() == "sent")!;
        Assert.Equal((1, Readers, 0, 1), (sent["articles"]!.GetValue<int>(), sent["emailsSent"]!.GetValue<int>(),
            sent["emailsFailed"]!.GetValue<int>(), sent["discordPosts"]!.GetValue<int>()));
        var wire = status["sources"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == "wire")!;
        Assert.Equal(("ok", 1), (wire["state"]!.GetValue<string>(), wire["items"]!.GetValue<int>()));
        Assert.Null(wire["lastError"]);
        Assert.Equal(Readers, status["subscribers"]!["Active"]!.GetValue<int>());
        Assert.Equal(1, status["discordDestinations"]!.AsArray().Single(d => d!["name"]!.GetValue<string>() == "community")!["posts"]!.GetValue<int>());
        Assert.Contains(sent["id"]!.GetValue<string>(), htmlBody, StringComparison.Ordinal);
        Assert.Contains("<td class=\"ok\">ok</td>", htmlBody, StringComparison.Ordinal);

        var fetches = feeds.Requests.Where(r => r.Path == "/validated").Select(r => r.Headers).ToList();
        Assert.True(fetches.Count >= 2, $"{fetches.Count} fetches");
        Assert.DoesNotContain("If-None-Match", fetches[0].Keys);
        Assert.All(fetches.Skip(1), h => Assert.Equal((FeedServer.ETag, FeedServer.LastModified), (h["If-None-Match"], h["If-Modified-Since"])));
        var recipients = peers.Sink!.Messages().SelectMany(m => m.Recipients).ToList();
        Assert.Equal(Readers, recipients.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(Readers, recipients.Count);
    }

    [SkippableFact]
    public async Task SendNowAndListings_onPostgres_sendOnceAndReadBackWhatWasRecorded()
    {
        var connectionString = await DatabaseAsync();
        await using var app = CreateApp(connectionString, c =>
            c["Discord"]!["Destinations"]!["gone"] = new JsonObject { ["WebhookUrl"] = peers.Discord!.UnknownWebhook() });
        app.Config["Digests"]!["daily"]!["Discord"]!.AsArray().Add("gone");
        app.WriteConfig();
        app.AddWireStory(DateTimeOffset.UtcNow);

        var sent = await RunAsync(app, "send-now", "daily");
        var again = await RunAsync(app, "send-now", "daily");
        var listed = await RunAsync(app, "subscribers", "list");
        var discord = await RunAsync(app, "discord-status");

        Assert.True(sent.Code == 1, sent.Output);
        Assert.Contains("email: 5 emails sent, 0 failed", sent.Output, StringComparison.Ordinal);
        Assert.True(again.Code == 0, again.Output);
        Assert.Contains(": empty, 0 articles", again.Output, StringComparison.Ordinal);
        var recipients = peers.Sink!.Messages().SelectMany(m => m.Recipients).ToList();
        Assert.Equal(Readers, recipients.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(Readers, recipients.Count);
        Assert.Single(peers.Discord!.Messages);

        Assert.True(listed.Code == 0, listed.Output);
        Assert.All(Enumerable.Range(0, Readers), i => Assert.Contains($"reader{i}@example.org\tActive", listed.Output, StringComparison.Ordinal));
        Assert.Contains($"{Readers} subscribers", listed.Output, StringComparison.Ordinal);

        Assert.True(discord.Code == 1, discord.Output);
        Assert.Contains("community: active", discord.Output, StringComparison.Ordinal);
        Assert.Contains("gone: DISABLED since", discord.Output, StringComparison.Ordinal);
        Assert.Contains(": 404 ", discord.Output, StringComparison.Ordinal);
    }

    private async Task<string> DatabaseAsync()
    {
        Skip.If(postgres.Server is null, PostgresServer.MissingMessage);
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        return await postgres.Server.CreateDatabaseAsync();
    }

    private TestApp CreateApp(string connectionString, Action<JsonObject> edit) => TestApp.Create(c =>
    {
        c["Storage"] = new JsonObject { ["Provider"] = "Postgres", ["PostgresConnectionString"] = connectionString };
        c["Smtp"]!["Port"] = peers.Sink!.Port;
        c["Digests"]!["daily"]!["Discord"] = new JsonArray("community");
        c["Discord"]!["Destinations"]!["community"] = new JsonObject { ["WebhookUrl"] = peers.Discord!.CreateWebhook("community") };
        TestApp.AddReaders(c, Readers);
        edit(c);
    });

    private static StoreProbe Probe(string connectionString, TestApp app) =>
        new(new StorageOptions { Provider = StorageProvider.Postgres, PostgresConnectionString = connectionString }, app.Root);

    private static async Task<(int Code, string Output)> RunAsync(TestApp app, params string[] arguments)
    {
        await using var process = WorkerProcess.Start(app.Root, arguments);
        var code = await process.WaitForExitAsync(TimeSpan.FromSeconds(120));
        return (code, process.Output);
    }

    private static async Task<long> SafeScalarAsync(StoreProbe probe, string sql)
    {
        try
        {
            return await probe.ScalarAsync(sql);
        }
        catch (Npgsql.PostgresException)
        {
            return 0; // the worker has not migrated the database yet
        }
    }
}
