using System.CommandLine;

namespace DigestBot.Cli;

/// <summary>The command line: the worker by default, plus one-shot verbs that share its configuration.</summary>
public static class CliApp
{
    public static RootCommand Create()
    {
        var root = new RootCommand("DigestBot: newsletter digests from news feeds, by email and Discord.");
        var run = RunCommand.Create();
        root.Add(run);
        root.Add(SendNowCommand.Create());
        root.Add(PreviewCommand.Create());
        root.Add(ValidateCommand.Create());
        root.Add(HealthCommand.Create());
        root.Add(ExplainCommand.Create());
        root.Add(IngestCommand.Create());
        root.Add(DiscordStatusCommand.Create());
        root.Add(DiscordCommand.Create());
        root.Add(SubscribersCommand.Create());
        root.Action = run.Action;
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        DigestBot.Runtime.NativeHeap.LimitArenas();
        using var signals = TerminationSignals.Register();
        var exitCode = await Create().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, signals.Token);
        AssemblyReport.WriteIfAsked();
        return exitCode;
    }
}
