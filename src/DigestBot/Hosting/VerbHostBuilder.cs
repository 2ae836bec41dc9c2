using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigestBot.Hosting;

/// <summary>
/// The host of a one-shot verb: a generic host set up as the worker's slim web builder sets itself up (the same
/// settings sources in the same order, the same console logging, scope validation in Development), without the web
/// server, routing or web hosting the worker adds on top.
/// </summary>
internal static class VerbHostBuilder
{
    public static IHost Build(string[] args, Action<IHostApplicationBuilder>? configure, string? contentRoot)
    {
        DigestBotHost.RegisterEncodings();
        var (builder, configuration) = Create(DigestBotHost.HostArgs(args), contentRoot ?? DigestBotHost.ContentRoot());
        DigestBotHost.Prepare(builder, configuration, HostMode.Command);
        configure?.Invoke(builder);
        var host = builder.Build();
        DigestBotHost.Built(host);
        return host;
    }

    private static (HostApplicationBuilder Builder, ConfigurationManager Configuration) Create(string[] args, string contentRoot) =>
        DigestBotHost.CreateBuilder(() =>
        {
            // The host's settings, as the web builder reads them: both prefixes, DOTNET_ winning; then the command line.
            var configuration = new ConfigurationManager();
            configuration.AddEnvironmentVariables(prefix: "ASPNETCORE_");
            configuration.AddEnvironmentVariables(prefix: "DOTNET_");
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
            {
                Args = args, ContentRootPath = contentRoot, Configuration = configuration,
            });
            var environment = builder.Environment;
            // Not reloaded by the host: the settings files are polled instead (see SettingsFilePolling).
            configuration.AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
                .AddJsonFile($"appsettings.{environment.EnvironmentName}.json", optional: true, reloadOnChange: false);
            if (environment.IsDevelopment() && environment.ApplicationName is { Length: > 0 } application)
            {
                AddUserSecrets(configuration, application);
            }

            configuration.AddEnvironmentVariables();
            configuration.AddCommandLine(args);
            builder.Services.AddLogging(logging =>
            {
                logging.AddConfiguration(configuration.GetSection("Logging"));
                logging.AddSimpleConsole();
                logging.Configure(options => options.ActivityTrackingOptions =
                    ActivityTrackingOptions.SpanId | ActivityTrackingOptions.TraceId | ActivityTrackingOptions.ParentId);
            });
            if (environment.IsDevelopment())
            {
                builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
            }

            return (builder, configuration);
        });

    // Out of line: only a Development run loads the user-secrets reader.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddUserSecrets(ConfigurationManager configuration, string application)
    {
        try
        {
            configuration.AddUserSecrets(Assembly.Load(new AssemblyName(application)), optional: true, reloadOnChange: false);
        }
        catch (FileNotFoundException)
        {
            // No such assembly (a test host's name, say): no secrets to read, as for the web builder.
        }
    }
}
