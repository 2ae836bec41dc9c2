using System.Reflection;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.Extensions.DependencyModel;
using RazorLight;

namespace DigestBot.Render.Email;

/// <summary>
/// The assemblies the templates compile against, loaded once per process and shared by every template engine.
/// </summary>
/// <remarks>
/// Left to itself, each RazorLight engine reads the metadata of every compile-time assembly of the application (the whole
/// ASP.NET Core reference set) into memory of its own and keeps it, with Roslyn's symbols for it, for the life of the process:
/// about 30 MB per engine, and the HTML and the text engine need exactly the same set. Here each engine is told to leave
/// those libraries out and is given the same reference objects instead, so the memory is paid once. The engine still
/// resolves one library itself (the application's own), because RazorLight refuses an empty set.
/// </remarks>
internal static class TemplateReferences
{
    private static readonly Lazy<(string[] Excluded, MetadataReference[] References)?> Shared = new(Load);

    /// <summary>The shared references (empty when the compilation context cannot be read and each engine loads its own).</summary>
    internal static IReadOnlyList<MetadataReference> References => Shared.Value?.References ?? [];

    /// <summary>The shared references, when the application's compilation context can be read; otherwise RazorLight's own.</summary>
    public static RazorLightEngineBuilder UseSharedReferences(this RazorLightEngineBuilder builder)
    {
        if (Shared.Value is not { } shared)
        {
            return builder;
        }

        return builder.ExcludeAssemblies(shared.Excluded).AddMetadataReferences(shared.References);
    }

    private static (string[] Excluded, MetadataReference[] References)? Load()
    {
        // The same assembly and dependency context RazorLight would read (its default operating assembly).
        var entry = Assembly.GetEntryAssembly();
        var context = entry is null ? null : DependencyContext.Load(entry);
        // Under a test runner the entry assembly is the runner's host, and the context is the test project's.
        var own = context?.CompileLibraries.FirstOrDefault(l => l.Name == entry!.GetName().Name)
            ?? context?.CompileLibraries.FirstOrDefault(l => l.Type == "project");
        if (context is null || own is null)
        {
            return null;
        }

        var excluded = context.CompileLibraries.Where(l => l != own).ToList();
        var ownPaths = own.ResolveReferencePaths().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var references = excluded
            .SelectMany(l => l.ResolveReferencePaths())
            .Where(p => !ownPaths.Contains(p))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(Reference)
            .ToArray();
        return (excluded.Select(l => l.Name).ToArray(), references);
    }

    /// <summary>Metadata copied into memory (the file is not kept open), as RazorLight itself loads it.</summary>
    private static MetadataReference Reference(string path)
    {
        using var stream = File.OpenRead(path);
        return AssemblyMetadata.Create(ModuleMetadata.CreateFromStream(stream, PEStreamOptions.PrefetchMetadata)).GetReference(filePath: path);
    }
}
