using DigestBot.Hosting;
using DigestBot.Store;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Web.Status;

public sealed class StatusSuppressionTests
{
    [Fact]
    public async Task Status_afterRemovingASeededReader_countsTheSuppressionAndSeedingDoesNotBringThemBack()
    {
        await using var app = TestApp.Create();
        app.AddSubscriber("seeded@example.org", "Seeded");
        app.AddSubscriber("other@example.org");
        await WorkerHost.StartAsync(app);
        var store = app.Get<SubscriberStore>();

        Assert.True(await store.RemoveAsync("seeded@example.org"));
        await app.Get<DigestBotStartup>().InitializeAsync();
        var status = await WorkerHost.StatusJsonAsync(app);
        using var client = new HttpClient();
        var html = await client.GetStringAsync(new Uri(WorkerHost.BaseAddress(app), "status"));

        Assert.Null(await store.FindAsync("seeded@example.org"));
        Assert.Equal(1, status["subscribers"]!["Active"]!.GetValue<int>());
        Assert.Equal(1, status["suppressedAddresses"]!.GetValue<int>());
        Assert.Contains("<p id=\"suppressed\">", html, StringComparison.Ordinal);
        Assert.Contains("<strong>1</strong></p>", html, StringComparison.Ordinal);
    }
}
