using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace DigestBot.Fetch;

/// <summary>
/// Concurrency limits for fetching: one fetch at a time per source (a slow source is never fetched twice in parallel)
/// and at most <see cref="FetchOptions.MaxConcurrentPerHost"/> requests per host, however many sources it serves.
/// </summary>
public sealed class FetchThrottle(IOptions<FetchOptions> options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> sources = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> hosts = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IDisposable> EnterAsync(FeedSource source, CancellationToken cancellationToken = default)
    {
        var sourceGate = sources.GetOrAdd(source.Id, _ => new SemaphoreSlim(1, 1));
        await sourceGate.WaitAsync(cancellationToken);
        if (source.Location.IsFile)
        {
            return new Release(sourceGate, null);
        }

        var perHost = options.Value.MaxConcurrentPerHost;
        var hostGate = hosts.GetOrAdd(source.Location.Authority, _ => new SemaphoreSlim(perHost, perHost));
        try
        {
            await hostGate.WaitAsync(cancellationToken);
        }
        catch
        {
            sourceGate.Release();
            throw;
        }

        return new Release(sourceGate, hostGate);
    }

    private sealed class Release(SemaphoreSlim source, SemaphoreSlim? host) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                host?.Release();
                source.Release();
            }
        }
    }
}
