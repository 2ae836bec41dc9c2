using Microsoft.Extensions.Logging;

namespace DigestBot.Observability;

/// <summary>
/// Log scopes that put the digest, edition and source on every entry written inside them, as structured values
/// (<c>DigestId</c>, <c>EditionId</c>, <c>SourceId</c>) for JSON logs and as text for the console.
/// </summary>
public static class LogScopes
{
    private static readonly Func<ILogger, string, IDisposable?> DigestScope = LoggerMessage.DefineScope<string>("Digest {DigestId}");
    private static readonly Func<ILogger, string, IDisposable?> EditionScope = LoggerMessage.DefineScope<string>("Edition {EditionId}");
    private static readonly Func<ILogger, string, IDisposable?> SourceScope = LoggerMessage.DefineScope<string>("Source {SourceId}");

    public static IDisposable? BeginDigestScope(this ILogger logger, string digestId) => DigestScope(logger, digestId);

    public static IDisposable? BeginEditionScope(this ILogger logger, string editionId) => EditionScope(logger, editionId);

    public static IDisposable? BeginSourceScope(this ILogger logger, string sourceId) => SourceScope(logger, sourceId);
}
