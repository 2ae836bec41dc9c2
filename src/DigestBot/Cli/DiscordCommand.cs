using System.CommandLine;
using DigestBot.Deliver.Discord;
using DigestBot.Options;
using DigestBot.Web.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DigestBot.Cli;

/// <summary><c>discord register-commands</c>: tells Discord which slash commands the application has.</summary>
internal static class DiscordCommand
{
    public static Command Create()
    {
        var guild = new Option<string?>("--guild") { Description = "Register in this server only (changes show at once) instead of globally." };
        var register = new Command("register-commands", "Register the /digest slash commands with Discord (Discord:Interactions:ApplicationId and Discord:BotToken).") { guild };
        register.SetAction((parse, cancellationToken) => CommandHost.RunAsync(async app =>
        {
            var guildId = parse.GetValue(guild);
            if (guildId is not null && (guildId.Length is 0 or > 20 || !guildId.All(char.IsAsciiDigit)))
            {
                throw new UnknownNameException($"--guild '{guildId}' is not a server id (digits only).");
            }

            var options = app.Services.GetRequiredService<IOptions<DiscordOptions>>().Value;
            if (string.IsNullOrWhiteSpace(options.Interactions.ApplicationId) || string.IsNullOrWhiteSpace(options.BotToken))
            {
                await Console.Error.WriteLineAsync("Set Discord:Interactions:ApplicationId and Discord:BotToken (e.g. Discord__BotToken) to register commands.");
                return ExitCodes.Configuration;
            }

            var commands = DigestCommandDefinitions.All();
            var (status, body) = await app.Services.GetRequiredService<DiscordInteractionClient>()
                .PutCommandsAsync(options.Interactions.ApplicationId, guildId, options.BotToken.Trim(), commands, cancellationToken);
            if (status is < 200 or > 299)
            {
                await Console.Error.WriteLineAsync($"Discord refused the commands ({status}): {body}");
                return ExitCodes.Failed;
            }

            var web = app.Services.GetRequiredService<IOptions<WebOptions>>().Value;
            Console.WriteLine($"Registered /digest (latest, sections, subscribe, why) {(guildId is null ? "globally" : $"in server {guildId}")}.");
            Console.WriteLine($"Interactions Endpoint URL for the developer portal: {new Uri(web.BaseUrl, InteractionEndpoints.Path.TrimStart('/')).AbsoluteUri}");
            return ExitCodes.Ok;
        }, cancellationToken));
        return new Command("discord", "Discord application tasks.") { register };
    }
}
