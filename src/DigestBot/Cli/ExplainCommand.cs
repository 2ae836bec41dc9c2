using System.CommandLine;
using DigestBot.Options;
using DigestBot.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DigestBot.Cli;

internal static class ExplainCommand
{
    public static Command Create()
    {
        var digest = new Argument<string>("digest") { Description = "Id of the digest under Digests in appsettings.json." };
        var at = new Option<DateTimeOffset?>("--at")
        {
            Description = "Rank as of this time (e.g. 2026-11-25T07:00:00Z) instead of now, for reproducible scores.",
        };
        var command = new Command("explain", "Print each section's ranked candidates with what every signal adds to their score; sends nothing.") { digest, at };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(async app =>
        {
            var digestId = parse.GetRequiredValue(digest);
            CommandHost.RequireDigest(app, digestId);
            var catalog = app.Services.GetRequiredService<IOptionsMonitor<CatalogOptions>>().CurrentValue;
            var ranking = await app.Services.GetRequiredService<DigestBuilder>()
                .RankAsync(digestId, $"{digestId}@explain", parse.GetValue(at), cancellationToken);
            Console.Write(ExplainFormatter.Format(ranking, catalog));
            return 0;
        }, cancellationToken));
        return command;
    }
}
