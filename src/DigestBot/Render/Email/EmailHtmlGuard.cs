using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace DigestBot.Render.Email;

/// <summary>
/// The last check before HTML leaves: the body is run through HtmlSanitizer (email-safe tags, http/https/mailto links
/// only), and script elements and event-handler attributes are removed from the whole document, head included.
/// Model text is already HTML-encoded by Razor; this catches what encoding cannot (a javascript: link, a template mistake).
/// </summary>
public sealed class EmailHtmlGuard
{
    private static readonly string[] Tags =
    [
        "table", "tbody", "thead", "tfoot", "tr", "td", "th", "div", "span", "p", "a", "br", "hr", "img", "h1", "h2", "h3", "h4",
        "strong", "em", "b", "i", "u", "small", "ul", "ol", "li", "blockquote", "center", "font",
    ];

    private static readonly string[] Attributes =
    [
        "class", "role", "width", "height", "align", "valign", "cellpadding", "cellspacing", "border", "bgcolor", "href", "src",
        "alt", "title", "dir", "lang", "target", "rel", "aria-hidden", "colspan", "rowspan",
    ];

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();
    private readonly HtmlParser parser = new();

    public string Clean(string html)
    {
        using var document = parser.ParseDocument(html);
        foreach (var element in document.QuerySelectorAll("script, iframe, object, embed, form, base").ToList())
        {
            element.Remove();
        }

        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                element.RemoveAttribute(attribute.Name);
            }
        }

        if (document.Body is { } body)
        {
            body.InnerHtml = sanitizer.Sanitize(body.InnerHtml);
        }

        return "<!DOCTYPE html>\n" + document.DocumentElement.OuterHtml;
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(HtmlSanitizerDefaults.AllowedCssProperties, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
        };
        options.AllowedAttributes.Add("style");
        return new HtmlSanitizer(options);
    }
}
