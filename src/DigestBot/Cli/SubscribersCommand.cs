using System.CommandLine;
using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigestBot.Cli;

/// <summary><c>subscribers import|list|add|remove</c>: manage the subscriber list in the store.</summary>
internal static class SubscribersCommand
{
    /// <summary>Exit code when input is refused: an invalid address, an unknown section, digest or time zone, or an address whose reader withdrew consent.</summary>
    public const int Refused = 1;

    public static Command Create()
    {
        var command = new Command("subscribers", "Manage subscribers: import from CSV, list, add, remove, unsuppress.");
        command.Add(Import());
        command.Add(List());
        command.Add(Add());
        command.Add(Remove());
        command.Add(UnsuppressCommand.Create());
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV with a header row: email,name,sections,digests,time_zone,status (only email is required)." };
        var update = new Option<bool>("--update") { Description = "Overwrite subscribers that already exist (default: keep them as they are)." };
        var command = new Command("import", "Import subscribers from a CSV file.") { file, update };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(async app =>
        {
            var path = parse.GetRequiredValue(file);
            using var reader = new StreamReader(path.FullName);
            var (subscribers, errors) = SubscriberCsv.Parse(reader, check: Checks(app).Problems);
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync($"{path.Name}: {error}");
            }

            var totals = await app.Services.GetRequiredService<SubscriberStore>().AddManyAsync(subscribers, parse.GetValue(update), cancellationToken);
            Console.WriteLine($"Imported {path.Name}: {totals.Added} added, {totals.Updated} updated, {totals.Unchanged} unchanged, " +
                $"{totals.Suppressed} skipped as suppressed (unsubscribed, bounced, complained or removed); {errors.Count} rows rejected.");
            return errors.Count == 0 ? 0 : Refused;
        }, cancellationToken));
        return command;
    }

    private static Command List()
    {
        var status = new Option<SubscriberStatus?>("--status") { Description = "Only subscribers with this status." };
        var command = new Command("list", "List subscribers (email, status, name, sections, time zone; for bounced and complained ones, why and since when).") { status };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(async app =>
        {
            var count = 0;
            var suppressions = app.Services.GetRequiredService<SuppressionStore>();
            await foreach (var s in app.Services.GetRequiredService<SubscriberStore>().StreamAsync(parse.GetValue(status), cancellationToken: cancellationToken))
            {
                var sections = s.Sections.Count == 0 ? "(all sections)" : string.Join(';', s.Sections);
                var why = s.Status is SubscriberStatus.Bounced or SubscriberStatus.Complained
                    ? await suppressions.FindAsync(s.Email, cancellationToken) is { } record
                        ? $"\t{record.Reason}\t{record.SuppressedAt:yyyy-MM-dd}"
                        : $"\trefused during sending ({s.Bounces} permanent failures)\t"
                    : "";
                Console.WriteLine($"{s.Email}\t{s.Status}\t{s.Name}\t{sections}\t{s.TimeZone}{why}");
                count++;
            }

            Console.WriteLine($"{count} subscribers");
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command Add()
    {
        var email = new Argument<string>("email");
        var name = new Option<string?>("--name");
        var sections = new Option<string[]>("--sections") { Description = "Section ids (default: all).", AllowMultipleArgumentsPerToken = true };
        var digests = new Option<string[]>("--digests") { Description = "Digest ids (default: all).", AllowMultipleArgumentsPerToken = true };
        var zone = new Option<string?>("--time-zone") { Description = "IANA time zone for article times, e.g. Europe/Paris." };
        var status = new Option<SubscriberStatus>("--status") { DefaultValueFactory = _ => SubscriberStatus.Active };
        var command = new Command("add", "Add a subscriber, or replace the one with this address (never one who unsubscribed, bounced or was removed).") { email, name, sections, digests, zone, status };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(async app =>
        {
            var address = parse.GetRequiredValue(email).Trim();
            if (!EmailAddresses.IsValid(address))
            {
                await Console.Error.WriteLineAsync($"'{address}' is not a valid email address.");
                return Refused;
            }

            var subscriber = new Subscriber(address, parse.GetValue(name), parse.GetValue(sections) ?? [], parse.GetValue(digests) ?? [],
                parse.GetValue(status), parse.GetValue(zone));
            var problems = Checks(app).Problems(subscriber).ToList();
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync($"{SubscriberStore.Normalize(address)}: {problem}.");
            }

            if (problems.Count > 0)
            {
                return Refused;
            }

            var store = app.Services.GetRequiredService<SubscriberStore>();
            var outcome = await store.UpsertAsync(subscriber, cancellationToken);
            if (await RefusalAsync(app, store, outcome, subscriber.Email, cancellationToken) is { } refusal)
            {
                await Console.Error.WriteLineAsync(refusal);
                return Refused;
            }

            Console.WriteLine($"Saved {SubscriberStore.Normalize(address)} ({subscriber.Status}).");
            return 0;
        }, cancellationToken));
        return command;
    }

    private static SubscriberChecks Checks(IHost app) =>
        new(app.Services.GetRequiredService<IOptionsMonitor<CatalogOptions>>().CurrentValue);

    private static async Task<string?> RefusalAsync(IHost app, SubscriberStore store, SubscriberWrite outcome, string email, CancellationToken cancellationToken)
    {
        const string OnlyTheReader = "only the reader can subscribe again, by confirming a subscription from the /subscribe page";
        var address = SubscriberStore.Normalize(email);
        switch (outcome)
        {
            case SubscriberWrite.Suppressed:
                var record = await app.Services.GetRequiredService<SuppressionStore>().FindAsync(address, cancellationToken);
                return $"Refused: {address} is suppressed ({record?.Reason ?? "removed"}, {record?.SuppressedAt:yyyy-MM-dd}); {OnlyTheReader}.";
            case SubscriberWrite.Withdrawn:
                var current = await store.FindAsync(address, cancellationToken);
                return $"Refused: {address} is {current?.Status.ToString() ?? "withdrawn"}; {OnlyTheReader}.";
            default:
                return null;
        }
    }

    private static Command Remove()
    {
        var email = new Argument<string>("email");
        var command = new Command("remove", "Delete a subscriber; the address stays suppressed so no import or add brings it back.") { email };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(async app =>
        {
            var address = parse.GetRequiredValue(email);
            var removed = await app.Services.GetRequiredService<SubscriberStore>().RemoveAsync(address, cancellationToken);
            Console.WriteLine(removed
                ? $"Removed {SubscriberStore.Normalize(address)}; the address is suppressed until the reader confirms a new subscription."
                : $"No subscriber {SubscriberStore.Normalize(address)}.");
            return removed ? 0 : 1;
        }, cancellationToken));
        return command;
    }
}
