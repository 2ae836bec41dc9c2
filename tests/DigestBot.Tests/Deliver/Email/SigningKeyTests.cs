using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DigestBot.Deliver.Email;
using DigestBot.Hosting;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Store;
using DigestBot.Tests.Reliability;
using DigestBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Deliver.Email;

/// <summary>
/// Without Web:SigningKey, every node of an installation signs with one key kept in the store: nodes here are real
/// hosts, each with a content root of its own (as separate machines or fresh containers have), on one database.
/// </summary>
public sealed class SigningKeyTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Reader = "reader@example.org";

    [SkippableFact]
    public async Task Link_signedByOneNode_isAcceptedByTheOther()
    {
        Skip.If(postgres.Server is null, PostgresServer.MissingMessage);
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        await using var one = Node(connectionString);
        await using var two = Node(connectionString);
        await Task.WhenAll(one.StartAsync(HostMode.Worker), two.StartAsync(HostMode.Worker));
        using var http = new HttpClient();

        using var preferences = await http.GetAsync(On(two, one.Get<LinkSigner>().Link("preferences", LinkSigner.Preferences, Reader)));
        using var unsubscribed = await http.PostAsync(On(one, two.Get<LinkSigner>().Link("unsubscribe", LinkSigner.Unsubscribe, Reader)),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, preferences.StatusCode);
        Assert.Contains(Reader, await preferences.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await one.Get<SubscriberStore>().FindAsync(Reader))!.Status);
        Assert.False(File.Exists(Path.Combine(one.Root, "data", "signing.key")));
    }

    [SkippableFact]
    public async Task StartAsync_threeNodesAtOnce_endWithOneKey()
    {
        Skip.If(postgres.Server is null, PostgresServer.MissingMessage);
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        var nodes = Enumerable.Range(0, 3).Select(_ => Node(connectionString)).ToList();
        try
        {
            await Task.WhenAll(nodes.Select(n => n.StartAsync()));

            var tokens = nodes.Select(n => n.Get<LinkSigner>().Sign(LinkSigner.Unsubscribe, Reader)).ToList();
            var probe = new StoreProbe(new StorageOptions { Provider = StorageProvider.Postgres, PostgresConnectionString = connectionString }, nodes[0].Root);

            Assert.Single(tokens.Distinct(StringComparer.Ordinal));
            Assert.Equal(1, await probe.ScalarAsync("SELECT COUNT(*) FROM installation_settings"));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task StartAsync_keyFileOfAnEarlierVersion_keepsSigningWithItAfterTheFileIsGone()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var expected = Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{LinkSigner.Unsubscribe}\n{Reader}")));
        await using var app = TestApp.Create(c => c["Web"]!.AsObject().Remove("SigningKey"));
        var file = Path.Combine(app.Root, "data", "signing.key");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, Convert.ToBase64String(key) + "\n");

        await app.StartAsync();
        var before = app.Get<LinkSigner>().Sign(LinkSigner.Unsubscribe, Reader);
        File.Delete(file);
        var restarted = DigestBotHost.Build([], HostMode.Command, b => b.Logging.ClearProviders(), app.Root);
        string after;
        try
        {
            await restarted.Services.GetRequiredService<DigestBotStartup>().InitializeAsync();
            after = restarted.Services.GetRequiredService<LinkSigner>().Sign(LinkSigner.Unsubscribe, Reader);
        }
        finally
        {
            await restarted.DisposeAsync();
        }

        Assert.Equal(expected, before);
        Assert.Equal(expected, after);
    }

    [Fact]
    public async Task StartAsync_damagedKeyFile_stopsWithTheFileNamed()
    {
        await using var app = TestApp.Create(c => c["Web"]!.AsObject().Remove("SigningKey"));
        var file = Path.Combine(app.Root, "data", "signing.key");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "not base64 at all!");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A node of a PostgreSQL installation with no configured key and one subscriber.</summary>
    private static TestApp Node(string connectionString) => TestApp.Create(c =>
    {
        c["Storage"] = new JsonObject { ["Provider"] = "Postgres", ["PostgresConnectionString"] = connectionString };
        c["Web"]!.AsObject().Remove("SigningKey");
        c["Email"]!["Subscribers"] = new JsonArray(new JsonObject { ["Email"] = Reader });
    });

    /// <summary>The signed link as the node listening on a local port serves it (emails carry the public base URL).</summary>
    private static Uri On(TestApp node, string link) => new(new Uri(node.Urls.First()), new Uri(link).PathAndQuery);
}
