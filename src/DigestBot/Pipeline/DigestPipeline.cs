using DigestBot.Deliver;
using DigestBot.Editions;
using DigestBot.Model;
using DigestBot.Observability;
using DigestBot.Options;
using DigestBot.Render.Archive;
using DigestBot.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Pipeline;

/// <summary>
/// The whole job for one scheduled slot, top to bottom:
/// Claim -> Build (fetch, store, rank, summarize: DigestBuilder) -> Record content -> Deliver on each channel -> Record.
/// A slot claimed before is resumed with its recorded content, or left alone while another node's lease on it is live.
/// The channels (<see cref="IDeliveryChannel"/>: email, Discord) run in their registration order; one that is stopped
/// ends the run, and the edition is resumed later.
/// </summary>
public sealed partial class DigestPipeline(
    IOptionsMonitor<CatalogOptions> catalog,
    IOptionsMonitor<FanOutOptions> fanOutOptions,
    EditionStore editions,
    EditionPauses pauses,
    EditionContentStore contents,
    DigestBuilder builder,
    ArchiveLinks archive,
    IEnumerable<IDeliveryChannel> channels,
    TimeProvider clock,
    DigestBotMetrics metrics,
    ILogger<DigestPipeline> logger)
{
    private const int MaxBuilds = 5;

    /// <summary>
    /// Runs (or resumes) the edition of <paramref name="slot"/>. Cancelling <paramref name="cancellationToken"/> is a
    /// graceful stop: the message in hand is finished, the rest is handed back for a later run or another node.
    /// </summary>
    public Task<EditionOutcome> RunAsync(string digestId, DateTimeOffset slot, CancellationToken cancellationToken = default) =>
        RunAsync(digestId, slot, DeliveryMoment.AsConfigured, cancellationToken);

    /// <param name="moment"><see cref="DeliveryMoment.Now"/> sends a digest delivered at local time to every reader at once (send-now).</param>
    public async Task<EditionOutcome> RunAsync(string digestId, DateTimeOffset slot, DeliveryMoment moment, CancellationToken cancellationToken = default)
    {
        if (!catalog.CurrentValue.Digests.TryGetValue(digestId, out var options))
        {
            throw new ArgumentException($"Unknown digest '{digestId}'. Configured digests: {string.Join(", ", catalog.CurrentValue.Digests.Keys)}.", nameof(digestId));
        }

        using var digestScope = logger.BeginDigestScope(digestId);
        var settings = fanOutOptions.CurrentValue;
        var claim = await editions.ClaimAsync(digestId, slot, settings.Lease, cancellationToken);
        using var editionScope = logger.BeginEditionScope(claim.EditionId);
        if (claim.IsFinished)
        {
            LogAlreadySent(logger, claim.EditionId);
            return new EditionOutcome(claim.EditionId, EditionOutcomeStatus.AlreadySent, null, []);
        }

        if (!claim.Owned)
        {
            LogHeldElsewhere(logger, claim.EditionId);
            return new EditionOutcome(claim.EditionId, EditionOutcomeStatus.InProgress, null, []);
        }

        var finished = false;
        await using var lease = new LeaseKeeper(ct => editions.RenewLeaseAsync(claim.EditionId, settings.Lease, ct), settings.Lease, clock, logger, claim.EditionId);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
        try
        {
            var local = options.Delivery == DeliveryMode.LocalTime && moment == DeliveryMoment.AsConfigured;
            var outcome = await DeliverAsync(claim, options, local, stop.Token);
            finished = outcome.Status != EditionOutcomeStatus.Interrupted;
            return outcome;
        }
        finally
        {
            if (!finished)
            {
                // Hand the edition back at once so a restart or another node resumes it without waiting for the lease.
                await editions.ReleaseLeaseAsync(claim.EditionId, CancellationToken.None);
            }
        }
    }

    private async Task<EditionOutcome> DeliverAsync(EditionClaim claim, DigestOptions options, bool local, CancellationToken stop)
    {
        var used = channels.Where(c => c.IsUsedBy(options)).ToList();
        var digest = claim.HasContent ? await LoadAsync(claim, stop) : await BuildAndRecordAsync(claim, options, used, local, stop);
        if (digest.ArticleCount == 0)
        {
            return new EditionOutcome(claim.EditionId, EditionOutcomeStatus.Empty, digest, []);
        }

        // Deliver
        var edition = new EditionDelivery(digest, options, claim.Status == EditionStatus.Partial);
        if (local)
        {
            LogLocalTime(logger, claim.EditionId, claim.Slot);
        }

        var delivered = local
            ? await LocalTimeChannels.DeliverAsync(used, edition, claim.Slot, clock, RunChannelAsync, stop)
            : await InTurnAsync(used, edition, stop);
        var results = delivered.Select(d => d.Result).ToList();
        if (delivered.Any(d => d.State == ChannelState.Interrupted))
        {
            LogInterrupted(logger, claim.EditionId);
            return new EditionOutcome(claim.EditionId, EditionOutcomeStatus.Interrupted, digest, results);
        }

        var failed = delivered.Any(d => d.State == ChannelState.Failed);

        // Record
        var paused = delivered.Any(d => d.State == ChannelState.Paused);
        var status = paused ? EditionStatus.Paused : failed ? EditionStatus.Partial : EditionStatus.Sent;
        var totals = await contents.TotalsAsync(claim.EditionId, CancellationToken.None);
        await editions.CompleteAsync(claim.EditionId, status, totals, paused ? await pauses.ReasonAsync(claim.EditionId, CancellationToken.None) : null, CancellationToken.None);
        metrics.EditionFinished(digest.DigestId, status);
        LogCompleted(logger, claim.EditionId, digest.ArticleCount, status);
        return new EditionOutcome(claim.EditionId, EditionOutcomeStatusText.Finished(status), digest, results) { Totals = totals };
    }

    /// <summary>The channels one after the other; a stopped one ends the run and leaves the rest for the resumed edition.</summary>
    private async Task<IReadOnlyList<ChannelOutcome>> InTurnAsync(IReadOnlyList<IDeliveryChannel> used, EditionDelivery edition, CancellationToken stop)
    {
        var outcomes = new List<ChannelOutcome>();
        foreach (var channel in used)
        {
            var delivered = await RunChannelAsync(channel, edition, stop);
            outcomes.Add(delivered);
            if (delivered.State == ChannelState.Interrupted)
            {
                break;
            }
        }

        return outcomes;
    }

    private async Task<ChannelOutcome> RunChannelAsync(IDeliveryChannel channel, EditionDelivery edition, CancellationToken stop)
    {
        var started = clock.GetTimestamp();
        var delivered = await channel.DeliverAsync(edition, stop);
        metrics.SendTook(edition.Digest.DigestId, channel.Name, clock.GetElapsedTime(started));
        return delivered;
    }

    /// <summary>The content an earlier run recorded: a resumed edition sends exactly that.</summary>
    private async Task<Digest> LoadAsync(EditionClaim claim, CancellationToken stop)
    {
        var digest = await contents.LoadAsync(claim.EditionId, stop)
            ?? throw new InvalidOperationException($"Edition {claim.EditionId} is {claim.Status.ToText()} but has no recorded content.");
        LogResuming(logger, claim.EditionId, claim.Status);
        return digest;
    }

    /// <summary>Builds the edition and records its content (and the channels' batches); an edition with no new article is recorded as empty instead.</summary>
    private async Task<Digest> BuildAndRecordAsync(EditionClaim claim, DigestOptions options, IReadOnlyList<IDeliveryChannel> used, bool local, CancellationToken stop)
    {
        var batchSize = used.Select(c => c.BatchSize(options)).FirstOrDefault(size => size is not null);
        var plan = local ? LocalTimeChannels.PlanFor(options, claim.Slot) : null;
        // Another edition of this digest (another slot) may be built at the same moment, e.g. a start-up catch-up
        // beside a scheduled run on another node. Recording is serialized per digest; the edition that records
        // second and finds its articles taken is built again without them, so no article goes out twice.
        for (var build = 1; ; build++)
        {
            var digest = await builder.BuildAsync(claim.DigestId, claim.Slot, claim.EditionId, stop);
            if (digest.ArticleCount == 0)
            {
                await editions.CompleteAsync(claim.EditionId, EditionStatus.Empty, EditionTotals.None, null, stop);
                metrics.EditionFinished(claim.DigestId, EditionStatus.Empty);
                LogEmpty(logger, claim.EditionId);
                return digest;
            }

            digest = await archive.AssignAsync(digest, stop);
            if (await contents.StartDeliveryAsync(digest, batchSize, plan, stop))
            {
                return digest;
            }

            LogRebuilding(logger, claim.EditionId, build);
            if (build == MaxBuilds)
            {
                throw new InvalidOperationException(
                    $"Edition {claim.EditionId}: other editions of '{claim.DigestId}' kept recording the same articles; built {build} times.");
            }
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Edition {EditionId} was already sent; nothing to do")]
    private static partial void LogAlreadySent(ILogger logger, string editionId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Edition {EditionId} has no new articles; not sent")]
    private static partial void LogEmpty(ILogger logger, string editionId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Edition {EditionId} finished with {Articles} articles: {Status}")]
    private static partial void LogCompleted(ILogger logger, string editionId, int articles, EditionStatus status);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Edition {EditionId} is being sent by another node; this run sends nothing")]
    private static partial void LogHeldElsewhere(ILogger logger, string editionId);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Resuming edition {EditionId} ({Status}) with its recorded content")]
    private static partial void LogResuming(ILogger logger, string editionId, EditionStatus status);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information,
        Message = "Edition {EditionId}: another edition of the digest recorded some of the same articles first; building it again (build {Build})")]
    private static partial void LogRebuilding(ILogger logger, string editionId, int build);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information,
        Message = "Edition {EditionId} is delivered at readers' local time: each email batch goes out when its readers' time comes; other channels post at {Slot:u}")]
    private static partial void LogLocalTime(ILogger logger, string editionId, DateTimeOffset slot);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Edition {EditionId} stopped before it finished; it resumes on the next run")]
    private static partial void LogInterrupted(ILogger logger, string editionId);
}

/// <param name="Deliveries">What this run did on each channel it got to (its email batches' log lines add up to the email figures).</param>
public sealed record EditionOutcome(string EditionId, EditionOutcomeStatus Status, Digest? Digest, IReadOnlyList<DeliveryResult> Deliveries)
{
    /// <summary>The whole edition's counts from the ledgers (earlier runs and other nodes included), when it finished.</summary>
    public EditionTotals? Totals { get; init; }
}
