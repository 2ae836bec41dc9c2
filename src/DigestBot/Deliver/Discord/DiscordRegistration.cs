using DigestBot.Render.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Deliver.Discord;

public static class DiscordRegistration
{
    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DiscordMessageBuilder>();
        builder.Services.AddSingleton<DiscordRateLimiter>();
        builder.Services.AddSingleton<DiscordOutbox>();
        builder.Services.AddSingleton<DiscordDelivery>();
        // No generic resilience handler: a retried POST could post twice, and Discord's 429 bodies decide the waits
        // (DiscordClient retries with the shared DiscordRateLimiter instead).
        builder.Services.AddHttpClient<DiscordClient>(http =>
        {
            http.Timeout = TimeSpan.FromSeconds(30);
            http.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://github.com/digestbot, 1.0)");
        })
        // The client lives in a singleton: let the handler recycle connections itself instead of relying on rotation.
        .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        builder.Services.AddHttpClient<DiscordInteractionClient>(http =>
        {
            http.Timeout = TimeSpan.FromSeconds(30);
            http.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://github.com/digestbot, 1.0)");
        });
        // Replace the typed-client factory's registrations (same clients, same names): that factory compiles an expression
        // tree per client type, which loads System.Linq.Expressions into every process only for this.
        builder.Services.AddTransient(services => ActivatorUtilities.CreateInstance<DiscordClient>(
            services, services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(DiscordClient))));
        builder.Services.AddTransient(services => ActivatorUtilities.CreateInstance<DiscordInteractionClient>(
            services, services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(DiscordInteractionClient))));
        return builder;
    }
}
