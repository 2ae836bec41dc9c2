namespace DigestBot.Tests.Web;

/// <summary>Checks shared by the page tests: hostile text encoded by the template engine, the page wrapped in the shared layout.</summary>
internal static class PageAssert
{
    /// <summary>Markup, both quotes and an ampersand: what a hand-written page most often forgets to encode.</summary>
    public const string Hostile = "<script>alert(\"x\")</script> & 'q'";

    /// <summary><see cref="Hostile"/> as Razor's HTML encoder writes it, in text and in attribute values alike.</summary>
    public const string Encoded = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;q&#x27;";

    public static void Encodes(string html, string encoded = Encoded)
    {
        Assert.Contains(encoded, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"x\"", html, StringComparison.Ordinal);
    }

    /// <summary>The marker and the stylesheet of templates/pages/_Layout.cshtml, and the page's own title as its heading.</summary>
    public static void InLayout(string html, string title)
    {
        Assert.Contains("<html lang=\"en\" data-layout=\"page\">", html, StringComparison.Ordinal);
        Assert.Contains(".page { max-width: 600px; margin: 0 auto; background: #ffffff; }", html, StringComparison.Ordinal);
        Assert.Contains($"<main class=\"page\">\n<h1>{title}</h1>", html, StringComparison.Ordinal);
    }
}
