using DigestBot.Hosting;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Hosting;

/// <summary>A verb's host (no web server) reads its settings and logs as the worker's web host does.</summary>
public sealed class VerbHostTests
{
    [Fact]
    public async Task Build_verbAndWorker_sameSettingsSourcesInTheSameOrder()
    {
        await using var app = TestApp.Create();

        var worker = await DescribeAsync(HostMode.Worker, app.Root, host => Sources(host));
        var verb = await DescribeAsync(HostMode.Command, app.Root, host => Sources(host));

        Assert.Contains(worker, s => s.Contains("'appsettings.json'", StringComparison.Ordinal));
        Assert.Equal(worker, verb);
    }

    [Fact]
    public async Task Build_verbAndWorker_sameLoggersEnvironmentAndContentRoot()
    {
        await using var app = TestApp.Create();

        var worker = await DescribeAsync(HostMode.Worker, app.Root, Essentials);
        var verb = await DescribeAsync(HostMode.Command, app.Root, Essentials);

        Assert.Contains("logger ConsoleLoggerProvider", worker);
        Assert.Contains($"root {app.Root}", worker);
        Assert.Equal(worker, verb);
    }

    // The worker's web host chains its own settings (urls, hosting start-up assemblies) after all of these.
    private static IReadOnlyList<string> Sources(IHost host) =>
        ((IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>()).Providers
            .Where(p => p is not ChainedConfigurationProvider)
            .Select(p => p.ToString() ?? "")
            .ToList();

    private static IReadOnlyList<string> Essentials(IHost host)
    {
        var environment = host.Services.GetRequiredService<IHostEnvironment>();
        return
        [
            .. host.Services.GetServices<ILoggerProvider>().Select(p => "logger " + p.GetType().Name).Order(StringComparer.Ordinal),
            "environment " + environment.EnvironmentName,
            "application " + environment.ApplicationName,
            "root " + environment.ContentRootPath.TrimEnd(Path.DirectorySeparatorChar),
            "level " + host.Services.GetRequiredService<IConfiguration>()["Logging:LogLevel:Default"],
        ];
    }

    private static async Task<IReadOnlyList<string>> DescribeAsync(HostMode mode, string root, Func<IHost, IReadOnlyList<string>> describe)
    {
        var host = DigestBotHost.Build([], mode, contentRoot: root);
        try
        {
            return describe(host);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
