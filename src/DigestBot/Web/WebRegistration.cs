using DigestBot.Options;
using DigestBot.Render.Pages;
using DigestBot.Web.Archive;
using DigestBot.Web.Discord;
using DigestBot.Web.Feedback;
using DigestBot.Web.Status;
using DigestBot.Web.Subscriptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Web;

public static class WebRegistration
{
    /// <summary>
    /// The services and options behind the endpoints, in every mode: verbs render pages, explain stories, read the
    /// status and archive, and start-up validates every section. Nothing here names an ASP.NET Core type.
    /// </summary>
    public static IHostApplicationBuilder AddWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PageRenderer>();
        builder.Services.AddSingleton<OptInRequests>();
        builder.Services.AddDiscordInteractions();
        builder.AddStatus();
        builder.AddArchive();
        builder.Services.AddOptions<PostmarkWebhookOptions>().BindConfiguration(PostmarkWebhookOptions.SectionName).ValidatedAtStart(PostmarkWebhookOptions.SectionName)
            .Validate(o => string.IsNullOrEmpty(o.User) == string.IsNullOrEmpty(o.Password),
                $"{PostmarkWebhookOptions.SectionName}: set both User and Password (the webhook's basic auth), or neither.");
        return builder;
    }

    /// <summary>The worker's listener: its addresses, the health check and the subscribe rate limit (the worker only).</summary>
    public static WebApplicationBuilder AddWebListener(this WebApplicationBuilder builder)
    {
        var web = builder.Configuration.GetSection(WebOptions.SectionName).Get<WebOptions>() ?? new WebOptions();
        if (web.Enabled)
        {
            builder.WebHost.UseUrls(web.Urls);
        }

        builder.Services.AddHealthChecks();
        builder.Services.AddSubscribeRateLimit();
        return builder;
    }

    public static WebApplication MapDigestBotEndpoints(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapHealthChecks("/health");
        app.MapStatusEndpoints();
        app.MapSubscriptionEndpoints();
        app.MapArchiveEndpoints();
        app.MapPostmarkWebhook();
        app.MapInteractionEndpoints();
        return app;
    }
}
