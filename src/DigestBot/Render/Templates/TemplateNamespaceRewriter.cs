using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DigestBot.Render.Templates;

/// <summary>
/// RazorLight generates every template as <c>RazorLight.CompiledTemplates.GeneratedTemplate</c>, one assembly each. To
/// compile all templates into one assembly each gets a namespace of its own: the namespace declaration and the
/// <c>typeof</c> in the template's <c>RazorLightTemplate</c> attribute are renamed; text and strings are left alone.
/// </summary>
internal sealed class TemplateNamespaceRewriter(string @namespace) : CSharpSyntaxRewriter
{
    private const string Generated = "RazorLight.CompiledTemplates";

    public override SyntaxNode? VisitQualifiedName(QualifiedNameSyntax node) =>
        node.ToString() == Generated
            ? SyntaxFactory.ParseName(@namespace).WithTriviaFrom(node)
            : base.VisitQualifiedName(node);
}
