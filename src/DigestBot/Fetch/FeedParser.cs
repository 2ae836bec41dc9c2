using System.Net.Http.Headers;
using System.Xml.Linq;
using DigestBot.Fetch.Parsing;
using static DigestBot.Fetch.Parsing.FeedNamespaces;

namespace DigestBot.Fetch;

/// <summary>
/// Parses RSS 0.90-2.0, RDF, Atom 0.3/1.0 and JSON Feed 1.0/1.1, detected from the content. Recovers from the faults real
/// feeds have (and says so in <see cref="ParsedFeed.Recovered"/>), and reads a feed cut short up to its last complete item
/// (saying so in <see cref="ParsedFeed.Warnings"/>); anything else ends in a <see cref="FeedFormatException"/>, never another
/// exception.
/// </summary>
public sealed class FeedParser
{
    /// <summary>Larger documents are refused rather than read: real feeds stay well under this.</summary>
    public const int MaxDocumentBytes = 32 * 1024 * 1024;

    public ParsedFeed Parse(Stream stream, Uri? baseUri = null, string? contentType = null)
    {
        byte[] data;
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > MaxDocumentBytes)
                {
                    throw new FeedFormatException($"the document is larger than {MaxDocumentBytes / (1024 * 1024)} MB");
                }

                buffer.Write(chunk, 0, read);
            }

            data = buffer.ToArray();
        }
        catch (IOException ex)
        {
            throw new FeedFormatException($"the document could not be read: {ex.Message}", ex);
        }

        return Parse(data, baseUri, contentType);
    }

    /// <param name="contentType">The HTTP Content-Type, when there was one: its charset outranks the XML declaration.</param>
    public ParsedFeed Parse(ReadOnlySpan<byte> data, Uri? baseUri = null, string? contentType = null)
    {
        try
        {
            return ParseCore(data, baseUri, contentType);
        }
        catch (FeedFormatException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The readers are written not to throw; this keeps a bug in them from taking down a whole ingestion run.
            throw new FeedFormatException($"the feed could not be read ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }

    private const string HtmlPageMessage = "the document is an HTML page, not a feed (the URL may point to a web page, a login or an error page)";

    private static ParsedFeed ParseCore(ReadOnlySpan<byte> data, Uri? baseUri, string? contentType)
    {
        if (data.IsEmpty)
        {
            throw new FeedFormatException("the document is empty");
        }

        var text = FeedDecoder.Decode(data, Charset(contentType), out var recovered);
        var first = text.AsSpan().TrimStart("\uFEFF \t\r\n\0".AsSpan());
        if (first.IsEmpty)
        {
            throw new FeedFormatException("the document is empty");
        }

        var documentBase = baseUri is { IsFile: false } ? baseUri : null;
        if (first[0] is '{' or '[')
        {
            var json = JsonFeedReader.Read(text, documentBase);
            return json with { Recovered = recovered || json.Recovered };
        }

        if (first.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || first.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedFormatException(HtmlPageMessage);
        }

        var document = XmlDocumentLoader.Load(text, ref recovered, out var truncation);
        var root = document.Root ?? throw new FeedFormatException("the document has no root element");
        NamespaceNormalizer.Normalize(root);
        var feed = Dispatch(root, documentBase) with { Recovered = recovered };
        if (truncation is not null)
        {
            feed = feed with { Warnings = [truncation.Warning(feed.Entries.Count)] };
        }

        // The DOCTYPE is skipped unread (DTDs are ignored), so the Netscape flavour of RSS 0.91 is told from the text.
        return feed.Format == "rss091u" && text.AsSpan(0, Math.Min(text.Length, 2048)).Contains("Netscape Communications//DTD RSS 0.91", StringComparison.Ordinal)
            ? feed with { Format = "rss091n" }
            : feed;
    }

    private static ParsedFeed Dispatch(XElement root, Uri? documentBase)
    {
        var ns = root.Name.Namespace;
        return root.Name.LocalName switch
        {
            "rss" => RssReader.Read(root, RssVersion(root), documentBase),
            "RDF" when ns == Rdf || ns == XNamespace.None =>
                RssReader.Read(root, root.GetDefaultNamespace() == Rss090 || root.Element(Rss090 + "channel") is not null ? "rss090" : "rss10", documentBase),
            "feed" when ns == Atom10 => AtomReader.Read(root, "atom10", documentBase),
            "feed" when ns == Atom03 => AtomReader.Read(root, "atom03", documentBase),
            "feed" => AtomReader.Read(root, "atom", documentBase),
            "entry" when ns == Atom10 || ns == Atom03 => AtomReader.ReadEntryDocument(root, ns == Atom10 ? "atom10" : "atom03", documentBase),
            "html" or "HTML" => throw new FeedFormatException(HtmlPageMessage),
            _ => throw new FeedFormatException($"the root element <{root.Name.LocalName}> is not RSS, RDF or Atom"),
        };
    }

    private static string RssVersion(XElement root)
    {
        var version = (string?)root.Attribute("version");
        return version?.Trim() switch
        {
            null or "" => "rss",
            "0.90" => "rss090",
            "0.91" => "rss091u",
            "0.92" => "rss092",
            "0.93" => "rss093",
            "0.94" => "rss094",
            { } v when v.StartsWith('2') => "rss20",
            _ => "rss",
        };
    }

    private static string? Charset(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.CharSet : null;
}
