using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigestBot.Render.Templates;

/// <summary>
/// The worker's watch on the templates folder: every <see cref="Interval"/> the templates are read and, when they have
/// changed and read the same twice in a row (an editor may still be writing), put in force. A folder watcher is not
/// used for the reason settings files are polled (see SettingsFilePolling): polling a dozen small files costs nothing.
/// </summary>
internal sealed class TemplateReloader(TemplateLibrary templates, ILogger<TemplateReloader> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        string? previous = null;
        string? unreadable = null;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                TemplateSources sources;
                try
                {
                    sources = TemplateSources.Read(templates.Root);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Reported once per kind of failure, not every tick.
                    if (ex.Message != unreadable)
                    {
                        TemplateLog.Unreadable(logger, templates.Root, ex.Message);
                    }

                    unreadable = ex.Message;
                    continue;
                }

                unreadable = null;
                if (sources.Key == previous)
                {
                    await templates.ReloadAsync(sources, stoppingToken);
                }

                previous = sources.Key;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
