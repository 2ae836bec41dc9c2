using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using RazorLight;
using RazorLight.Compilation;
using RazorLight.Razor;

namespace DigestBot.Render.Templates;

/// <summary>
/// One compiled set of templates, loaded and ready to render: the assembly in a collectible load context of its own (so
/// a reload can let it go) and RazorLight's HTML engine (model text HTML-encoded) and text engine (no encoding) over it.
/// Loading needs RazorLight only: Roslyn is not loaded.
/// </summary>
internal sealed class TemplateSet
{
    private readonly AssemblyLoadContext context;

    private TemplateSet(AssemblyLoadContext context, string key, int count, RazorLightEngine html, RazorLightEngine text)
    {
        this.context = context;
        Key = key;
        Count = count;
        Html = html;
        Text = text;
    }

    public string Key { get; }

    public int Count { get; }

    public RazorLightEngine Html { get; }

    public RazorLightEngine Text { get; }

    /// <summary>Loads <paramref name="compiled"/>; throws when it is not a valid assembly of its key.</summary>
    public static TemplateSet Load(CompiledAssembly compiled, string root)
    {
        var context = new AssemblyLoadContext($"templates {compiled.Key[..12]}", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(compiled.Image), new MemoryStream(compiled.Symbols));
            if (assembly.GetName().Name != TemplateSources.AssemblyName(compiled.Key))
            {
                throw new InvalidDataException($"the assembly is {assembly.GetName().Name}, not the templates of key {compiled.Key}");
            }

            var types = assembly.GetCustomAttributes<RazorLightTemplateAttribute>().ToDictionary(a => TemplateSources.Normalize(a.Key), a => a.TemplateType, StringComparer.Ordinal);
            var templates = new PrecompiledTemplates(types);
            return new TemplateSet(context, compiled.Key, types.Count, Engine(templates, root, encode: true), Engine(templates, root, encode: false));
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    /// <summary>Lets the assembly go once nothing renders with it any more (renders in progress finish normally).</summary>
    public void Unload() => context.Unload();

    private static RazorLightEngine Engine(PrecompiledTemplates templates, string root, bool encode)
    {
        // RazorLightOptions' constructor creates a set of Roslyn metadata references, which alone loads Roslyn (20 MB
        // of assemblies). Rendering reads none of it, so the options are made without their constructor and given what
        // rendering does read.
        var options = (RazorLightOptions)RuntimeHelpers.GetUninitializedObject(typeof(RazorLightOptions));
        options.Namespaces = new HashSet<string>();
        options.DynamicTemplates = new ConcurrentDictionary<string, string>();
        options.ExcludedAssemblies = new HashSet<string>();
        options.PreRenderCallbacks = new List<Action<ITemplatePage>>();
        options.CachingProvider = templates;
        options.DisableEncoding = !encode;
        options.EnableDebugMode = false;
        return new RazorLightEngine(new EngineHandler(options, new PrecompiledOnlyCompiler(root), new TemplateFactoryProvider(), templates));
    }
}
