using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Fetch;

/// <summary>
/// A feed server on 127.0.0.1 (port chosen by the OS) with the behaviours the fetcher must survive: validators and 304
/// (<c>/feed.xml</c> an ETag only; <c>/validated</c> ETag and Last-Modified, both needed back for a 304), 500, a slow
/// response, an oversize body, gzip, a legacy charset, and HTML where a feed was expected.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    public const string ETag = "\"v1\"";
    public const string LastModified = "Mon, 02 Mar 2026 06:00:00 GMT";
    private readonly WebApplication app;

    private FeedServer(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public ConcurrentQueue<(string Path, Dictionary<string, string> Headers)> Requests { get; } = new();

    public static async Task<FeedServer> StartAsync(string feedXml)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FeedServer(app);
        app.Use(async (context, next) =>
        {
            server.Requests.Enqueue((context.Request.Path.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            await next(context);
        });
        var body = Encoding.UTF8.GetBytes(feedXml);
        app.MapGet("/feed.xml", (HttpContext context) =>
        {
            if (context.Request.Headers.IfNoneMatch == ETag)
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            context.Response.Headers.ETag = ETag;
            return Results.Bytes(body, "application/rss+xml; charset=utf-8");
        });
        app.MapGet("/validated", (HttpContext context) =>
        {
            if (context.Request.Headers.IfNoneMatch == ETag && context.Request.Headers.IfModifiedSince == LastModified)
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            context.Response.Headers.ETag = ETag;
            context.Response.Headers.LastModified = LastModified;
            return Results.Bytes(body, "application/rss+xml; charset=utf-8");
        });
        app.MapGet("/error", () => Results.StatusCode(StatusCodes.Status500InternalServerError));
        app.MapGet("/slow", async (CancellationToken cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            return Results.Bytes(body, "application/rss+xml");
        });
        app.MapGet("/huge", async (HttpContext context) =>
        {
            // Chunked, no Content-Length: the cap has to hold while reading.
            context.Response.ContentType = "application/rss+xml";
            var filler = Encoding.UTF8.GetBytes(new string(' ', 16 * 1024));
            for (var i = 0; i < 64; i++)
            {
                await context.Response.Body.WriteAsync(filler, context.RequestAborted);
            }
        });
        app.MapGet("/gzip", (HttpContext context) =>
        {
            using var compressed = new MemoryStream();
            using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(body);
            }

            context.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(compressed.ToArray(), "application/rss+xml");
        });
        app.MapGet("/cp1251", () =>
        {
            var text = feedXml.Replace("encoding=\"utf-8\"", "", StringComparison.Ordinal);
            return Results.Bytes(Encoding.GetEncoding(1251).GetBytes(text), "text/xml; charset=windows-1251");
        });
        app.MapGet("/html", () => Results.Content("<!DOCTYPE html><html><body>Sign in</body></html>", "text/html"));
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return server;
    }

    public Uri At(string path) => new(BaseAddress, path);

    public async ValueTask DisposeAsync()
    {
        // Requests still hanging on /slow must not hold the test run for the default 30 s shutdown.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await app.StopAsync(stop.Token);
        await app.DisposeAsync();
    }
}
