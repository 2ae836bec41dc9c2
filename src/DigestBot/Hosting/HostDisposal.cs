using Microsoft.Extensions.Hosting;

namespace DigestBot.Hosting;

public static class HostDisposal
{
    /// <summary>
    /// Disposes the host the way its owner must: asynchronously, since a service that is only asynchronously disposable
    /// makes the synchronous Dispose throw. Both kinds of host (the worker's and a verb's) support it.
    /// </summary>
    public static ValueTask DisposeAsync(this IHost host)
    {
        if (host is IAsyncDisposable asynchronous)
        {
            return asynchronous.DisposeAsync();
        }

        host.Dispose();
        return ValueTask.CompletedTask;
    }
}
