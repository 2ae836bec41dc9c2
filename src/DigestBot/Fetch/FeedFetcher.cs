using System.Net;
using DigestBot.Store;
using Microsoft.Extensions.Logging;

namespace DigestBot.Fetch;

/// <summary>Fetches one source over http(s) (conditional GET) or from a file, and parses it. Never throws for a bad source.</summary>
public sealed partial class FeedFetcher(HttpClient http, FeedParser parser, SourceStatusStore status, TimeProvider clock, ILogger<FeedFetcher> logger)
{
    public async Task<FetchResult> FetchAsync(FeedSource source, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = source.Location.IsFile
                ? await ReadFileAsync(source, cancellationToken)
                : await DownloadAsync(source, cancellationToken);
            await status.RecordSuccessAsync(source.Id, result.Articles.Count, result.ETag, result.LastModified, cancellationToken);
            return result;
        }
        catch (Exception ex) when (ex is FeedFormatException or HttpRequestException or IOException or UnauthorizedAccessException
                                       || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var error = ex is TaskCanceledException ? "timed out" : ex.Message;
            LogFetchFailed(logger, source.Id, source.Location, error);
            await status.RecordFailureAsync(source.Id, error, cancellationToken);
            return FetchResult.Failed(source, error);
        }
    }

    private async Task<FetchResult> ReadFileAsync(FeedSource source, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(source.Location.LocalPath);
        var feed = parser.Parse(stream, source.Location);
        return new FetchResult(source, ArticleMapper.ToArticles(feed, source, clock.GetUtcNow()), false, null);
    }

    private async Task<FetchResult> DownloadAsync(FeedSource source, CancellationToken cancellationToken)
    {
        var previous = await status.GetAsync(source.Id, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, source.Location);
        if (previous?.ETag is { } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (previous?.LastModified is { } lastModified)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new FetchResult(source, [], true, null, previous?.ETag, previous?.LastModified);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var feed = parser.Parse(body, source.Location);
        return new FetchResult(source, ArticleMapper.ToArticles(feed, source, clock.GetUtcNow()), false, null,
            response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Source {SourceId} ({Location}) failed: {Error}")]
    private static partial void LogFetchFailed(ILogger logger, string sourceId, Uri location, string error);
}
