using System.Collections.Concurrent;
using RazorLight;

namespace DigestBot.Render.Email;

/// <summary>
/// One pair of RazorLight engines per template folder for the whole process, shared by the emails, the archive and the
/// web pages: each compile costs about a second of Roslyn, and hosts built more than once in a process (CLI verbs, tests)
/// would otherwise pay it every time.
/// </summary>
internal static class TemplateEngines
{
    private static readonly ConcurrentDictionary<string, (RazorLightEngine Html, RazorLightEngine Text)> Engines = new(StringComparer.Ordinal);

    /// <summary>The HTML engine (model text HTML-encoded) and the text engine (no encoding) for the folder <paramref name="root"/>.</summary>
    public static (RazorLightEngine Html, RazorLightEngine Text) For(string root) => Engines.GetOrAdd(root, r => (
        new RazorLightEngineBuilder().UseFileSystemProject(r).UseMemoryCachingProvider().UseSharedReferences().Build(),
        new RazorLightEngineBuilder().UseFileSystemProject(r).UseMemoryCachingProvider().UseSharedReferences().DisableEncoding().Build()));
}
