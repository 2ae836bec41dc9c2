using System.Xml.Linq;

namespace DigestBot.Fetch.Parsing;

/// <summary>
/// Feeds spell well-known namespaces loosely (iTunes in any case, Media RSS without its trailing slash). Elements in such
/// a variant are moved to the canonical namespace so the readers need one name per element.
/// </summary>
internal static class NamespaceNormalizer
{
    private static readonly Dictionary<string, XNamespace> Canonical = new[]
        {
            FeedNamespaces.Itunes, FeedNamespaces.Media, FeedNamespaces.Dc, FeedNamespaces.DcTerms, FeedNamespaces.Content,
            FeedNamespaces.Atom10, FeedNamespaces.Rss10, FeedNamespaces.Rss090,
        }
        .ToDictionary(ns => Key(ns.NamespaceName), ns => ns);

    public static void Normalize(XElement root)
    {
        var variants = new Dictionary<XNamespace, XNamespace>();
        foreach (var element in root.DescendantsAndSelf())
        {
            var ns = element.Name.Namespace;
            if (ns == XNamespace.None)
            {
                continue;
            }

            if (!variants.TryGetValue(ns, out var target))
            {
                target = Canonical.TryGetValue(Key(ns.NamespaceName), out var canonical) ? canonical : ns;
                variants[ns] = target;
            }

            if (target != ns)
            {
                element.Name = target + element.Name.LocalName;
            }
        }
    }

    private static string Key(string uri) => uri.Trim().TrimEnd('/', '#').ToLowerInvariant();
}
