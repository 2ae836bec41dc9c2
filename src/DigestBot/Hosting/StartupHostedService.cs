using DigestBot.Render.Templates;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Hosting;

/// <summary>
/// Runs <see cref="DigestBotStartup"/> and loads the templates before the scheduler starts (hosted services start in
/// registration order): a worker whose templates do not compile does not start.
/// </summary>
internal sealed class StartupHostedService(DigestBotStartup startup, TemplateLibrary templates) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await startup.InitializeAsync(cancellationToken);
        await templates.LoadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
