using System.CommandLine;
using DigestBot.Pipeline;
using DigestBot.Store;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Cli;

internal static class SendNowCommand
{
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
            var clock = app.Services.GetRequiredService<TimeProvider>();
            var (digestId, slotTime) = (parse.GetRequiredValue(digest), parse.GetValue(slot) ?? clock.GetUtcNow());
            var progress = new SendProgress(app.Services.GetRequiredService<EditionContentStore>(), EditionStore.EditionIdFor(digestId, slotTime), Console.Error, TimeSpan.FromSeconds(2));
            EditionOutcome outcome;
            await using (progress.Start())
            {
                outcome = await app.Services.GetRequiredService<DigestPipeline>().RunAsync(digestId, slotTime, cancellationToken);
            }

            Console.WriteLine($"Edition {outcome.EditionId}: {outcome.Status}, {outcome.Digest?.ArticleCount ?? 0} articles");
            foreach (var delivery in outcome.Deliveries)
            {
                Console.WriteLine($"  {delivery.Channel}: {delivery.Sent} sent, {delivery.Failed} failed, {delivery.Skipped} skipped");
            }

            return outcome.Status is "interrupted" or "in-progress" ? 3 : outcome.Deliveries.Any(d => d.Failed > 0) ? 1 : 0;
        }, cancellationToken));
        return command;
    }
}
