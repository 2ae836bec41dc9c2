using System.CommandLine;
using System.Globalization;
using DigestBot.Deliver;
using DigestBot.Deliver.Discord;
using DigestBot.Deliver.Email;
using DigestBot.Editions;
using DigestBot.Options;
using DigestBot.Pipeline;
using DigestBot.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigestBot.Cli;

internal static class SendNowCommand
{
    /// <summary>The edition is not finished (stopped, or another node holds it); running the same slot again resumes it.</summary>
    private const int Unfinished = 3;

    /// <summary>The mail server stayed unreachable for --wait; the edition is unfinished and resumes on the next run.</summary>
    private const int MailServerUnreachable = 4;

    public static Command Create()
    {
        var digest = new Argument<string>("digest") { Description = "Id of the digest under Digests in appsettings.json." };
        var slot = new Option<DateTimeOffset?>("--slot")
        {
            Description = "The scheduled time this edition stands for (ISO 8601). Running the same slot again resumes an unfinished edition and never sends a finished one twice.",
        };
        var wait = new Option<TimeSpan>("--wait")
        {
            Description = "How long to wait for an unreachable mail server before giving up, e.g. 30s, 5m (default 2m). The edition stays resumable.",
            DefaultValueFactory = _ => TimeSpan.FromMinutes(2),
            CustomParser = result => Durations.TryParse(result.Tokens.Single().Value, out var value) && value >= TimeSpan.FromSeconds(1) && value <= TimeSpan.FromDays(1)
                ? value
                : Refuse(result, $"--wait: '{result.Tokens.Single().Value}' is not a duration between 1s and 24h (e.g. 30s, 5m, 00:02:00)."),
        };
        var resume = new Option<bool>("--resume")
        {
            Description = "Continue the digest's latest edition paused for a high hard-bounce rate (Email:Bounces:PauseAboveRate): lifts the pause and sends the remaining batches.",
        };
        var command = new Command("send-now", "Run one digest immediately: fetch, rank, and send by email and Discord.") { digest, slot, wait, resume };
        command.SetAction((parse, cancellationToken) =>
        {
            var patience = parse.GetValue(wait);
            // The sending threads stop waiting for the server when the command does, rather than after Smtp:MaxOutage.
            var settings = new Dictionary<string, string?> { [$"{SmtpOptions.SectionName}:{nameof(SmtpOptions.MaxOutage)}"] = patience.ToString("c", CultureInfo.InvariantCulture) };
            return CommandHost.RunAsync(
                app => parse.GetValue(resume)
                    ? ResumeAsync(app, parse.GetRequiredValue(digest), patience, cancellationToken)
                    : SendAsync(app, parse.GetRequiredValue(digest), parse.GetValue(slot), patience, cancellationToken),
                cancellationToken, Unfinished, settings);
        });
        return command;
    }

    /// <summary>Lifts the pause of the digest's latest paused edition and sends the rest of it; exit 2 when none is paused.</summary>
    private static async Task<int> ResumeAsync(IHost app, string digestId, TimeSpan wait, CancellationToken cancellationToken)
    {
        CommandHost.RequireDigest(app, digestId);
        if (await app.Services.GetRequiredService<EditionPauses>().ResumeLatestAsync(digestId, cancellationToken) is not { } slot)
        {
            await Console.Error.WriteLineAsync($"No edition of {digestId} is paused: nothing to resume.");
            return ExitCodes.Configuration;
        }

        return await SendAsync(app, digestId, slot, wait, cancellationToken);
    }

    private static async Task<int> SendAsync(IHost app, string digestId, DateTimeOffset? slot, TimeSpan wait, CancellationToken cancellationToken)
    {
        CommandHost.RequireDigest(app, digestId);
        var slotTime = slot ?? app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var editionId = EditionStore.EditionIdFor(digestId, slotTime);
        var progress = new SendProgress(app.Services.GetRequiredService<EditionContentStore>(), editionId, Console.Error, TimeSpan.FromSeconds(2));
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        EditionOutcome outcome;
        bool gaveUp;
        await using (var watch = new MailServerWatch(app.Services.GetRequiredService<SmtpSendQueue>(), wait, run).Start())
        await using (progress.Start())
        {
            try
            {
                outcome = await app.Services.GetRequiredService<DigestPipeline>().RunAsync(digestId, slotTime, DeliveryMoment.Now, run.Token);
            }
            catch (OperationCanceledException) when (watch.GaveUp && !cancellationToken.IsCancellationRequested)
            {
                outcome = new EditionOutcome(editionId, EditionOutcomeStatus.Interrupted, null, []);
            }

            gaveUp = watch.GaveUp;
        }

        foreach (var line in SendNowSummary.Lines(outcome)
            .Concat(OutboxReport.Lines(app.Services.GetRequiredService<OutboxFolder>(), app.Services.GetRequiredService<DiscordOutbox>(), outcome.EditionId)))
        {
            Console.WriteLine(line);
        }

        if (gaveUp && outcome.Status == EditionOutcomeStatus.Interrupted)
        {
            var smtp = app.Services.GetRequiredService<IOptions<SmtpOptions>>().Value;
            await Console.Error.WriteLineAsync(
                $"Gave up: the mail server {smtp.Host}:{smtp.Port} could not be reached for {wait} (--wait). Check Smtp:Host and Smtp:Port " +
                $"(or leave Smtp:Host empty to write emails to the outbox folder, Email:OutboxPath). Edition {outcome.EditionId} is unfinished: " +
                $"run send-now {digestId} --slot {slotTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)} to resume it; a running worker also resumes it.");
            return MailServerUnreachable;
        }

        if (outcome.Status == EditionOutcomeStatus.Paused)
        {
            await Console.Error.WriteLineAsync(
                $"Paused: {await app.Services.GetRequiredService<EditionPauses>().ReasonAsync(outcome.EditionId, CancellationToken.None)}. " +
                $"Check the refused addresses, then run send-now {digestId} --resume to send the remaining batches.");
            return Unfinished;
        }

        return outcome.Status is EditionOutcomeStatus.Interrupted or EditionOutcomeStatus.InProgress ? Unfinished
            : outcome.Deliveries.Any(d => d.Failed > 0) ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static TimeSpan Refuse(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return default;
    }
}
