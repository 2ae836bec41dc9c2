using DigestBot.Options;
using DigestBot.Render.Pages;
using Microsoft.AspNetCore.Http;
using static DigestBot.Web.Subscriptions.SubscriptionPages;

namespace DigestBot.Web.Subscriptions;

/// <summary>
/// Section and digest ids posted by the subscription forms, checked against the catalogue. An id the catalogue does not
/// know is refused with a page that names it, rather than dropped: a stale form or a hand-made request learns what is valid.
/// </summary>
internal static class FormChoices
{
    public static IReadOnlyList<string> Digests(CatalogOptions catalog) =>
        catalog.Digests.Where(d => d.Value.Email).Select(d => d.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>The distinct ids chosen, in the catalogue's spelling; or a 400 page naming the first unknown one.</summary>
    public static (List<string> Chosen, IResult? Refusal) Choose(IEnumerable<string?> values, IReadOnlyCollection<string> known, string kind)
    {
        var chosen = new List<string>();
        foreach (var value in values)
        {
            if (known.FirstOrDefault(k => string.Equals(k, value?.Trim(), StringComparison.OrdinalIgnoreCase)) is not { } id)
            {
                var unknown = new UnknownChoice(value ?? "", kind, known.Order(StringComparer.Ordinal).ToList());
                return ([], Page(PageRenderer.Message, new MessagePageModel($"Unknown {kind}", "", unknown), StatusCodes.Status400BadRequest));
            }

            if (!chosen.Contains(id, StringComparer.Ordinal))
            {
                chosen.Add(id);
            }
        }

        return (chosen, null);
    }

    /// <summary>
    /// The posted form, or a 400 page when the body is not a form that can be read: another content type, a multipart body
    /// without a boundary or with broken parts, or keys and values over the reader's limits all make the reader throw.
    /// </summary>
    public static async Task<(IFormCollection Form, IResult? Refusal)> ReadAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        if (!request.HasFormContentType)
        {
            return (FormCollection.Empty, Message("Not a form", "Please submit the form on this page.", StatusCodes.Status400BadRequest));
        }

        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        // A multipart body that ends before its closing boundary throws IOException; BadHttpRequestException (an IOException
        // too) carries the server's own answer, such as 413 for a body over the size limit, so it is left to the server.
        catch (Exception ex) when (ex is InvalidDataException or (IOException and not BadHttpRequestException))
        {
            return (FormCollection.Empty, Message("Not a form", "The form could not be read. Please submit the form on this page.", StatusCodes.Status400BadRequest));
        }
    }
}
