using DigestBot.Hosting;
using DigestBot.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigestBot.Cli;

/// <summary>Builds the application for a one-shot verb: validates options and prepares the store, without starting the worker.</summary>
internal static class CommandHost
{
    /// <param name="settings">Configuration a verb sets for its own run, over appsettings.json and the environment.</param>
    /// <param name="prepareStore">False for a verb that neither reads nor writes the store: nothing is opened or migrated.</param>
    public static async Task<IHost> StartAsync(
        CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? settings = null, bool prepareStore = true)
    {
        var app = DigestBotHost.Build([], HostMode.Command, settings is null ? null : builder => builder.Configuration.AddInMemoryCollection(settings));
        ConfigurationErrors.ValidateAll(app.Services);
        if (prepareStore)
        {
            await app.Services.GetRequiredService<DigestBotStartup>().InitializeAsync(cancellationToken);
        }

        return app;
    }

    /// <summary>
    /// Runs a verb body, turning a user's mistake into one message and its exit code (see <see cref="CliErrors"/>), and a
    /// stop request (SIGINT, SIGTERM) into <paramref name="stoppedExitCode"/>.
    /// </summary>
    /// <param name="settings">Configuration the verb sets for its own run, over appsettings.json and the environment.</param>
    /// <param name="prepareStore">False for a verb that neither reads nor writes the store.</param>
    public static async Task<int> RunAsync(
        Func<IHost, Task<int>> body, CancellationToken cancellationToken, int stoppedExitCode = ExitCodes.Stopped,
        IReadOnlyDictionary<string, string?>? settings = null, bool prepareStore = true)
    {
        try
        {
            var app = await StartAsync(cancellationToken, settings, prepareStore);
            try
            {
                return await body(app);
            }
            finally
            {
                await app.DisposeAsync();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Stopped before finishing.");
            return stoppedExitCode;
        }
        catch (Exception ex) when (CliErrors.Describe(ex) is not null)
        {
            return await CliErrors.ReportAsync(ex, Console.Error);
        }
    }

    /// <summary>The digest's options; an unknown id stops the verb with exit code 2 and the list of configured digests.</summary>
    public static DigestOptions RequireDigest(IHost app, string digestId)
    {
        var digests = app.Services.GetRequiredService<IOptionsMonitor<CatalogOptions>>().CurrentValue.Digests;
        return digests.TryGetValue(digestId, out var digest)
            ? digest
            : throw new UnknownNameException($"Unknown digest '{digestId}'. Configured digests: {string.Join(", ", digests.Keys.Order(StringComparer.Ordinal))}.");
    }
}
