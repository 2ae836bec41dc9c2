using DigestBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Cli;

/// <summary>Builds the application for a one-shot verb: validates options and prepares the store, without starting the worker.</summary>
internal static class CommandHost
{
    public static async Task<WebApplication> StartAsync(CancellationToken cancellationToken)
    {
        var app = DigestBotHost.Build([], HostMode.Command);
        ConfigurationErrors.ValidateAll(app.Services);
        await app.Services.GetRequiredService<DigestBotStartup>().InitializeAsync(cancellationToken);
        return app;
    }

    /// <summary>Runs a verb body, turning configuration errors into a clear message and exit code 2.</summary>
    public static async Task<int> RunAsync(Func<WebApplication, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            await using var app = await StartAsync(cancellationToken);
            return await body(app);
        }
        catch (Exception ex) when (ConfigurationErrors.From(ex) is { } failures)
        {
            return await ConfigurationErrors.ReportAsync(failures);
        }
    }
}
