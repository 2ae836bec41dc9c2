using Microsoft.Extensions.Logging;

namespace DigestBot.Options;

/// <summary>How a change of the settings while the worker runs is reported, whether a value fails validation or the file does not parse.</summary>
internal static partial class ConfigurationChangeLog
{
    [LoggerMessage(EventId = 1010, Level = LogLevel.Error, Message = "Configuration change rejected ({Options}); the previous settings stay in force. Fix: {Failures}")]
    public static partial void Rejected(ILogger logger, string options, string failures);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Configuration change applied ({Options})")]
    public static partial void Applied(ILogger logger, string options);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "Settings file {File} reads again; its values are checked and applied as usual")]
    public static partial void FileReadable(ILogger logger, string file);
}
