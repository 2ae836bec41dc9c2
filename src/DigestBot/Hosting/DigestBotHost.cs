using System.Text;
using DigestBot.Deliver.Discord;
using DigestBot.Deliver.Email;
using DigestBot.Editions;
using DigestBot.Feedback;
using DigestBot.Feedback.Mailbox;
using DigestBot.Fetch;
using DigestBot.Observability;
using DigestBot.Options;
using DigestBot.Pipeline;
using DigestBot.Rank;
using DigestBot.Render.Templates;
using DigestBot.Scheduling;
using DigestBot.Store;
using DigestBot.Summarize;
using DigestBot.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigestBot.Hosting;

public static class DigestBotHost
{
    /// <summary>Builds the application. <paramref name="configure"/> lets tests and tools add configuration or replace services.</summary>
    public static WebApplication Build(string[] args, HostMode mode, Action<WebApplicationBuilder>? configure = null, string? contentRoot = null)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        // The host's own file watching stays off (see SettingsFilePolling, which polls the settings files instead).
        var builder = CreateBuilder(args, contentRoot ?? ContentRoot());
        var polling = SettingsFilePolling.Apply(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(_ => polling);
        builder.AddDigestBot(mode);
        configure?.Invoke(builder);
        var app = builder.Build();
        // From now on the host owns (and disposes) it.
        app.Services.GetRequiredService<SettingsFilePolling>().ReportTo(app.Services.GetRequiredService<ILogger<SettingsFilePolling>>());
        if (mode == HostMode.Worker)
        {
            app.MapDigestBotEndpoints();
        }

        return app;
    }

    public static IHostApplicationBuilder AddDigestBot(this WebApplicationBuilder builder, HostMode mode)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddDigestBotOptions();
        builder.Services.AddHostedService<StartupHostedService>();
        builder.Services.AddSingleton<DigestBotStartup>();
        builder.AddStore().AddFetch().AddRank().AddSummarize().AddTemplates(reload: mode == HostMode.Worker).AddEmail().AddDiscord().AddPipeline().AddFeedback();
        builder.AddScheduling(startScheduler: mode == HostMode.Worker);
        builder.AddEditions();
        builder.AddBounceMailbox(watch: mode == HostMode.Worker);
        builder.AddWeb(listen: mode == HostMode.Worker);
        builder.AddTelemetry();
        return builder;
    }

    private static WebApplicationBuilder CreateBuilder(string[] args, string contentRoot)
    {
        try
        {
            // The slim builder leaves out what the worker never used but every process loaded: HTTP/3 (QUIC), IIS
            // integration, hosting-startup assemblies. Settings, logging and Kestrel's own section work as before; the
            // Kestrel section's HTTPS endpoints are kept by name.
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                Args = [$"--{SettingsFilePolling.HostReloadKey}=false", .. args],
                ContentRootPath = contentRoot,
            });
            builder.WebHost.UseKestrelHttpsConfiguration();
            return builder;
        }
        catch (InvalidDataException ex) when (SettingsFileError.FromStartup(ex) is { } unreadable)
        {
            throw unreadable;
        }
    }

    /// <summary>The folder holding appsettings.json: the working directory when it has one, else the application's folder.</summary>
    private static string ContentRoot() =>
        File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
            ? Directory.GetCurrentDirectory()
            : AppContext.BaseDirectory;
}
