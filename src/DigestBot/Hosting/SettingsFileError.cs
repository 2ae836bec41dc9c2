using System.Globalization;
using System.Text.Json;

namespace DigestBot.Hosting;

/// <summary>Says what is wrong with a settings file that does not parse, in the terms an editor shows: line and position from 1.</summary>
internal static class SettingsFileError
{
    /// <summary>"FILE is not valid JSON: line L, position P: what the parser expected", from the parser's exception.</summary>
    public static string Describe(string path, Exception parseError)
    {
        var json = Find<JsonException>(parseError);
        if (json is null)
        {
            // The configuration reader's own objections (a duplicate key, a top-level array) carry no position.
            return $"{path} is not valid settings JSON: {Find<FormatException>(parseError)?.Message ?? parseError.Message}";
        }

        var where = json.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, position {(json.BytePositionInLine ?? 0) + 1}: ")
            : "";
        return $"{path} is not valid JSON: {where}{WithoutPosition(json.Message)}";
    }

    /// <summary>
    /// The settings file start-up could not load (the host reports it as "Failed to load configuration from file 'PATH'"
    /// around the parser's exception), or null when <paramref name="exception"/> is about something else.
    /// </summary>
    public static SettingsFileException? FromStartup(Exception exception)
    {
        if (exception is not InvalidDataException { InnerException: FormatException parseError } loadFailure)
        {
            return null;
        }

        var (open, close) = (loadFailure.Message.IndexOf('\'', StringComparison.Ordinal), loadFailure.Message.LastIndexOf('\''));
        var path = open >= 0 && close > open ? loadFailure.Message[(open + 1)..close] : "appsettings.json";
        return new SettingsFileException(Describe(path, parseError), exception);
    }

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found)
            {
                return found;
            }
        }

        return null;
    }

    // System.Text.Json appends " LineNumber: 13 | BytePositionInLine: 4." (counted from 0); the position is given above instead.
    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
