using DigestBot.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace DigestBot.Hosting;

/// <summary>
/// Settings files (appsettings.json and the like) are watched for edits by polling their timestamps every few seconds
/// instead of with the host's watcher, which covers the whole content root and its sub-folders: the SQLite store under
/// data/ writes there on every ledger commit, and each write woke a watcher thread (several percent of a fan-out's CPU)
/// for nothing. The host is built with its own reloading off (<see cref="HostReloadKey"/>), so no watcher ever starts;
/// every settings file is then reloaded from a polling provider. Owned by the host's services, which dispose the
/// polling timers with the host. An edit that is not valid JSON is reported and leaves the previous values in force
/// (see <see cref="LastGoodJsonConfigurationProvider"/>).
/// </summary>
internal sealed class SettingsFilePolling : IDisposable
{
    /// <summary>The host setting that decides whether the default settings files reload on change.</summary>
    public const string HostReloadKey = "hostBuilder:reloadConfigOnChange";

    private readonly List<PhysicalFileProvider> providers = [];
    private ILogger? logger;

    public static SettingsFilePolling Apply(ConfigurationManager configuration, string contentRoot)
    {
        var polling = new SettingsFilePolling();
        for (var i = 0; i < configuration.Sources.Count; i++)
        {
            if (configuration.Sources[i] is FileConfigurationSource source)
            {
                var root = (source.FileProvider as PhysicalFileProvider)?.Root ?? contentRoot;
                var provider = new PhysicalFileProvider(root) { UsePollingFileWatcher = true, UseActivePolling = true };
                polling.providers.Add(provider);
                source = source is JsonConfigurationSource json
                    ? new LastGoodJsonConfigurationSource
                    {
                        Owner = polling, Path = json.Path ?? "", Optional = json.Optional, ReloadDelay = json.ReloadDelay, OnLoadException = json.OnLoadException,
                    }
                    : source;
                source.ReloadOnChange = true;
                source.FileProvider = provider;
                configuration.Sources[i] = source; // replacing a source reloads the configuration from it
            }
        }

        return polling;
    }

    /// <summary>From now on, settings files that stop or start parsing are logged here.</summary>
    public void ReportTo(ILogger<SettingsFilePolling> log) => logger = log;

    public void Rejected(string path, string description)
    {
        if (logger is not null)
        {
            ConfigurationChangeLog.Rejected(logger, Path.GetFileName(path), description);
        }
    }

    public void Readable(string path)
    {
        if (logger is not null)
        {
            ConfigurationChangeLog.FileReadable(logger, path);
        }
    }

    public void Dispose() => providers.ForEach(p => p.Dispose());
}
