using System.Reflection;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.Extensions.DependencyModel;

namespace DigestBot.Render.Templates;

/// <summary>
/// The assemblies the templates compile against: every compile-time library of the application (the whole ASP.NET Core
/// reference set, the application itself, RazorLight), as RazorLight would resolve them.
/// </summary>
/// <remarks>
/// Read for each compile and not kept: the metadata of the reference set and Roslyn's symbols for it are about 30 MB,
/// and once the templates are compiled nothing needs them until the templates change.
/// </remarks>
internal static class TemplateReferences
{
    public static IReadOnlyList<MetadataReference> Load()
    {
        // The same assembly and dependency context RazorLight would read (its default operating assembly); under a test
        // runner the entry assembly is the runner's host, and the context is the test project's.
        var entry = Assembly.GetEntryAssembly();
        var context = (entry is null ? null : DependencyContext.Load(entry)) ?? DependencyContext.Default;
        if (context is null || context.CompileLibraries.Count == 0)
        {
            throw new InvalidOperationException(
                "The application's compilation context is missing (its .deps.json, written when PreserveCompilationContext is true); the templates cannot be compiled.");
        }

        return context.CompileLibraries
            .SelectMany(l => l.ResolveReferencePaths())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(Reference)
            .ToArray();
    }

    /// <summary>Metadata copied into memory (the file is not kept open), as RazorLight itself loads it.</summary>
    private static MetadataReference Reference(string path)
    {
        using var stream = File.OpenRead(path);
        return AssemblyMetadata.Create(ModuleMetadata.CreateFromStream(stream, PEStreamOptions.PrefetchMetadata)).GetReference(filePath: path);
    }
}
