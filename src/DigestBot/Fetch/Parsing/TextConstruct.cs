using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace DigestBot.Fetch.Parsing;

/// <summary>
/// Reads an element that may hold plain text, escaped HTML, inline XHTML or base64 (Atom 0.3 mode="base64", Atom 1.0
/// non-text media types). Relative href/src in HTML are resolved against the element's xml:base, as RFC 4287 requires.
/// </summary>
internal static partial class TextConstruct
{
    /// <param name="html">True where the format says the element holds HTML (RSS description, content:encoded).</param>
    public static (string? Value, bool IsHtml) Read(XElement? element, Uri? documentBase, bool html = false)
    {
        if (element is null)
        {
            return (null, false);
        }

        var type = FeedXml.Attr(element, "type")?.ToLowerInvariant();
        var mode = FeedXml.Attr(element, "mode")?.ToLowerInvariant();
        html |= type is "html" or "xhtml" or "text/html" or "application/xhtml+xml";
        string? value;
        if (mode == "base64" || (!element.HasElements && IsBinaryMediaType(type)))
        {
            value = DecodeBase64(element.Value);
            html |= type is not null && type != "text/plain" && (value?.Contains('<') ?? false);
        }
        else if (element.HasElements)
        {
            // Atom 1.0 xhtml wraps content in one div that is not part of the content.
            var children = element.Elements().ToList();
            value = type == "xhtml" && children is [{ Name.LocalName: "div" } div] && div.Name.Namespace == FeedNamespaces.Xhtml
                ? MarkupWriter.InnerMarkup(div)
                : MarkupWriter.InnerMarkup(element);
            html = true;
        }
        else
        {
            value = element.Value;
        }

        value = FeedXml.Clean(value);
        if (html && value is not null && FeedXml.BaseOf(element, documentBase) is { } baseUri)
        {
            value = ResolveUrls(value, baseUri);
        }

        return (value, html);
    }

    private static string ResolveUrls(string html, Uri baseUri) =>
        UrlAttribute().Replace(html, match =>
        {
            var resolved = FeedXml.Resolve(System.Net.WebUtility.HtmlDecode(match.Groups["url"].Value), baseUri);
            return resolved is null ? match.Value : $"{match.Groups["name"].Value}={match.Groups["quote"].Value}{resolved.Replace("&", "&amp;", StringComparison.Ordinal)}{match.Groups["quote"].Value}";
        });

    /// <summary>RFC 4287 3.1.1.3: a MIME type that is neither text nor XML means the content is base64.</summary>
    private static bool IsBinaryMediaType(string? type) =>
        type is not null && type.Contains('/') && !type.StartsWith("text/", StringComparison.Ordinal)
        && !type.EndsWith("/xml", StringComparison.Ordinal) && !type.EndsWith("+xml", StringComparison.Ordinal);

    private static string? DecodeBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : value;
    }

    [GeneratedRegex("""(?<name>\b(?:href|src))\s*=\s*(?<quote>["'])(?<url>[^"']*)\k<quote>""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlAttribute();
}
