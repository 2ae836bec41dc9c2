using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Store;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace DigestBot.Tests.Cli;

/// <summary>
/// <c>subscribers import|add|remove|list</c> run as the real executable over a <see cref="TestApp"/> root (sections space
/// and energy, digest daily); the store is prepared and read directly on the same SQLite file.
/// </summary>
public sealed class SubscribersCommandTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync()
    {
        app = TestApp.Create(c =>
        {
            c["Sections"]!["energy"] = new System.Text.Json.Nodes.JsonObject { ["Title"] = "Energy News", ["TopN"] = 3 };
            c["Digests"]!["daily"]!["Sections"] = new System.Text.Json.Nodes.JsonArray("space", "energy");
        });
        await new Migrator(Database(), NullLogger<Migrator>.Instance).MigrateAsync();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData(true, "1 added, 1 updated, 0 unchanged, 3 skipped as suppressed")]
    [InlineData(false, "1 added, 0 updated, 1 unchanged, 3 skipped as suppressed")]
    public async Task Import_overUnsubscribedBouncedAndRemoved_skipsThemAndCountsThem(bool update, string counts)
    {
        var store = Store();
        await store.UpsertAsync(Reader("unsub@example.org", SubscriberStatus.Unsubscribed));
        await store.UpsertAsync(Reader("bounced@example.org", SubscriberStatus.Bounced));
        await store.UpsertAsync(Reader("removed@example.org", SubscriberStatus.Active));
        await store.UpsertAsync(Reader("kept@example.org", SubscriberStatus.Pending));
        await store.RemoveAsync("removed@example.org");
        var csv = WriteCsv("email,name,status\nunsub@example.org,U,\nbounced@example.org,B,active\nremoved@example.org,R,\nkept@example.org,K,active\nnew@example.org,N,\n");

        var (exit, output) = await RunAsync(["subscribers", "import", csv, .. update ? new[] { "--update" } : []]);

        Assert.True(exit == 0, output);
        Assert.Contains(counts, output, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await store.FindAsync("unsub@example.org"))!.Status);
        Assert.Equal(SubscriberStatus.Bounced, (await store.FindAsync("bounced@example.org"))!.Status);
        Assert.Null(await store.FindAsync("removed@example.org"));
        Assert.Equal(update ? SubscriberStatus.Active : SubscriberStatus.Pending, (await store.FindAsync("kept@example.org"))!.Status);
        Assert.Equal(SubscriberStatus.Active, (await store.FindAsync("new@example.org"))!.Status);
    }

    [Fact]
    public async Task Add_removedOrUnsubscribedAddress_refusedNamingWhy()
    {
        var store = Store();
        await store.UpsertAsync(Reader("removed@example.org", SubscriberStatus.Active));
        await store.RemoveAsync("removed@example.org");
        await store.UpsertAsync(Reader("unsub@example.org", SubscriberStatus.Unsubscribed));

        var (removedExit, removedOutput) = await RunAsync(["subscribers", "add", "Removed@example.org"]);
        var (unsubExit, unsubOutput) = await RunAsync(["subscribers", "add", "unsub@example.org", "--status", "Active"]);

        Assert.Equal(1, removedExit);
        Assert.Contains("Refused: removed@example.org is suppressed (removed from the list while Active,", removedOutput, StringComparison.Ordinal);
        Assert.Contains("only the reader can subscribe again", removedOutput, StringComparison.Ordinal);
        Assert.Equal(1, unsubExit);
        Assert.Contains("Refused: unsub@example.org is Unsubscribed;", unsubOutput, StringComparison.Ordinal);
        Assert.Null(await store.FindAsync("removed@example.org"));
        Assert.Equal(SubscriberStatus.Unsubscribed, (await store.FindAsync("unsub@example.org"))!.Status);
    }

    [Fact]
    public async Task Add_unknownSectionDigestAndTimeZone_refusedListingValidOnes()
    {
        var (exit, output) = await RunAsync(
            ["subscribers", "add", "typo@example.org", "--sections", "space", "sport", "--digests", "weekly", "--time-zone", "Mars/Olympus_Mons"]);

        Assert.Equal(1, exit);
        Assert.Contains("unknown section 'sport'; valid sections: energy, space", output, StringComparison.Ordinal);
        Assert.Contains("unknown digest 'weekly'; valid digests: daily", output, StringComparison.Ordinal);
        Assert.Contains("'Mars/Olympus_Mons' is not an IANA time zone id", output, StringComparison.Ordinal);
        Assert.Null(await Store().FindAsync("typo@example.org"));
    }

    [Fact]
    public async Task Import_unknownSectionDigestOrTimeZone_rejectsThoseRowsNamingTheValue()
    {
        var csv = WriteCsv("email,sections,digests,time_zone\ngood@example.org,energy,daily,Europe/Paris\n" +
            "s@example.org,sport,,\nd@example.org,,weekly,\nz@example.org,,,Europe/Atlantis\n");

        var (exit, output) = await RunAsync(["subscribers", "import", csv]);

        Assert.Equal(1, exit);
        Assert.Contains("row 3: unknown section 'sport'; valid sections: energy, space", output, StringComparison.Ordinal);
        Assert.Contains("row 4: unknown digest 'weekly'; valid digests: daily", output, StringComparison.Ordinal);
        Assert.Contains("row 5: 'Europe/Atlantis' is not an IANA time zone id", output, StringComparison.Ordinal);
        Assert.Contains("1 added", output, StringComparison.Ordinal);
        Assert.Equal(["good@example.org"], await Store().StreamAsync().Select(s => s.Email).ToListAsync());
    }

    [Fact]
    public async Task Remove_readerSeededFromConfiguration_notBroughtBackAtStartUp()
    {
        app.AddSubscriber("seeded@example.org", "Seeded");

        var (removeExit, removeOutput) = await RunAsync(["subscribers", "remove", "seeded@example.org"]);
        var (listExit, listOutput) = await RunAsync(["subscribers", "list"]);

        Assert.True(removeExit == 0, removeOutput);
        Assert.Contains("Removed seeded@example.org", removeOutput, StringComparison.Ordinal);
        Assert.Equal(0, listExit);
        Assert.DoesNotContain("seeded@example.org", listOutput, StringComparison.Ordinal);
        Assert.Contains("0 subscribers", listOutput, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output)> RunAsync(string[] arguments)
    {
        await using var process = WorkerProcess.Start(app.Root, arguments);
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exit, process.Output);
    }

    private string WriteCsv(string text)
    {
        var path = Path.Combine(app.Root, "subscribers.csv");
        File.WriteAllText(path, text);
        return path;
    }

    private Database Database() => new(
        Microsoft.Extensions.Options.Options.Create(new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = Path.Combine(app.Root, "data", "digestbot.db") }),
        new HostingEnvironment { ContentRootPath = app.Root });

    private SubscriberStore Store() => new(Database(), TimeProvider.System);

    private static Subscriber Reader(string email, SubscriberStatus status) => new(email, null, [], [], status);
}
