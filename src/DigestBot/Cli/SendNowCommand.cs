using System.CommandLine;
using DigestBot.Editions;
using DigestBot.Pipeline;
using DigestBot.Store;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Cli;

internal static class SendNowCommand
{
    /// <summary>The edition is not finished (stopped, or another node holds it); running the same slot again resumes it.</summary>
    private const int Unfinished = 3;

    public static Command Create()
    {
        var digest = new Argument<string>("digest") { Description = "Id of the digest under Digests in appsettings.json." };
        var slot = new Option<DateTimeOffset?>("--slot")
        {
            Description = "The scheduled time this edition stands for (ISO 8601). Running the same slot again resumes an unfinished edition and never sends a finished one twice.",
        };
        var command = new Command("send-now", "Run one digest immediately: fetch, rank, and send by email and Discord.") { digest, slot };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(async app =>
        {
            var digestId = parse.GetRequiredValue(digest);
            CommandHost.RequireDigest(app, digestId);
            var slotTime = parse.GetValue(slot) ?? app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var progress = new SendProgress(app.Services.GetRequiredService<EditionContentStore>(), EditionStore.EditionIdFor(digestId, slotTime), Console.Error, TimeSpan.FromSeconds(2));
            EditionOutcome outcome;
            await using (progress.Start())
            {
                outcome = await app.Services.GetRequiredService<DigestPipeline>().RunAsync(digestId, slotTime, cancellationToken);
            }

            foreach (var line in SendNowSummary.Lines(outcome))
            {
                Console.WriteLine(line);
            }

            return outcome.Status is EditionOutcomeStatus.Interrupted or EditionOutcomeStatus.InProgress ? Unfinished : outcome.Deliveries.Any(d => d.Failed > 0) ? ExitCodes.Failed : ExitCodes.Ok;
        }, cancellationToken, stoppedExitCode: Unfinished));
        return command;
    }
}
