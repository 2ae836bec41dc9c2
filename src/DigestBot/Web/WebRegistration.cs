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
using Microsoft.Extensions.Hosting;

namespace DigestBot.Web;

public static class WebRegistration
{
    /// <summary>Endpoints and their services; <paramref name="listen"/> is false for one-shot commands, which open no port.</summary>
    public static IHostApplicationBuilder AddWeb(this WebApplicationBuilder builder, bool listen)
    {
        var web = builder.Configuration.GetSection(WebOptions.SectionName).Get<WebOptions>() ?? new WebOptions();
        if (listen && web.Enabled)
        {
            builder.WebHost.UseUrls(web.Urls);
        }

        builder.Services.AddSingleton<PageRenderer>();
        builder.Services.AddHealthChecks();
        builder.Services.AddSubscribeRateLimit();
        builder.Services.AddSingleton<OptInRequests>();
        builder.Services.AddDiscordInteractions();
        builder.AddStatus();
        builder.AddArchive();
        builder.Services.AddValidatedSection<PostmarkWebhookOptions>(PostmarkWebhookOptions.SectionName)
            .Validate(o => string.IsNullOrEmpty(o.User) == string.IsNullOrEmpty(o.Password),
                $"{PostmarkWebhookOptions.SectionName}: set both User and Password (the webhook's basic auth), or neither.");
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
