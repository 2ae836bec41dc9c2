using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Primitives;

namespace DigestBot.Hosting;

/// <summary>
/// A JSON settings file that keeps its last readable content while an edit does not parse. The stock provider empties
/// itself on such a reload and reports nothing (the error dies on the file watcher's thread), so the next reload of any
/// other source would have run the worker on defaults. Here the edit is reported (file, line, position), the previous
/// values stay, and listeners are not told of a change that did not happen. Start-up still fails on a broken file.
/// </summary>
internal sealed class LastGoodJsonConfigurationProvider : JsonConfigurationProvider, IConfigurationProvider
{
    private readonly SettingsFilePolling owner;
    private readonly IDisposable forwarding;
    private ConfigurationReloadToken reloadToken = new();
    private bool started;
    private bool rejectedThisReload;
    private bool broken;

    public LastGoodJsonConfigurationProvider(JsonConfigurationSource source, SettingsFilePolling owner)
        : base(source)
    {
        this.owner = owner;
        // The base class signals every reload, a rejected one included; only real changes are passed on to listeners.
        forwarding = ChangeToken.OnChange(GetReloadToken, Forward);
    }

    private string FilePath => Source.FileProvider?.GetFileInfo(Source.Path ?? "").PhysicalPath ?? Source.Path ?? "";

    // Re-implemented so that the configuration root listens to the forwarded token, not the base class's own.
    IChangeToken IConfigurationProvider.GetReloadToken() => reloadToken;

    public override void Load()
    {
        try
        {
            base.Load();
        }
        finally
        {
            started = true;
        }
    }

    public override void Load(Stream stream)
    {
        try
        {
            base.Load(stream); // replaces the data only once the whole file has parsed
        }
        catch (FormatException ex) when (started)
        {
            rejectedThisReload = true;
            broken = true;
            owner.Rejected(FilePath, SettingsFileError.Describe(FilePath, ex));
            return;
        }

        if (broken)
        {
            broken = false;
            owner.Readable(FilePath);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            forwarding.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Forward()
    {
        if (rejectedThisReload)
        {
            rejectedThisReload = false;
            return;
        }

        Interlocked.Exchange(ref reloadToken, new ConfigurationReloadToken()).OnReload();
    }
}
