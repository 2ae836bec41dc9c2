using System.Net;
using DigestBot.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Fetch;

/// <summary>
/// Fetches one source over http(s) (conditional GET, size cap, decompression, resilience) or from a file, and parses it.
/// Never throws for a bad source: the error is logged, recorded in the source's status and returned. The HTTP client
/// (its handlers and resilience pipeline) is made on the first download only: reading a file needs none of it.
/// </summary>
public sealed partial class FeedFetcher(
    IHttpClientFactory httpClients,
    FeedParser parser,
    FetchThrottle throttle,
    SourceStatusStore status,
    IOptions<FetchOptions> options,
    TimeProvider clock,
    ILogger<FeedFetcher> logger)
{
    public async Task<FetchResult> FetchAsync(FeedSource source, CancellationToken cancellationToken = default)
    {
        FetchResult result;
        try
        {
            var document = await ReadAsync(source, conditional: true, cancellationToken);
            result = new FetchResult(source, document.Feed is { } feed ? ArticleMapper.ToArticles(feed, source, clock.GetUtcNow()) : [],
                document.NotModified, null, document.ETag, document.LastModified) { Warnings = document.Feed?.Warnings ?? [] };
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var error = Describe(ex);
            LogFetchFailed(logger, source.Id, source.Location, error);
            await status.RecordFailureAsync(source.Id, error, cancellationToken);
            return FetchResult.Failed(source, error);
        }

        if (result.NotModified)
        {
            LogNotModified(logger, source.Id);
        }

        foreach (var warning in result.Warnings)
        {
            LogFetchWarning(logger, source.Id, source.Location, warning);
        }

        await status.RecordSuccessAsync(source.Id, result.NotModified ? null : result.Articles.Count, result.ETag, result.LastModified, cancellationToken);
        return result;
    }

    /// <summary>
    /// Reads and parses one source, throwing on failure (<see cref="FeedFormatException"/>, <see cref="HttpRequestException"/>,
    /// timeouts...). With <paramref name="conditional"/>, the validators of the last fetch are sent and 304 means no feed.
    /// </summary>
    public async Task<FetchedDocument> ReadAsync(FeedSource source, bool conditional, CancellationToken cancellationToken = default)
    {
        using (await throttle.EnterAsync(source, cancellationToken))
        {
            if (source.Location.IsFile)
            {
                var data = await File.ReadAllBytesAsync(source.Location.LocalPath, cancellationToken);
                return new FetchedDocument(parser.Parse(data, source.Location), false, null, null);
            }

            return await DownloadAsync(source, conditional ? await status.GetAsync(source.Id, cancellationToken) : null, cancellationToken);
        }
    }

    private async Task<FetchedDocument> DownloadAsync(FeedSource source, SourceStatus? previous, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, source.Location);
        if (previous?.ETag is { } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (previous?.LastModified is { } lastModified)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        using var response = await httpClients.CreateClient(nameof(FeedFetcher)).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new FetchedDocument(null, true, previous?.ETag, previous?.LastModified);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }

        var data = await ReadCappedAsync(response.Content, options.Value.MaxFeedBytes, cancellationToken);
        // Relative links resolve against where the feed really came from, after redirects.
        var location = response.RequestMessage?.RequestUri ?? source.Location;
        var feed = parser.Parse(data, location, response.Content.Headers.ContentType?.ToString());
        return new FetchedDocument(feed, false, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
    }

    private static async Task<byte[]> ReadCappedAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            throw new FeedTooLargeException(maxBytes);
        }

        await using var body = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                // Checked while reading too: a compressed or chunked body has no trustworthy length up front.
                throw new FeedTooLargeException(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>An error message an admin can act on.</summary>
    public static string Describe(Exception ex) => ex switch
    {
        FeedFormatException => "not a readable feed: " + ex.Message,
        FeedTooLargeException => ex.Message,
        TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException => "timed out",
        Polly.CircuitBreaker.BrokenCircuitException => "host is failing repeatedly; requests paused (circuit open)",
        HttpRequestException { StatusCode: { } code } => ex.Message.StartsWith("HTTP ", StringComparison.Ordinal) ? ex.Message : $"HTTP {(int)code}: {ex.Message}",
        HttpRequestException => "network error: " + (ex.InnerException?.Message ?? ex.Message),
        IOException or UnauthorizedAccessException => "cannot read file: " + ex.Message,
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Source {SourceId} ({Location}) failed: {Error}")]
    private static partial void LogFetchFailed(ILogger logger, string sourceId, Uri location, string error);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Source {SourceId}: not modified")]
    private static partial void LogNotModified(ILogger logger, string sourceId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Source {SourceId} ({Location}) read in part: {Warning}")]
    private static partial void LogFetchWarning(ILogger logger, string sourceId, Uri location, string warning);
}
