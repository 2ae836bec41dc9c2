using DigestBot.Cli;
using DigestBot.Store;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Cli;

public sealed class SendProgressTests
{
    [Fact]
    public async Task Start_whileMessagesAreRecorded_printsTheRunningCounts()
    {
        await using var app = TestApp.Create();
        await app.StartAsync();
        using var output = new StringWriter();
        var progress = new SendProgress(app.Get<EditionContentStore>(), "daily@x", TextWriter.Synchronized(output), TimeSpan.FromMilliseconds(50));

        await using (progress.Start())
        {
            await app.Get<DiscordLedger>().RecordAsync("daily@x", "community", 0, "1");
            await app.Get<DiscordLedger>().RecordAsync("daily@x", "community", 1, "2");
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!output.ToString().Contains("2 Discord posts", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }

        Assert.Contains("daily@x: 0 emails sent, 0 failed, 2 Discord posts so far", output.ToString(), StringComparison.Ordinal);
    }
}
