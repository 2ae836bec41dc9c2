using System.Text;
using System.Xml.Linq;

namespace DigestBot.Fetch.Parsing;

/// <summary>
/// Serializes inline markup (Atom xhtml content, "naked" HTML inside RSS elements) back to an HTML string: XHTML
/// elements lose their namespace, foreign vocabularies (SVG, MathML) keep an xmlns where they start.
/// </summary>
internal static class MarkupWriter
{
    // Deeper markup is flattened to its text: hostile nesting must not exhaust the stack (that would crash the process).
    private const int MaxDepth = 100;

    private static readonly HashSet<string> VoidElements = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

    public static string InnerMarkup(XElement element)
    {
        var output = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            Write(node, element.Name.Namespace, output, 0);
        }

        return output.ToString();
    }

    private static void Write(XNode node, XNamespace parentNamespace, StringBuilder output, int depth)
    {
        switch (node)
        {
            case XText text:
                AppendEscaped(text.Value, output, escapeQuotes: false);
                break;
            case XElement element when depth >= MaxDepth:
                AppendEscaped(element.Value, output, escapeQuotes: false);
                break;
            case XElement element:
                WriteElement(element, parentNamespace, output, depth);
                break;
        }
    }

    private static void WriteElement(XElement element, XNamespace parentNamespace, StringBuilder output, int depth)
    {
        var ns = element.Name.Namespace;
        var plain = ns == XNamespace.None || ns == FeedNamespaces.Xhtml;
        var name = element.Name.LocalName;
        output.Append('<').Append(name);
        var attributes = new List<(string Name, string Value)>();
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration)
            {
                continue;
            }

            var attributeNs = attribute.Name.Namespace;
            var prefix = attributeNs == XNamespace.None ? null : element.GetPrefixOfNamespace(attributeNs) ?? (attributeNs == FeedNamespaces.Xml ? "xml" : null);
            attributes.Add((prefix is null ? attribute.Name.LocalName : $"{prefix}:{attribute.Name.LocalName}", attribute.Value));
            if (prefix is not null && prefix != "xml" && !IsDeclaredAbove(element, attributeNs))
            {
                attributes.Add(($"xmlns:{prefix}", attributeNs.NamespaceName));
            }
        }

        if (!plain && ns != parentNamespace)
        {
            attributes.Add(("xmlns", ns.NamespaceName));
        }

        foreach (var (attributeName, value) in attributes.DistinctBy(a => a.Name).OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            output.Append(' ').Append(attributeName).Append("=\"");
            AppendEscaped(value, output, escapeQuotes: true);
            output.Append('"');
        }

        if (!element.Nodes().Any() && VoidElements.Contains(name))
        {
            output.Append(" />");
            return;
        }

        output.Append('>');
        foreach (var child in element.Nodes())
        {
            Write(child, ns, output, depth + 1);
        }

        output.Append("</").Append(name).Append('>');
    }

    private static bool IsDeclaredAbove(XElement element, XNamespace ns)
    {
        for (var parent = element.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.Name.Namespace != FeedNamespaces.Xhtml && parent.Name.Namespace != XNamespace.None && parent.Attributes().Any(a => a.Name.Namespace == ns))
            {
                return true;
            }
        }

        return false;
    }

    private static void AppendEscaped(string value, StringBuilder output, bool escapeQuotes)
    {
        foreach (var c in value)
        {
            output.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' when escapeQuotes => "&quot;",
                _ => c.ToString(),
            });
        }
    }
}
