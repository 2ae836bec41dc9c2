using DigestBot.Hosting;
using DigestBot.Options;
using DigestBot.Render.Pages;
using DigestBot.Web.Archive;
using DigestBot.Web.Status;
using DigestBot.Web.Subscriptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Web;

public static class WebRegistration
{
    public static IHostApplicationBuilder AddWeb(this WebApplicationBuilder builder, HostMode mode)
    {
        var web = builder.Configuration.GetSection(WebOptions.SectionName).Get<WebOptions>() ?? new WebOptions();
        if (mode == HostMode.Worker && web.Enabled)
        {
            builder.WebHost.UseUrls(web.Urls);
        }

        builder.Services.AddSingleton<PageRenderer>();
        builder.Services.AddHealthChecks();
        builder.Services.AddSubscribeRateLimit();
        builder.AddStatus();
        builder.AddArchive();
        return builder;
    }

    public static WebApplication MapDigestBotEndpoints(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapHealthChecks("/health");
        app.MapStatusEndpoints();
        app.MapSubscriptionEndpoints();
        app.MapArchiveEndpoints();
        return app;
    }
}
