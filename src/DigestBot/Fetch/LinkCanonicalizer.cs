namespace DigestBot.Fetch;

/// <summary>
/// The canonical form of an article link: absolute http(s), resolved against the feed's base, without the campaign and
/// click-tracking parameters that make one article look like many (utm_*, fbclid, gclid, mc_cid...).
/// </summary>
public static class LinkCanonicalizer
{
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid", "mkt_tok",
        "_hsenc", "_hsmi", "oly_anon_id", "oly_enc_id", "vero_id", "rb_clickid", "s_cid", "ncid", "cmpid", "ito", "wt_mc", "at_medium", "at_campaign",
    };

    public static string? Canonicalize(string? link, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }

        link = link.Trim();
        Uri? uri = null;
        if (!(Uri.TryCreate(link, UriKind.Absolute, out uri) && uri.Scheme is "http" or "https") && baseUri is not null)
        {
            Uri.TryCreate(baseUri, link, out uri);
        }

        if (uri is null || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        if (uri.Query.Length <= 1)
        {
            return uri.AbsoluteUri;
        }

        var kept = uri.Query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsTracking(pair.Split('=', 2)[0]))
            .ToList();
        var builder = new UriBuilder(uri) { Query = string.Join('&', kept) };
        if (uri.IsDefaultPort)
        {
            builder.Port = -1;
        }

        return builder.Uri.AbsoluteUri;
    }

    private static bool IsTracking(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(Uri.UnescapeDataString(name));
}
