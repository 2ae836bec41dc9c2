using System.CommandLine;
using DigestBot.Deliver.Discord;
using DigestBot.Options;
using DigestBot.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DigestBot.Cli;

/// <summary>Shows each Discord destination: where it posts, and whether Discord told us it is gone (disabled).</summary>
internal static class DiscordStatusCommand
{
    public static Command Create()
    {
        var command = new Command("discord-status", "List Discord destinations and whether any was disabled after a 401, 403 or 404 (exit 1 if any is).");
        command.SetAction((_, cancellationToken) => CommandHost.RunAsync(async app =>
        {
            var lines = await DescribeAsync(app.Services, cancellationToken);
            foreach (var line in lines)
            {
                Console.WriteLine(line.Text);
            }

            return lines.Any(l => l.Disabled) ? 1 : 0;
        }, cancellationToken));
        return command;
    }

    /// <summary>One line per configured destination (no secrets: webhook URLs are shown without their token).</summary>
    internal static async Task<IReadOnlyList<(string Text, bool Disabled)>> DescribeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<IOptions<DiscordOptions>>().Value;
        var ledger = services.GetRequiredService<DiscordLedger>();
        var lines = new List<(string, bool)>();
        foreach (var (name, destination) in options.Destinations.OrderBy(d => d.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (DiscordTarget.From(name, destination, options) is not { } target)
            {
                lines.Add(($"{name}: not configured (ChannelId needs Discord:BotToken)", false));
                continue;
            }

            if (target.IsOutbox)
            {
                lines.Add(($"{name}: outbox (no WebhookUrl or ChannelId: messages are written under Email:OutboxPath)", false));
                continue;
            }

            var where = target.IsWebhook ? $"webhook {WithoutToken(target.WebhookUrl!)}" : $"channel {target.ChannelId} (bot)";
            var disabled = await ledger.DisabledAsync(name, target.Hash(), cancellationToken);
            lines.Add(disabled is null
                ? ($"{name}: active, {where}", false)
                : ($"{name}: DISABLED since {disabled.ChangedAt:u}, {where}: {disabled.HttpStatus} {disabled.Reason}", true));
        }

        return lines;
    }

    private static string WithoutToken(Uri url)
    {
        var path = url.AbsolutePath.TrimEnd('/');
        var cut = path.LastIndexOf('/');
        return $"{url.GetLeftPart(UriPartial.Authority)}{(cut > 0 ? path[..cut] : path)}/…";
    }
}
