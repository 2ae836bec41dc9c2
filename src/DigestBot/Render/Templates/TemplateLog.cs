using Microsoft.Extensions.Logging;

namespace DigestBot.Render.Templates;

/// <summary>How the templates are compiled, cached, loaded and reloaded.</summary>
internal static partial class TemplateLog
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "{Count} templates loaded from the compiled copy {Path}")]
    public static partial void Loaded(ILogger logger, int count, string path);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Compiling {Count} templates from {Root}: {Reason}")]
    public static partial void Compiling(ILogger logger, int count, string root, string reason);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "{Count} templates compiled in {Seconds:F1} s")]
    public static partial void Compiled(ILogger logger, int count, double seconds);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Compiled templates saved to {Path}; later starts load them without compiling")]
    public static partial void Saved(ILogger logger, string path);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning,
        Message = "Compiled templates could not be saved to {Path} ({Error}); each start compiles them again until the folder is writable")]
    public static partial void NotSaved(ILogger logger, string path, string error);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning, Message = "Compiled templates {Path} ignored: {Problem}; the templates are compiled again")]
    public static partial void Ignored(ILogger logger, string path, string problem);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Information, Message = "Templates changed in {Root}; the new templates are in force")]
    public static partial void Reloaded(ILogger logger, string root);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Error,
        Message = "Templates changed in {Root} but cannot be used; the previous templates stay in force. Fix: {Error}")]
    public static partial void ReloadRejected(ILogger logger, string root, string error);

    [LoggerMessage(EventId = 7008, Level = LogLevel.Warning, Message = "Templates folder {Root} could not be read for changes: {Error}")]
    public static partial void Unreadable(ILogger logger, string root, string error);
}
