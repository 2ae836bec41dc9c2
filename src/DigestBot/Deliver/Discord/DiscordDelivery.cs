using System.Security.Cryptography;
using System.Text;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Render.Discord;
using DigestBot.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Deliver.Discord;

/// <summary>
/// Posts an edition to each Discord destination of the digest, all destinations at once so that one waiting on a rate
/// limit or failing never holds up or stops the others. Each message is recorded after Discord returned it, so a re-run
/// posts only the parts still missing; a destination Discord says is gone is disabled until its target changes.
/// </summary>
public sealed partial class DiscordDelivery(
    DiscordClient client,
    DiscordOutbox outbox,
    DiscordMessageBuilder builder,
    DiscordLedger ledger,
    IOptionsMonitor<DiscordOptions> options,
    ILogger<DiscordDelivery> logger)
{
    public async Task<DeliveryResult> DeliverAsync(Digest digest, IReadOnlyList<string> destinationNames, CancellationToken cancellationToken = default)
    {
        var results = await Task.WhenAll(destinationNames.Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(name => GuardedAsync(digest, name, cancellationToken)));
        return new DeliveryResult("discord", results.Sum(r => r.Sent), results.Sum(r => r.Failed), results.Sum(r => r.Skipped));
    }

    /// <summary>An unexpected error (a store outage, a bug) fails this destination only; cancellation still stops all.</summary>
    private async Task<DeliveryResult> GuardedAsync(Digest digest, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await DeliverToAsync(digest, name, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogUnexpected(logger, ex, name);
            return new DeliveryResult("discord", 0, 1, 0);
        }
    }

    private async Task<DeliveryResult> DeliverToAsync(Digest digest, string name, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.Destinations.TryGetValue(name, out var destination) || DiscordTarget.From(name, destination, settings) is not { } target)
        {
            LogNotConfigured(logger, name);
            return new DeliveryResult("discord", 0, 0, 1);
        }

        var hash = target.Hash();
        if (await ledger.DisabledAsync(name, hash, cancellationToken) is { } disabled)
        {
            LogStillDisabled(logger, name, disabled.ChangedAt, disabled.Reason ?? "");
            return new DeliveryResult("discord", 0, 0, 1);
        }

        var payloads = builder.Build(digest, destination);
        var posted = await ledger.PostedPartsAsync(digest.EditionId, name, cancellationToken);
        var threadId = string.IsNullOrEmpty(destination.ThreadId) ? null : destination.ThreadId;
        if (threadId is null && !string.IsNullOrEmpty(destination.ThreadName) && posted.TryGetValue(0, out var first))
        {
            threadId = first.ChannelId;
        }

        int sent = 0, skipped = 0;
        for (var part = 0; part < payloads.Count; part++)
        {
            if (posted.ContainsKey(part))
            {
                skipped++;
                continue;
            }

            var payload = !target.IsWebhook && !target.IsOutbox ? payloads[part] with { Nonce = Nonce(digest.EditionId, name, part), EnforceNonce = true } : payloads[part];
            var result = target.IsOutbox
                ? await outbox.WriteAsync(digest.EditionId, name, part, payload, cancellationToken)
                : await client.SendAsync(target, payload, threadId, cancellationToken);
            switch (result.Outcome)
            {
                case DiscordSendOutcome.Posted:
                    await ledger.RecordAsync(digest.EditionId, name, part, result.MessageId, result.ChannelId, cancellationToken);
                    sent++;
                    // Later parts of a new forum post go into the thread the first part created.
                    if (part == 0 && threadId is null && !string.IsNullOrEmpty(destination.ThreadName))
                    {
                        threadId = result.ChannelId;
                    }

                    continue;
                case DiscordSendOutcome.Dead:
                    await ledger.DisableAsync(name, hash, result.Status, result.ErrorCode, result.Error ?? "", cancellationToken);
                    LogDisabled(logger, name, result.Status, result.ErrorCode ?? 0, result.Error ?? "");
                    break;
                case DiscordSendOutcome.Rejected:
                    LogRejected(logger, name, part, result.Status, result.Error ?? "");
                    break;
                default:
                    LogGaveUp(logger, name, part, result.Attempts, result.Status, result.Error ?? "");
                    break;
            }

            // Later parts would arrive out of order (or outside the thread); the next run resumes from this part.
            return new DeliveryResult("discord", sent, 1, skipped);
        }

        LogPosted(logger, digest.EditionId, name, sent, payloads.Count);
        return new DeliveryResult("discord", sent, 0, skipped);
    }

    /// <summary>Discord's nonce is at most 25 characters; the same edition part always gets the same one.</summary>
    private static string Nonce(string editionId, string destination, int part) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{editionId}|{destination}|{part}")))[..25];

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Discord destination {Destination} is not configured, or has a ChannelId but no Discord:BotToken; skipped")]
    private static partial void LogNotConfigured(ILogger logger, string destination);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "Discord rejected part {Part} for {Destination} with {Status} (not retried): {Error}")]
    private static partial void LogRejected(ILogger logger, string destination, int part, int status, string error);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "Discord destination {Destination} DISABLED: Discord answered {Status} (code {Code}): {Error}. Fix its webhook URL, channel or token; a changed target is enabled again")]
    private static partial void LogDisabled(ILogger logger, string destination, int status, int code, string error);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Discord destination {Destination} is disabled since {Since:u} ({Reason}); skipped")]
    private static partial void LogStillDisabled(ILogger logger, string destination, DateTimeOffset since, string reason);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Error, Message = "Discord destination {Destination}: part {Part} not posted after {Attempts} attempts (last status {Status}): {Error}; the next run resumes")]
    private static partial void LogGaveUp(ILogger logger, string destination, int part, int attempts, int status, string error);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Error, Message = "Discord destination {Destination} failed unexpectedly; other destinations continue")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string destination);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "Edition {EditionId} posted to Discord destination {Destination}: {Sent} new of {Parts} messages")]
    private static partial void LogPosted(ILogger logger, string editionId, string destination, int sent, int parts);
}
