using DigestBot.Options;
using DigestBot.Render.Email;
using DigestBot.Render.Pages;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Render.Templates;

/// <summary>
/// The templates in force for the emails, the archive and the web pages. They are loaded on first use: from the compiled
/// copy under <c>Email:TemplateCachePath</c> when the templates have not changed since it was made, otherwise by
/// compiling them, which takes Roslyn seconds of CPU and about 100 MB, and saving the result for the next start. Verbs
/// that render nothing never load RazorLight or Roslyn. The worker checks at start-up that its templates compile (see
/// <see cref="PrepareAsync"/>) but loads them on its first render: an idle worker holds neither RazorLight nor the
/// compiled templates.
/// </summary>
public sealed class TemplateLibrary
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly TemplateLoader loader;
    private readonly ILogger logger;
    private TemplateSet? current;

    // Checked to compile but not loaded: the worker's templates until something renders.
    private PreparedTemplates? pending;
    private string? rejectedKey;

    public TemplateLibrary(IOptions<EmailOptions> options, IHostEnvironment environment, ILogger<TemplateLibrary> logger)
    {
        Root = Path.GetFullPath(options.Value.TemplatesPath, environment.ContentRootPath);
        var cachePath = options.Value.TemplateCachePath;
        var cache = new TemplateCache(string.IsNullOrWhiteSpace(cachePath) ? null : Path.GetFullPath(cachePath, environment.ContentRootPath), logger);
        loader = new TemplateLoader(Root, cache, logger);
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
    /// Makes sure the templates compile, from their compiled copy or by compiling them (a template that is missing or does
    /// not compile throws here, naming it), without loading them: RazorLight and the compiled templates are loaded on the
    /// first render. Edits made before then are checked as they are for loaded templates (see <see cref="ReloadAsync"/>).
    /// </summary>
    public async Task PrepareAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (current is null && pending is null)
            {
                var sources = TemplateSources.Read(Root);
                CheckFolder();
                if (TemplateLoader.Loaded(sources.Key) is { } shared)
                {
                    Volatile.Write(ref current, shared);
                }
                else
                {
                    pending = await loader.PrepareAsync(sources, cancellationToken);
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// For <c>validate</c>: true when these exact templates compiled before (their compiled copy is intact), without
    /// loading anything; otherwise compiles them, saving the result, and returns false. Throws when they do not compile.
    /// </summary>
    public async Task<bool> CompileUnlessCompiledAsync(CancellationToken cancellationToken = default)
    {
        CheckFolder();
        var sources = TemplateSources.Read(Root);
        if (loader.IsCompiled(sources.Key))
        {
            return true;
        }

        await loader.CompileAsync(sources, cancellationToken);
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
        await gate.WaitAsync(cancellationToken);
        try
        {
            var inForce = current?.Key ?? pending?.Sources.Key;
            if (inForce is null || sources.Key == inForce || sources.Key == rejectedKey)
            {
                return false;
            }

            if (current is null)
            {
                return await ReplacePendingAsync(sources, cancellationToken);
            }

            var old = current;
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
            TemplateLoader.Release(old);

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

            var set = pending is { } prepared ? await loader.LoadAsync(prepared, cancellationToken) : await ObtainAsync(TemplateSources.Read(Root), cancellationToken);
            Volatile.Write(ref current, set);
            pending = null;
            return set;
        }
        finally
        {
            gate.Release();
        }
    }

    // Called holding the gate, before anything was loaded.
    private async Task<bool> ReplacePendingAsync(TemplateSources sources, CancellationToken cancellationToken)
    {
        try
        {
            CheckFolder();
            pending = await loader.PrepareAsync(sources, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            rejectedKey = sources.Key;
            TemplateLog.ReloadRejected(logger, Root, ex.Message);
            return false;
        }

        rejectedKey = null;
        TemplateLog.Reloaded(logger, Root);
        return true;
    }

    private async Task<TemplateSet> ObtainAsync(TemplateSources sources, CancellationToken cancellationToken)
    {
        CheckFolder();
        return TemplateLoader.Loaded(sources.Key) ?? await loader.LoadAsync(await loader.PrepareAsync(sources, cancellationToken), cancellationToken);
    }
}
