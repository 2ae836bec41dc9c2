using DigestBot.Hosting;
using DigestBot.Render.Email;
using RazorLight;
using RazorLight.Compilation;

namespace DigestBot.Cli;

/// <summary>
/// The mistakes a user can make (settings, templates, names on the command line) as one clear message and the
/// documented exit code, instead of an exception's stack trace.
/// </summary>
internal static class CliErrors
{
    /// <summary>The exit code and message lines for <paramref name="exception"/>, or null when it is not a user's mistake.</summary>
    public static (int ExitCode, IReadOnlyList<string> Lines)? Describe(Exception exception) => exception switch
    {
        _ when ConfigurationErrors.From(exception) is { } failures =>
            (ExitCodes.Configuration, ["Configuration is invalid (appsettings.json or environment):", .. failures.Select(f => "  " + f)]),
        SettingsFileException unreadable => (ExitCodes.Configuration, ["Configuration is invalid: " + unreadable.Message]),
        UnknownNameException unknown => (ExitCodes.Configuration, [unknown.Message]),
        TemplateFolderException missing => (ExitCodes.Templates, ["Templates are missing: " + missing.Message]),
        RazorLightException razor => (ExitCodes.Templates, ["Templates do not compile: " + razor.Message, .. CompilationErrorsBeyond(razor)]),
        _ => null,
    };

    /// <summary>Writes the message for a user's mistake and returns its exit code (see <see cref="Describe"/>).</summary>
    public static async Task<int> ReportAsync(Exception exception, TextWriter error)
    {
        var (exitCode, lines) = Describe(exception) ?? throw new ArgumentException("Not a user's mistake.", nameof(exception), exception);
        foreach (var line in lines)
        {
            await error.WriteLineAsync(line);
        }

        return exitCode;
    }

    // Razor's errors, unless the message already lists them (the renderer's own compile errors do).
    private static IEnumerable<string> CompilationErrorsBeyond(RazorLightException razor) =>
        ((razor as TemplateCompilationException)?.CompilationErrors ?? []).Where(e => !razor.Message.Contains(e, StringComparison.Ordinal)).Select(e => "  " + e);
}
