using System.Globalization;
using System.Threading.RateLimiting;
using DigestBot.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Web.Subscriptions;

/// <summary>
/// ASP.NET Core's rate limiting on POST /subscribe: a fixed window per client address and one for all clients together,
/// both from <c>Web:SubscribeRateLimit</c>. A refused request gets 429 with Retry-After (seconds until the window resets).
/// </summary>
public static partial class SubscribeRateLimit
{
    public const string PolicyName = "subscribe";

    private const string GlobalPartition = "subscribe-all";

    public static IServiceCollection AddSubscribeRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SubscribeRateLimitOptions>, ILoggerFactory>((options, limits, loggers) =>
        {
            var settings = limits.Value;
            var logger = loggers.CreateLogger(typeof(SubscribeRateLimit));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PolicyName, context => RateLimitPartition.GetFixedWindowLimiter(
                // Without forwarded-header handling every client behind a reverse proxy shares the proxy's address.
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => Window(settings.PermitLimit, settings.Window)));
            // The global window counts the same requests as the policy: those to endpoints that require it.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RequiresPolicy(context)
                ? RateLimitPartition.GetFixedWindowLimiter(GlobalPartition, _ => Window(settings.GlobalPermitLimit, settings.Window))
                : RateLimitPartition.GetNoLimiter(""));
            options.OnRejected = (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                LogRejected(logger, context.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                response.ContentType = "text/plain; charset=utf-8";
                return new ValueTask(response.WriteAsync("Too many subscribe requests; please try again later.\n", cancellationToken));
            };
        });
        return services;
    }

    private static bool RequiresPolicy(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == PolicyName;

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Subscribe request from {Client} refused: rate limit reached")]
    private static partial void LogRejected(ILogger logger, string client);
}
