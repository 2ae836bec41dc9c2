using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace DigestBot.Fetch.Parsing;

/// <summary>
/// Loads feed XML safely: DTDs ignored and no resolver, so entity bombs and external entities go nowhere. A document that
/// is not well-formed is repaired once (see <see cref="XmlRepair"/>) and undeclared prefixes get a namespace; one that was
/// cut short is read up to its last complete item (see <see cref="XmlTruncation"/>); what still fails becomes a
/// <see cref="FeedFormatException"/> naming the line and position.
/// </summary>
internal static partial class XmlDocumentLoader
{
    private const int MaxPrefixRepairs = 8;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CheckCharacters = true,
    };

    /// <param name="truncation">Set when the document was cut short and only its complete items were read.</param>
    public static XDocument Load(string text, ref bool recovered, out TruncatedDocument? truncation)
    {
        if (NestingGuard.TooDeep(text))
        {
            throw new FeedFormatException($"the document nests elements more than {NestingGuard.MaxDepth} levels deep; refused");
        }

        return LoadOrRepair(text, ref recovered, out truncation);
    }

    private static XDocument LoadOrRepair(string text, ref bool recovered, out TruncatedDocument? truncation)
    {
        truncation = null;
        if (TryLoad(text, out var document, out var error))
        {
            return document;
        }

        if (error.Message.Contains("undeclared entity", StringComparison.OrdinalIgnoreCase) && DeclaresEntities().IsMatch(text))
        {
            throw new FeedFormatException("the document uses entities declared in its DTD; DTD processing is disabled for safety (entity expansion and external entities are refused)", error);
        }

        recovered = true;
        var repaired = XmlRepair.Repair(text);
        for (var attempt = 0; attempt <= MaxPrefixRepairs; attempt++)
        {
            if (TryLoad(repaired, out document, out error))
            {
                return document;
            }

            var prefix = UndeclaredPrefix().Match(error.Message);
            if (!prefix.Success || XmlRepair.DeclarePrefix(repaired, prefix.Groups[1].Value) is not { } declared)
            {
                break;
            }

            repaired = declared;
        }

        var cut = XmlTruncation.Close(repaired);
        if (cut is { CompleteItems: 0 })
        {
            throw new FeedFormatException(TruncatedDocument.NoCompleteItem(error.Message), error);
        }

        if (cut is not null && TryLoad(cut.ClosedText, out document, out _))
        {
            truncation = cut;
            return document;
        }

        throw new FeedFormatException($"not well-formed XML: {error.Message}", error);
    }

    private static bool TryLoad(string text, out XDocument document, out XmlException error)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings);
            document = XDocument.Load(reader);
            error = null!;
            return true;
        }
        catch (XmlException ex)
        {
            document = null!;
            error = ex;
            return false;
        }
    }

    [GeneratedRegex(@"<!ENTITY\s", RegexOptions.CultureInvariant)]
    private static partial Regex DeclaresEntities();

    [GeneratedRegex(@"'([A-Za-z_][\w.-]*)' is an undeclared prefix", RegexOptions.CultureInvariant)]
    private static partial Regex UndeclaredPrefix();
}
