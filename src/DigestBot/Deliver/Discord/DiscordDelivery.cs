using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Render.Discord;
using DigestBot.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Deliver.Discord;

/// <summary>Posts an edition to each Discord destination of the digest; one failing destination never stops the others.</summary>
public sealed partial class DiscordDelivery(
    DiscordClient client,
    DiscordMessageBuilder builder,
    DiscordLedger ledger,
    IOptionsMonitor<DiscordOptions> options,
    ILogger<DiscordDelivery> logger)
{
    public async Task<DeliveryResult> DeliverAsync(Digest digest, IReadOnlyList<string> destinationNames, CancellationToken cancellationToken = default)
    {
        int sent = 0, failed = 0, skipped = 0;
        foreach (var name in destinationNames)
        {
            if (!options.CurrentValue.Destinations.TryGetValue(name, out var destination)
                || (string.IsNullOrEmpty(destination.WebhookUrl) && (string.IsNullOrEmpty(destination.ChannelId) || string.IsNullOrEmpty(options.CurrentValue.BotToken))))
            {
                LogNotConfigured(logger, name);
                skipped++;
                continue;
            }

            var posted = await ledger.PostedPartsAsync(digest.EditionId, name, cancellationToken);
            var payloads = builder.Build(digest, destination);
            for (var part = 0; part < payloads.Count; part++)
            {
                if (posted.Contains(part))
                {
                    skipped++;
                    continue;
                }

                var result = await client.PostAsync(destination, payloads[part], cancellationToken);
                if (!result.Succeeded)
                {
                    failed++;
                    LogPostFailed(logger, name, (int)result.Status, result.Error ?? "");
                    break;
                }

                await ledger.RecordAsync(digest.EditionId, name, part, result.MessageId, cancellationToken);
                sent++;
            }
        }

        return new DeliveryResult("discord", sent, failed, skipped);
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Discord destination {Destination} has no webhook URL or channel id and bot token; skipped")]
    private static partial void LogNotConfigured(ILogger logger, string destination);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "Discord destination {Destination} answered {Status}: {Error}")]
    private static partial void LogPostFailed(ILogger logger, string destination, int status, string error);
}
