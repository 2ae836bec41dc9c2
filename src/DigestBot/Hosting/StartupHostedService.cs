using DigestBot.Render.Templates;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Hosting;

/// <summary>
/// Runs <see cref="DigestBotStartup"/> and checks that the templates compile before the scheduler starts (hosted services
/// start in registration order): a worker whose templates do not compile does not start. They are loaded on the first
/// render, so an idle worker holds neither RazorLight nor the compiled templates.
/// </summary>
internal sealed class StartupHostedService(DigestBotStartup startup, TemplateLibrary templates) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await startup.InitializeAsync(cancellationToken);
        await templates.PrepareAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
