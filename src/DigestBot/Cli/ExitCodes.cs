namespace DigestBot.Cli;

/// <summary>The exit codes verbs share (README, "Command line").</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The work ran but some of it failed (e.g. emails the server refused, a disabled Discord destination).</summary>
    public const int Failed = 1;

    /// <summary>appsettings.json or the environment is invalid, or an argument names something that is not configured.</summary>
    public const int Configuration = 2;

    /// <summary>The email templates are missing or do not compile.</summary>
    public const int Templates = 3;

    /// <summary>A verb stopped by SIGINT or SIGTERM before it finished (the shell's code for an interrupted command).</summary>
    public const int Stopped = 130;
}
