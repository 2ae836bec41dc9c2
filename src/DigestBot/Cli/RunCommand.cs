using System.CommandLine;
using DigestBot.Hosting;
using Microsoft.AspNetCore.Builder;

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
                await DigestBotHost.Build([], HostMode.Worker).RunAsync(cancellationToken);
                return 0;
            }
            catch (Exception ex) when (ConfigurationErrors.From(ex) is { } failures)
            {
                return await ConfigurationErrors.ReportAsync(failures);
            }
        });
        return command;
    }
}
