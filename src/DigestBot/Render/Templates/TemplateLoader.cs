using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace DigestBot.Render.Templates;

/// <summary>
/// How <see cref="TemplateLibrary"/> gets compiled templates (from the cache, or by compiling them) and loads them.
/// Only <see cref="LoadAsync"/> loads RazorLight and the templates' assembly; only compiling loads Roslyn.
/// </summary>
internal sealed class TemplateLoader(string root, TemplateCache cache, ILogger logger)
{
    // Hosts built more than once in a process (tests, tools) share the loaded set of identical templates.
    private static readonly ConcurrentDictionary<string, TemplateSet> Shared = new(StringComparer.Ordinal);
    private static int compilerGarbageReleased;

    /// <summary>The templates of <paramref name="key"/> when this process already loaded them.</summary>
    public static TemplateSet? Loaded(string key) => Shared.TryGetValue(key, out var set) ? set : null;

    /// <summary>True when the templates of <paramref name="key"/> are loaded in this process or have an intact compiled copy.</summary>
    public bool IsCompiled(string key) => Shared.ContainsKey(key) || cache.TryRead(key) is not null;

    /// <summary>Unloads <paramref name="old"/> once it is out of force, unless another host shares it.</summary>
    public static void Release(TemplateSet old)
    {
        if (Shared.TryRemove(new KeyValuePair<string, TemplateSet>(old.Key, old)))
        {
            old.Unload();
        }
    }

    /// <summary>The compiled templates of <paramref name="sources"/>: their compiled copy, or compiled now (throws when they do not compile).</summary>
    public async Task<PreparedTemplates> PrepareAsync(TemplateSources sources, CancellationToken cancellationToken = default) =>
        cache.TryRead(sources.Key) is { } cached
            ? new PreparedTemplates(sources, cached, Cached: true)
            : new PreparedTemplates(sources, await CompileAsync(sources, cancellationToken), Cached: false);

    /// <summary>Loads <paramref name="prepared"/>; a compiled copy that does not load is reported and the templates compiled again.</summary>
    public async Task<TemplateSet> LoadAsync(PreparedTemplates prepared, CancellationToken cancellationToken = default)
    {
        if (Shared.TryGetValue(prepared.Sources.Key, out var shared))
        {
            return shared;
        }

        if (!prepared.Cached)
        {
            return Share(TemplateSet.Load(prepared.Compiled, root));
        }

        var path = cache.PathOf(prepared.Sources.Key)!;
        try
        {
            var loaded = TemplateSet.Load(prepared.Compiled, root);
            TemplateLog.Loaded(logger, loaded.Count, path);
            return Share(loaded);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            TemplateLog.Ignored(logger, path, "it does not load: " + ex.Message);
        }

        return Share(TemplateSet.Load(await CompileAsync(prepared.Sources, cancellationToken), root));
    }

    private static TemplateSet Share(TemplateSet set)
    {
        var winner = Shared.GetOrAdd(set.Key, set);
        if (winner != set)
        {
            set.Unload();
        }

        return winner;
    }

    // Kept out of line: only this method reaches the compiler, so a process that finds its templates compiled never
    // loads Roslyn, not even to compile the methods that call it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public async Task<CompiledAssembly> CompileAsync(TemplateSources sources, CancellationToken cancellationToken = default)
    {
        TemplateLog.Compiling(logger, sources.Count, root, cache.WhyCompile(sources.Key));
        var watch = Stopwatch.StartNew();
        var compiled = await TemplateCompiler.CompileAsync(sources, cancellationToken);
        TemplateLog.Compiled(logger, sources.Count, watch.Elapsed.TotalSeconds);
        cache.Write(compiled);
        ReleaseCompilerGarbageOnce();
        return compiled;
    }

    /// <summary>
    /// Compiling leaves tens of megabytes of garbage and a heap grown to hold it, which the GC would keep committed for
    /// the life of the process. One compacting collection that returns free memory to the operating system, once per
    /// process.
    /// </summary>
    private static void ReleaseCompilerGarbageOnce()
    {
        if (Interlocked.Exchange(ref compilerGarbageReleased, 1) == 0)
        {
            // Finalizers free the native metadata of compilation objects already dropped; the second pass decommits.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }
}
