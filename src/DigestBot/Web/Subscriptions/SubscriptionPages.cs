using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace DigestBot.Web.Subscriptions;

/// <summary>The small HTML pages of the subscription flow. Every value is HTML-encoded; pages are never cached or indexed.</summary>
internal static class SubscriptionPages
{
    private const string Style =
        "body{font-family:Helvetica,Arial,sans-serif;background:#f2f4f6;color:#1f2933;margin:0;padding:32px}" +
        "main{max-width:560px;margin:0 auto;background:#fff;padding:32px;border-radius:6px}" +
        "button{background:#0b3d91;color:#fff;border:0;padding:10px 20px;font-size:15px;border-radius:4px;cursor:pointer}" +
        "input[type=email],input[type=text]{width:100%;padding:8px;margin:4px 0 12px 0;box-sizing:border-box}label{display:block;margin:6px 0}" +
        "@media (prefers-color-scheme:dark){body{background:#111827;color:#e5e7eb}main{background:#1f2937}}";

    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    public static IResult Page(string title, string body, int status = StatusCodes.Status200OK) => new PageResult(
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<meta name=\"robots\" content=\"noindex\"><title>{E(title)}</title><style>{Style}</style></head><body><main><h1>{E(title)}</h1>{body}</main></body></html>",
        status);

    public static IResult Invalid() => Page("This link is not valid",
        "<p>The link is incomplete or was changed. Please use the link from your most recent email.</p>", StatusCodes.Status403Forbidden);

    /// <summary>A form that posts back to the current URL (the signed query string travels with it).</summary>
    public static string PostForm(string action, string button, string fields = "") =>
        $"<form method=\"post\" action=\"{E(action)}\">{fields}<p><button type=\"submit\">{E(button)}</button></p></form>";

    public static string SectionBoxes(IEnumerable<(string Id, string Title, bool Checked)> sections) => Boxes("section", sections);

    public static string DigestBoxes(IEnumerable<(string Id, string Title, bool Checked)> digests) => Boxes("digest", digests);

    private static string Boxes(string name, IEnumerable<(string Id, string Title, bool Checked)> choices)
    {
        var html = new StringBuilder();
        foreach (var (id, title, isChecked) in choices)
        {
            html.Append($"<label><input type=\"checkbox\" name=\"{name}\" value=\"{E(id)}\"{(isChecked ? " checked" : "")}> {E(title)}</label>");
        }

        return html.ToString();
    }

    private sealed class PageResult(string html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.CacheControl = "no-store";
            response.Headers["X-Robots-Tag"] = "noindex";
            // The signed token is in the URL: never let it leak to another site through Referer.
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
            return response.WriteAsync(html, httpContext.RequestAborted);
        }
    }
}
