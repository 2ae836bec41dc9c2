using DigestBot.Store;

namespace DigestBot.Cli;

/// <summary>
/// Prints how far a long send has got (from the delivery ledgers, so it also counts what other nodes send) while it runs:
/// a line whenever the counts change, at most once per interval.
/// </summary>
internal sealed class SendProgress(EditionContentStore contents, string editionId, TextWriter output, TimeSpan interval) : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private Task? loop;
    private EditionTotals last = EditionTotals.None;

    public SendProgress Start()
    {
        loop = RunAsync(stop.Token);
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (loop is not null)
        {
            await loop;
        }

        stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var totals = await contents.TotalsAsync(editionId, cancellationToken);
                if (totals != last)
                {
                    last = totals;
                    await output.WriteLineAsync($"  {editionId}: {Plural.Of(totals.EmailsSent, "email")} sent, {totals.EmailsFailed} failed, {Plural.Of(totals.DiscordPosts, "Discord post")} so far");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The send finished; the command prints the final counts itself.
        }
    }
}
