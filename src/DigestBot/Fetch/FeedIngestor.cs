using DigestBot.Observability;
using DigestBot.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Fetch;

/// <summary>Fetches many sources concurrently and stores what is new. A failing source is reported and skipped.</summary>
public sealed partial class FeedIngestor(FeedFetcher fetcher, ArticleStore articles, IOptions<FetchOptions> options, DigestBotMetrics metrics, ILogger<FeedIngestor> logger)
{
    public async Task<IReadOnlyList<FetchResult>> IngestAsync(IReadOnlyList<FeedSource> sources, CancellationToken cancellationToken = default)
    {
        var results = new FetchResult[sources.Count];
        await Parallel.ForAsync(0, sources.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentSources, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                using var scope = logger.BeginSourceScope(sources[i].Id);
                results[i] = await fetcher.FetchAsync(sources[i], ct);
                if (!results[i].Succeeded)
                {
                    metrics.FetchFailed(sources[i].Id);
                }
            });

        foreach (var result in results.Where(r => r.Articles.Count > 0))
        {
            using var scope = logger.BeginSourceScope(result.Source.Id);
            var added = await articles.AddNewAsync(result.Articles, cancellationToken);
            LogStored(logger, result.Source.Id, result.Articles.Count, added);
        }

        return results;
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Source {SourceId}: {Parsed} articles parsed, {Added} new")]
    private static partial void LogStored(ILogger logger, string sourceId, int parsed, int added);
}
