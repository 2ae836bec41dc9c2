using System.CommandLine;
using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Store;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Cli;

/// <summary><c>subscribers import|list|add|remove</c>: manage the subscriber list in the store.</summary>
internal static class SubscribersCommand
{
    public static Command Create()
    {
        var command = new Command("subscribers", "Manage subscribers: import from CSV, list, add, remove.");
        command.Add(Import());
        command.Add(List());
        command.Add(Add());
        command.Add(Remove());
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
            var (subscribers, errors) = SubscriberCsv.Parse(reader);
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync($"{path.Name}: {error}");
            }

            var changed = await app.Services.GetRequiredService<SubscriberStore>().AddManyAsync(subscribers, parse.GetValue(update), cancellationToken);
            Console.WriteLine($"Imported {changed} of {subscribers.Count} subscribers from {path.Name}; {errors.Count} rows rejected.");
            return errors.Count == 0 ? 0 : 1;
        }, cancellationToken));
        return command;
    }

    private static Command List()
    {
        var status = new Option<SubscriberStatus?>("--status") { Description = "Only subscribers with this status." };
        var command = new Command("list", "List subscribers (email, status, name, sections, time zone).") { status };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(async app =>
        {
            var count = 0;
            await foreach (var s in app.Services.GetRequiredService<SubscriberStore>().StreamAsync(parse.GetValue(status), cancellationToken: cancellationToken))
            {
                var sections = s.Sections.Count == 0 ? "(all sections)" : string.Join(';', s.Sections);
                Console.WriteLine($"{s.Email}\t{s.Status}\t{s.Name}\t{sections}\t{s.TimeZone}");
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
        var command = new Command("add", "Add a subscriber, or replace the one with this address.") { email, name, sections, digests, zone, status };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(async app =>
        {
            var address = parse.GetRequiredValue(email).Trim();
            if (!EmailAddresses.IsValid(address))
            {
                await Console.Error.WriteLineAsync($"'{address}' is not a valid email address.");
                return 1;
            }

            var subscriber = new Subscriber(address, parse.GetValue(name), parse.GetValue(sections) ?? [], parse.GetValue(digests) ?? [],
                parse.GetValue(status), parse.GetValue(zone));
            await app.Services.GetRequiredService<SubscriberStore>().UpsertAsync(subscriber, cancellationToken);
            Console.WriteLine($"Saved {SubscriberStore.Normalize(address)} ({subscriber.Status}).");
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command Remove()
    {
        var email = new Argument<string>("email");
        var command = new Command("remove", "Delete a subscriber (to stop mail but keep the record, unsubscribe them instead).") { email };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(async app =>
        {
            var address = parse.GetRequiredValue(email);
            var removed = await app.Services.GetRequiredService<SubscriberStore>().RemoveAsync(address, cancellationToken);
            Console.WriteLine(removed ? $"Removed {SubscriberStore.Normalize(address)}." : $"No subscriber {SubscriberStore.Normalize(address)}.");
            return removed ? 0 : 1;
        }, cancellationToken));
        return command;
    }
}
