using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;

namespace DigestBot.Hosting;

/// <summary>
/// Settings files (appsettings.json and the like) are watched for edits by polling their timestamps every few seconds
/// instead of with the default watcher, which covers the whole content root and its sub-folders: the SQLite store under
/// data/ writes there on every ledger commit, and each write woke a watcher thread and the thread pool (several percent
/// of a fan-out's CPU) for nothing. Owned by the host's services, which dispose the polling timers with the host.
/// </summary>
internal sealed class SettingsFilePolling : IDisposable
{
    private readonly List<PhysicalFileProvider> providers = [];

    public static SettingsFilePolling Apply(ConfigurationManager configuration, string contentRoot)
    {
        var polling = new SettingsFilePolling();
        for (var i = 0; i < configuration.Sources.Count; i++)
        {
            if (configuration.Sources[i] is FileConfigurationSource { ReloadOnChange: true } source)
            {
                var root = (source.FileProvider as PhysicalFileProvider)?.Root ?? contentRoot;
                var provider = new PhysicalFileProvider(root) { UsePollingFileWatcher = true, UseActivePolling = true };
                polling.providers.Add(provider);
                source.FileProvider = provider;
                configuration.Sources[i] = source; // replacing a source reloads the configuration from it
            }
        }

        return polling;
    }

    public void Dispose() => providers.ForEach(p => p.Dispose());
}
