using DigestBot.Feedback;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Store;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Hosting.Internal;

namespace DigestBot.Tests.Cli;

/// <summary>
/// <c>subscribers list --status bounced|complained</c> and <c>subscribers unsuppress</c> as the real executable; the
/// bounces and complaints are applied through the host's own <see cref="IFeedbackSink"/> on the same SQLite file.
/// </summary>
public sealed class SubscribersUnsuppressTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync()
    {
        app = await TestApp.Create().StartAsync();
        var store = app.Get<SubscriberStore>();
        foreach (var email in new[] { "bounced@example.org", "spam@example.org", "left@example.org", "fine@example.org" })
        {
            await store.UpsertAsync(new Subscriber(email, null, [], [], SubscriberStatus.Active));
        }

        await store.SetStatusAsync("left@example.org", SubscriberStatus.Unsubscribed);
        var sink = app.Get<IFeedbackSink>();
        Assert.Equal(FeedbackOutcome.Applied, await sink.ApplyAsync(new FeedbackReport(FeedbackKind.HardBounce, "imap") { Recipient = "bounced@example.org", Status = "5.1.1" }));
        Assert.Equal(FeedbackOutcome.Applied, await sink.ApplyAsync(new FeedbackReport(FeedbackKind.Complaint, "imap") { Recipient = "spam@example.org" }));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task List_bouncedAndComplained_showTheSuppressionsReasonAndDate()
    {
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var (bouncedExit, bounced) = await RunAsync(["subscribers", "list", "--status", "bounced"]);
        var (complainedExit, complained) = await RunAsync(["subscribers", "list", "--status", "complained"]);

        Assert.Equal((0, 0), (bouncedExit, complainedExit));
        Assert.Contains($"bounced@example.org\tBounced\t\t(all sections)\t\tbounced: 5.1.1 (imap)\t{today}", bounced, StringComparison.Ordinal);
        Assert.Contains("1 subscribers", bounced, StringComparison.Ordinal);
        Assert.Contains($"spam@example.org\tComplained\t\t(all sections)\t\tcomplained: marked a digest as spam (imap)\t{today}", complained, StringComparison.Ordinal);
        Assert.DoesNotContain("fine@example.org", bounced + complained, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsuppress_bouncedReader_isActiveAgainWithTheReasonRecorded()
    {
        var (exit, output) = await RunAsync(["subscribers", "unsuppress", "Bounced@example.org", "--reason", "mailbox restored, checked with the reader"]);

        Assert.True(exit == 0, output);
        Assert.Contains("Lifted the bounce of bounced@example.org: Active again", output, StringComparison.Ordinal);
        var reader = await Store().FindAsync("bounced@example.org");
        Assert.Equal((SubscriberStatus.Active, 0), (reader!.Status, reader.Bounces));
        Assert.Null(await new SuppressionStore(Database()).FindAsync("bounced@example.org"));
        Assert.Contains(await new FeedbackEvents(Database(), TimeProvider.System).ForAsync("bounced@example.org"),
            e => e.Kind == FeedbackEvents.Lifted && e.Detail == "mailbox restored, checked with the reader");
    }

    [Theory]
    [InlineData("spam@example.org", "Refused: spam@example.org is Complained: that is the reader's own word", SubscriberStatus.Complained)]
    [InlineData("left@example.org", "Refused: left@example.org is Unsubscribed: that is the reader's own word", SubscriberStatus.Unsubscribed)]
    [InlineData("fine@example.org", "Refused: fine@example.org is Active, not Bounced", SubscriberStatus.Active)]
    public async Task Unsuppress_notABounce_refusedWithExit2AndNothingChanges(string email, string message, SubscriberStatus kept)
    {
        var (exit, output) = await RunAsync(["subscribers", "unsuppress", email, "--reason", "please"]);

        Assert.Equal(2, exit);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.Equal(kept, (await Store().FindAsync(email))!.Status);
        Assert.Equal(kept == SubscriberStatus.Complained, await new SuppressionStore(Database()).FindAsync(email) is not null);
    }

    private async Task<(int Exit, string Output)> RunAsync(string[] arguments)
    {
        await using var process = WorkerProcess.Start(app.Root, arguments);
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exit, process.Output);
    }

    private Database Database() => new(
        Microsoft.Extensions.Options.Options.Create(new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = Path.Combine(app.Root, "data", "digestbot.db") }),
        new HostingEnvironment { ContentRootPath = app.Root });

    private SubscriberStore Store() => new(Database(), TimeProvider.System);
}
