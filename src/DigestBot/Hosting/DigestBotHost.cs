using System.Runtime.CompilerServices;
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
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigestBot.Hosting;

/// <summary>
/// Builds the application: the worker as a web application (<see cref="WorkerHost"/>), a one-shot verb as a generic host
/// (<see cref="VerbHostBuilder"/>) with the same settings, logging, options and services but no web server, so a verb
/// loads none of ASP.NET Core's server, routing and hosting assemblies.
/// </summary>
public static class DigestBotHost
{
    /// <summary>Builds the application. <paramref name="configure"/> lets tests and tools add configuration or replace services.</summary>
    public static IHost Build(string[] args, HostMode mode, Action<IHostApplicationBuilder>? configure = null, string? contentRoot = null) =>
        mode == HostMode.Worker ? BuildWorker(args, configure, contentRoot) : BuildVerb(args, configure, contentRoot);

    public static IHostApplicationBuilder AddDigestBot(this IHostApplicationBuilder builder, HostMode mode)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddDigestBotOptions();
        builder.Services.AddHostedService<StartupHostedService>();
        builder.Services.AddSingleton<DigestBotStartup>();
        builder.AddStore().AddFetch().AddRank().AddSummarize().AddTemplates(reload: mode == HostMode.Worker).AddEmail().AddDiscord().AddPipeline().AddFeedback();
        builder.AddScheduling(startScheduler: mode == HostMode.Worker);
        builder.AddEditions();
        builder.AddBounceMailbox(watch: mode == HostMode.Worker);
        builder.AddWeb();
        builder.AddTelemetry();
        return builder;
    }

    /// <summary>
    /// What both kinds of host do once their builder exists: settings files polled (the host's own file watching stays
    /// off, see <see cref="SettingsFilePolling"/>) and DigestBot's services added.
    /// </summary>
    internal static void Prepare(IHostApplicationBuilder builder, ConfigurationManager configuration, HostMode mode)
    {
        var polling = SettingsFilePolling.Apply(configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(_ => polling);
        builder.AddDigestBot(mode);
    }

    /// <summary>From now on the host owns (and disposes) the settings polling, which reports to the host's log.</summary>
    internal static void Built(IHost host) =>
        host.Services.GetRequiredService<SettingsFilePolling>().ReportTo(host.Services.GetRequiredService<ILogger<SettingsFilePolling>>());

    /// <summary>Arguments for the host: its own reloading off (see <see cref="SettingsFilePolling"/>), then the caller's.</summary>
    internal static string[] HostArgs(string[] args) => [$"--{SettingsFilePolling.HostReloadKey}=false", .. args];

    /// <summary>The folder holding appsettings.json: the working directory when it has one, else the application's folder.</summary>
    internal static string ContentRoot() =>
        File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
            ? Directory.GetCurrentDirectory()
            : AppContext.BaseDirectory;

    /// <summary>Makes a host builder; an appsettings file that cannot be read becomes the error that names it.</summary>
    internal static T CreateBuilder<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (InvalidDataException ex) when (SettingsFileError.FromStartup(ex) is { } unreadable)
        {
            throw unreadable;
        }
    }

    internal static void RegisterEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    // Out of line, and the web application's type named only in there: compiling a method loads every assembly it names,
    // and a verb must not load ASP.NET Core's.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IHost BuildWorker(string[] args, Action<IHostApplicationBuilder>? configure, string? contentRoot) =>
        WorkerHost.Build(args, configure, contentRoot);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IHost BuildVerb(string[] args, Action<IHostApplicationBuilder>? configure, string? contentRoot) =>
        VerbHostBuilder.Build(args, configure, contentRoot);
}
