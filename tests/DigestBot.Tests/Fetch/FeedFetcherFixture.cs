using System.Text;
using System.Text.Json.Nodes;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Fetch;

/// <summary>One feed server and one application (short timeouts, no retries, 256 KB cap) shared by the fetcher tests.</summary>
public sealed class FeedFetcherFixture : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public FeedServer Server { get; private set; } = null!;

    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Server = await FeedServer.StartAsync(TestFeeds.Rss("Рабочая лента", "https://wire.example.org/",
            new TestItem("Запуск ракеты перенесён", "https://wire.example.org/launch?utm_source=rss", Now.AddHours(-1), "Погода."),
            new TestItem("Second story", "https://wire.example.org/second", Now.AddHours(-2), "More.")));
        App = TestApp.Create(c => c["Fetch"] = new JsonObject
        {
            ["AttemptTimeoutSeconds"] = 2, ["TotalTimeoutSeconds"] = 3, ["Retries"] = 0, ["MaxFeedBytes"] = 256 * 1024,
        });
        await App.StartAsync();

        // The first request pays for JIT and connection set-up; keep that out of the timeout-sensitive tests.
        await App.Get<DigestBot.Fetch.FeedFetcher>().FetchAsync(new DigestBot.Fetch.FeedSource("warm-up", Server.At("feed.xml"), "space", null, 1.0));
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Server.DisposeAsync();
    }
}
