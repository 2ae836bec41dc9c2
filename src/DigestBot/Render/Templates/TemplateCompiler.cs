using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Razor.Language;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;
using RazorLight.Compilation;
using RazorLight.Generation;

namespace DigestBot.Render.Templates;

/// <summary>
/// Compiles all templates into one assembly: RazorLight's code generator makes C# of each template exactly as RazorLight
/// would, then one Roslyn compilation builds them together (one compilation of 13 templates costs little more than one
/// of a single template). The only place that loads Roslyn and Razor's compiler.
/// </summary>
internal static class TemplateCompiler
{
    private static readonly Dictionary<string, ReportDiagnostic> Quiet = new()
    {
        // As RazorLight: reference version mismatches the runtime resolves anyway.
        ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress, ["CS1705"] = ReportDiagnostic.Suppress,
    };

    /// <summary>The compiled templates; a template that does not compile throws a <see cref="TemplateCompilationException"/> naming it with Razor's errors.</summary>
    public static async Task<CompiledAssembly> CompileAsync(TemplateSources sources, CancellationToken cancellationToken = default)
    {
        var generator = new RazorSourceGenerator(RazorLightEngineConfiguration(), new TemplateSourceProject(sources));
        var parse = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: ["RELEASE"]);
        var trees = new List<SyntaxTree>();
        var failures = new List<(string Key, List<TemplateCompilationDiagnostic> Errors)>();
        var index = 0;
        foreach (var key in sources.Keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IGeneratedRazorTemplate generated;
            try
            {
                generated = await generator.GenerateCodeAsync(new TemplateSourceItem(key, sources.ContentOf(key)));
            }
            catch (TemplateGenerationException ex)
            {
                failures.Add((key, ex.Diagnostics.Select(d => Diagnostic(d.GetMessage(CultureInfo.InvariantCulture), d.Span.LineIndex, d.Span.CharacterIndex, null)).ToList()));
                continue;
            }

            var tree = CSharpSyntaxTree.ParseText(SourceText.From(generated.GeneratedCode, Encoding.UTF8, SourceHashAlgorithm.Sha256), parse, key, cancellationToken);
            trees.Add(tree.WithRootAndOptions(new TemplateNamespaceRewriter($"DigestBotTemplates.T{index++}").Visit(await tree.GetRootAsync(cancellationToken)), parse));
        }

        var compilation = CSharpCompilation.Create(TemplateSources.AssemblyName(sources.Key), trees, TemplateReferences.Load(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, deterministic: true)
                .WithSpecificDiagnosticOptions(Quiet));
        using var image = new MemoryStream();
        using var symbols = new MemoryStream();
        var result = compilation.Emit(image, symbols, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb), cancellationToken: cancellationToken);
        failures.AddRange(result.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error || d.IsWarningAsError)
            .Select(d => (Key: TemplateOf(d), Error: Diagnostic(d)))
            .GroupBy(d => d.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(d => d.Error).ToList())));
        if (failures.Count > 0)
        {
            var ordered = failures.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
            throw new TemplateCompilationException(
                string.Join(Environment.NewLine, ordered.Select(f => Describe(f.Key, f.Errors))), ordered.SelectMany(f => f.Errors));
        }

        return new CompiledAssembly(sources.Key, image.ToArray(), symbols.ToArray());
    }

    /// <summary>"Email template Digest.cshtml" or "Page template pages/Status.cshtml", as start-up and validate name them.</summary>
    public static string Name(string key)
    {
        var name = key.TrimStart('/');
        return name.StartsWith("pages/", StringComparison.Ordinal) ? $"Page template {name}" : $"Email template {name}";
    }

    private static string Describe(string key, IEnumerable<TemplateCompilationDiagnostic> errors) =>
        $"{Name(key)} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors.Select(e => e.FormattedMessage))}";

    // The generated code maps its lines back to the template with #line directives, which name the template's key.
    private static string TemplateOf(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        return span.HasMappedPath ? span.Path : diagnostic.Location.SourceTree?.FilePath ?? "";
    }

    private static TemplateCompilationDiagnostic Diagnostic(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        return Diagnostic(diagnostic.GetMessage(CultureInfo.InvariantCulture), span.StartLinePosition.Line, span.StartLinePosition.Character, span);
    }

    // Zero-based line and column, as RazorLight reports them.
    private static TemplateCompilationDiagnostic Diagnostic(string message, int line, int column, FileLinePositionSpan? span) =>
        new(message, $"- ({line}:{column}) {message}", span);

    /// <summary>
    /// RazorLight's own Razor configuration (its directives, the template base class, the attribute that names each
    /// template). RazorLight keeps it internal; reading it keeps the generated code identical to RazorLight's. The
    /// RazorLight version is part of the cache key, so a new version is compiled afresh.
    /// </summary>
    private static RazorEngine RazorLightEngineConfiguration() =>
        typeof(RazorSourceGenerator).Assembly.GetType("RazorLight.DefaultRazorEngine")
            ?.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as RazorEngine
        ?? throw new InvalidOperationException("This RazorLight version has no RazorLight.DefaultRazorEngine.Instance; the template compiler must be updated for it.");
}
