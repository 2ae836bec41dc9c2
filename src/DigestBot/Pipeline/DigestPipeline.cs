using DigestBot.Deliver.Discord;
using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Pipeline;

/// <summary>
/// The whole job for one scheduled slot, top to bottom:
/// Claim -> Fetch -> Store -> Rank -> Summarize (DigestBuilder) -> Render + Deliver (email, Discord) -> Record.
/// </summary>
public sealed partial class DigestPipeline(
    IOptionsMonitor<CatalogOptions> catalog,
    EditionStore editions,
    DigestBuilder builder,
    EmailDelivery email,
    DiscordDelivery discord,
    ILogger<DigestPipeline> logger)
{
    public async Task<EditionOutcome> RunAsync(string digestId, DateTimeOffset slot, CancellationToken cancellationToken = default)
    {
        if (!catalog.CurrentValue.Digests.TryGetValue(digestId, out var options))
        {
            throw new ArgumentException($"Unknown digest '{digestId}'. Configured digests: {string.Join(", ", catalog.CurrentValue.Digests.Keys)}.", nameof(digestId));
        }

        var claim = await editions.ClaimAsync(digestId, slot, cancellationToken);
        if (claim.IsFinished)
        {
            LogAlreadySent(logger, claim.EditionId);
            return new EditionOutcome(claim.EditionId, "already-sent", null, []);
        }

        var digest = await builder.BuildAsync(digestId, slot, claim.EditionId, cancellationToken);
        if (digest.ArticleCount == 0)
        {
            await editions.CompleteAsync(claim.EditionId, "empty", [], null, cancellationToken);
            LogEmpty(logger, claim.EditionId);
            return new EditionOutcome(claim.EditionId, "empty", digest, []);
        }

        await editions.RecordContentAsync(digest, cancellationToken);

        var results = new List<DeliveryResult>();
        if (options.Email)
        {
            results.Add(await email.DeliverAsync(digest, cancellationToken));
        }

        if (options.Discord.Count > 0)
        {
            results.Add(await discord.DeliverAsync(digest, options.Discord, cancellationToken));
        }

        var failed = results.Sum(r => r.Failed);
        var status = failed == 0 ? "sent" : "partial";
        await editions.CompleteAsync(claim.EditionId, status, results, null, cancellationToken);
        LogCompleted(logger, claim.EditionId, digest.ArticleCount, status);
        return new EditionOutcome(claim.EditionId, status, digest, results);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Edition {EditionId} was already sent; nothing to do")]
    private static partial void LogAlreadySent(ILogger logger, string editionId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Edition {EditionId} has no new articles; not sent")]
    private static partial void LogEmpty(ILogger logger, string editionId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Edition {EditionId} finished with {Articles} articles: {Status}")]
    private static partial void LogCompleted(ILogger logger, string editionId, int articles, string status);
}

public sealed record EditionOutcome(string EditionId, string Status, Digest? Digest, IReadOnlyList<DeliveryResult> Deliveries);
