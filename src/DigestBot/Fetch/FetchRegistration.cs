using System.Net;
using DigestBot.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace DigestBot.Fetch;

public static class FetchRegistration
{
    public static IHostApplicationBuilder AddFetch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FetchOptions>().BindConfiguration(FetchOptions.SectionName).ValidatedAtStart(FetchOptions.SectionName);
        builder.Services.AddSingleton<FeedParser>();
        builder.Services.AddSingleton<FetchThrottle>();
        builder.Services.AddSingleton<FeedIngestor>();
        builder.Services.AddHttpClient(nameof(FeedFetcher), (services, http) =>
            {
                var options = services.GetRequiredService<IOptions<FetchOptions>>().Value;
                // The resilience handler owns timeouts; this only backstops it.
                http.Timeout = TimeSpan.FromSeconds(options.TotalTimeoutSeconds + 5);
                http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
                http.DefaultRequestHeaders.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8");
            })
            .ConfigurePrimaryHttpMessageHandler(services => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxConnectionsPerServer = services.GetRequiredService<IOptions<FetchOptions>>().Value.MaxConcurrentPerHost,
                MaxAutomaticRedirections = 5,
            })
            .AddStandardResilienceHandler()
            // One pipeline (and circuit breaker) per host: a dead site must not open the circuit for every other source.
            .SelectPipelineByAuthority()
            .Configure((resilience, services) =>
            {
                var options = services.GetRequiredService<IOptions<FetchOptions>>().Value;
                resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(options.AttemptTimeoutSeconds);
                resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(Math.Max(options.TotalTimeoutSeconds, options.AttemptTimeoutSeconds));
                resilience.CircuitBreaker.SamplingDuration = resilience.AttemptTimeout.Timeout * 2;
                resilience.Retry.MaxRetryAttempts = Math.Max(options.Retries, 1);
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(options.RetryDelayMilliseconds);
                resilience.Retry.ShouldHandle = options.Retries == 0 ? _ => ValueTask.FromResult(false) : resilience.Retry.ShouldHandle;
            });
        // A named client rather than a typed one: the typed-client factory compiles an expression tree per client type,
        // which loads System.Linq.Expressions into every process only for this.
        builder.Services.AddTransient<FeedFetcher>();
        return builder;
    }
}
