using System.CommandLine;
using DigestBot.Hosting;
using DigestBot.Render.Templates;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Cli;

internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Run the worker: digests on their schedules, plus the web endpoints (the default).");
        command.SetAction(async (_, cancellationToken) =>
        {
            try
            {
                await using var app = WorkerHost.Build([]);
                // Checked before the host starts: a failure inside start-up is logged by the host with its stack trace.
                ConfigurationErrors.ValidateAll(app.Services);
                await app.Services.GetRequiredService<TemplateLibrary>().PrepareAsync(cancellationToken);
                app.Lifetime.ApplicationStarted.Register(StartupGarbage.ReleaseSoon);
                await app.RunAsync(cancellationToken);
                return ExitCodes.Ok;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped while starting: nothing was running yet, so this is as clean as a stop gets.
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (CliErrors.Describe(ex) is not null)
            {
                return await CliErrors.ReportAsync(ex, Console.Error);
            }
        });
        return command;
    }
}
