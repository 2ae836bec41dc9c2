using Microsoft.Extensions.Hosting;

namespace DigestBot.Hosting;

/// <summary>Runs <see cref="DigestBotStartup"/> before the scheduler starts (hosted services start in registration order).</summary>
internal sealed class StartupHostedService(DigestBotStartup startup) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => startup.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
