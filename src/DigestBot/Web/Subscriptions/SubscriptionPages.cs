using DigestBot.Options;
using DigestBot.Render.Pages;
using Microsoft.AspNetCore.Http;

namespace DigestBot.Web.Subscriptions;

/// <summary>The pages of the subscription flow, from the templates under templates/pages; they are never cached or indexed.</summary>
internal static class SubscriptionPages
{
    public static IResult Page(string template, PageModel model, int status = StatusCodes.Status200OK) => new PageResult(template, model, status, Private);

    public static IResult Message(string title, string text, int status) => Page(PageRenderer.Message, new MessagePageModel(title, text), status);

    public static IResult Invalid() => Message("This link is not valid",
        "The link is incomplete or was changed. Please use the link from your most recent email.", StatusCodes.Status403Forbidden);

    public static IResult SubscribeForm(CatalogOptions catalog, string? problem = null, int status = StatusCodes.Status200OK) => Page(PageRenderer.Subscribe,
        new SubscribePageModel(PreferenceForm.Model(catalog, null), problem), status);

    /// <summary>The form's action: the current URL, so the signed query string travels with the POST.</summary>
    public static string PostBack(HttpRequest request) => request.Path + request.QueryString;

    private static void Private(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Robots-Tag"] = "noindex";
        // The signed token is in the URL: never let it leak to another site through Referer.
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.ContentSecurityPolicy = $"default-src 'none'; style-src 'unsafe-inline'; script-src {PreferenceScript.CspSource}; form-action 'self'; frame-ancestors 'none'";
    }
}
