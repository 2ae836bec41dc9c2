using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DigestBot.Bench.Support;

/// <summary>Kestrel on 127.0.0.1 (port 0) serving the given feed documents at /feed/{n}, cycling through them.</summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FeedServer(WebApplication app, Uri baseUri)
    {
        this.app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public static async Task<FeedServer> StartAsync(IReadOnlyList<byte[]> documents, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/feed/{n:int}", (int n) => Results.Bytes(documents[n % documents.Count], "application/xml"));
        await app.StartAsync(cancellationToken);
        return new FeedServer(app, new Uri(app.Urls.First()));
    }

    public Uri Feed(int n) => new(BaseUri, $"/feed/{n}");

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
