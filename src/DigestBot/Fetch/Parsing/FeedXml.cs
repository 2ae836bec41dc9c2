using System.Xml.Linq;

namespace DigestBot.Fetch.Parsing;

/// <summary>Small lookups shared by the RSS and Atom readers.</summary>
internal static class FeedXml
{
    private static readonly System.Text.Encoding Windows1252 = CreateWindows1252();

    public static XElement? Child(this XElement parent, XName name) => parent.Element(name);

    /// <summary>The first child with this local name in any of the given namespaces.</summary>
    public static XElement? Child(this XElement parent, string localName, IReadOnlySet<XNamespace> namespaces)
    {
        foreach (var element in parent.Elements())
        {
            if (element.Name.LocalName == localName && namespaces.Contains(element.Name.Namespace))
            {
                return element;
            }
        }

        return null;
    }

    public static string? Text(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        return Clean(element.Value);
    }

    /// <summary>Trimmed text, null when empty; C1 control characters (windows-1252 bytes mislabelled as Latin-1) mapped to what was meant.</summary>
    public static string? Clean(string? value)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!value.AsSpan().ContainsAnyInRange('\u0080', '\u009F'))
        {
            return value;
        }

        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '\u0080' and <= '\u009F')
            {
                chars[i] = Windows1252.GetString([(byte)chars[i]])[0];
            }
        }

        return new string(chars);
    }

    public static string? Attr(XElement? element, string name)
    {
        var value = element?.Attribute(name)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>The element's base URI: its xml:base attributes, outermost first, resolved against the document's location.</summary>
    public static Uri? BaseOf(XElement element, Uri? documentBase)
    {
        var current = documentBase;
        foreach (var ancestor in element.AncestorsAndSelf().Reverse())
        {
            var xmlBase = ancestor.Attribute(FeedNamespaces.Xml + "base")?.Value.Trim();
            if (!string.IsNullOrEmpty(xmlBase))
            {
                current = Uri.TryCreate(Resolve(xmlBase, current), UriKind.Absolute, out var resolved) ? resolved : current;
            }
        }

        return current;
    }

    /// <summary>An absolute URI for <paramref name="href"/>, or the href as given when it cannot be resolved.</summary>
    public static string? Resolve(string? href, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        href = href.Trim();
        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && !absolute.IsFile)
        {
            return absolute.OriginalString;
        }

        return baseUri is not null && Uri.TryCreate(baseUri, href, out var resolved) ? resolved.AbsoluteUri : href;
    }

    private static System.Text.Encoding CreateWindows1252()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        return System.Text.Encoding.GetEncoding(1252);
    }

    public static string? Language(XElement element)
    {
        for (var current = element; current is not null; current = current.Parent)
        {
            var lang = current.Attribute(FeedNamespaces.Xml + "lang")?.Value.Trim();
            if (!string.IsNullOrEmpty(lang))
            {
                return lang.Replace('_', '-');
            }
        }

        return null;
    }
}
