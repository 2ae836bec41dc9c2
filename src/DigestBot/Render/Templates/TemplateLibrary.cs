using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using DigestBot.Options;
using DigestBot.Render.Email;
using DigestBot.Render.Pages;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Render.Templates;

/// <summary>
/// The templates in force for the emails, the archive and the web pages. They are loaded on first use (the worker loads
/// them at start-up): from the compiled copy under <c>Email:TemplateCachePath</c> when the templates have not changed
/// since it was made, otherwise by compiling them, which takes Roslyn seconds of CPU and about 100 MB, and saving the
/// result for the next start. Verbs that render nothing never load RazorLight or Roslyn.
/// </summary>
public sealed class TemplateLibrary
{
    // Hosts built more than once in a process (tests, tools) share the loaded set of identical templates.
    private static readonly ConcurrentDictionary<string, TemplateSet> Shared = new(StringComparer.Ordinal);
    private static int compilerGarbageReleased;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly TemplateCache cache;
    private readonly ILogger logger;
    private TemplateSet? current;
    private string? rejectedKey;

    public TemplateLibrary(IOptions<EmailOptions> options, IHostEnvironment environment, ILogger<TemplateLibrary> logger)
    {
        Root = Path.GetFullPath(options.Value.TemplatesPath, environment.ContentRootPath);
        var cachePath = options.Value.TemplateCachePath;
        cache = new TemplateCache(string.IsNullOrWhiteSpace(cachePath) ? null : Path.GetFullPath(cachePath, environment.ContentRootPath), logger);
        this.logger = logger;
    }

    public string Root { get; }

    /// <summary>Checks that the folder holds every template the application renders, without reading them: the emails', then the pages'.</summary>
    public void CheckFolder()
    {
        TemplateFolder.Check(Root, EmailRenderer.RequiredTemplates);
        TemplateFolder.Check(Root, PageRenderer.Templates);
    }

    /// <summary>Loads the templates now; a missing template or one that does not compile throws here, naming it.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default) => await GetAsync(cancellationToken);

    /// <summary>
    /// For <c>validate</c>: true when these exact templates compiled before (their compiled copy is intact), without
    /// loading anything; otherwise compiles them, saving the result, and returns false. Throws when they do not compile.
    /// </summary>
    public async Task<bool> CompileUnlessCompiledAsync(CancellationToken cancellationToken = default)
    {
        CheckFolder();
        var sources = TemplateSources.Read(Root);
        if (Shared.ContainsKey(sources.Key) || cache.TryRead(sources.Key) is not null)
        {
            return true;
        }

        await CompileAsync(sources, cancellationToken);
        return false;
    }

    internal ValueTask<TemplateSet> GetAsync(CancellationToken cancellationToken = default) =>
        Volatile.Read(ref current) is { } set ? ValueTask.FromResult(set) : new(LoadFirstAsync(cancellationToken));

    /// <summary>
    /// Puts <paramref name="sources"/> in force when they differ from the templates in force. Templates that are missing
    /// or do not compile are logged once and leave the previous ones in force. Never throws but to cancel.
    /// </summary>
    internal async Task<bool> ReloadAsync(TemplateSources sources, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref current) is not { } old || sources.Key == old.Key || sources.Key == rejectedKey)
        {
            return false;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            TemplateSet fresh;
            try
            {
                fresh = await ObtainAsync(sources, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                rejectedKey = sources.Key;
                TemplateLog.ReloadRejected(logger, Root, ex.Message);
                return false;
            }

            rejectedKey = null;
            Volatile.Write(ref current, fresh);
            TemplateLog.Reloaded(logger, Root);
            if (Shared.TryRemove(new KeyValuePair<string, TemplateSet>(old.Key, old)))
            {
                old.Unload();
            }

            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<TemplateSet> LoadFirstAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (current is { } loaded)
            {
                return loaded;
            }

            var set = await ObtainAsync(TemplateSources.Read(Root), cancellationToken);
            Volatile.Write(ref current, set);
            return set;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<TemplateSet> ObtainAsync(TemplateSources sources, CancellationToken cancellationToken)
    {
        CheckFolder();
        if (Shared.TryGetValue(sources.Key, out var shared))
        {
            return shared;
        }

        if (cache.TryRead(sources.Key) is { } cached)
        {
            try
            {
                var loaded = TemplateSet.Load(cached, Root);
                TemplateLog.Loaded(logger, loaded.Count, cache.PathOf(sources.Key)!);
                return Share(loaded);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                TemplateLog.Ignored(logger, cache.PathOf(sources.Key)!, "it does not load: " + ex.Message);
            }
        }

        return Share(TemplateSet.Load(await CompileAsync(sources, cancellationToken), Root));
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
    private async Task<CompiledAssembly> CompileAsync(TemplateSources sources, CancellationToken cancellationToken)
    {
        TemplateLog.Compiling(logger, sources.Count, Root, cache.WhyCompile(sources.Key));
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
