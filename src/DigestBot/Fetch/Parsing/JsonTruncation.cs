using System.Text;
using System.Text.Json;

namespace DigestBot.Fetch.Parsing;

/// <summary>
/// Tells a JSON Feed that was cut short from one broken in the middle: read as an unfinished stream, valid JSON up to the
/// end of the text only ever asks for more data. Such a feed is closed right after its last complete item (or complete
/// top-level member, when the cut falls after the items), so an item is kept whole or not at all.
/// </summary>
internal static class JsonTruncation
{
    private static readonly JsonReaderOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public static TruncatedDocument? Close(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, isFinalBlock: false, new JsonReaderState(Options));
        var items = 0;
        var cleanEnd = 0L;
        var closers = "";
        var namedItems = false;
        var inItems = false;
        try
        {
            while (reader.Read())
            {
                var depth = reader.CurrentDepth;
                var token = reader.TokenType;
                if (depth == 0)
                {
                    if (token != JsonTokenType.StartObject)
                    {
                        // Not a feed object, or the whole document was read: the fault lies elsewhere.
                        return null;
                    }

                    continue;
                }

                var valueEnds = token is not (JsonTokenType.PropertyName or JsonTokenType.StartObject or JsonTokenType.StartArray);
                if (depth == 1 && token == JsonTokenType.PropertyName)
                {
                    namedItems = reader.ValueTextEquals("items"u8);
                }
                else if (depth == 1 && token == JsonTokenType.StartArray && namedItems)
                {
                    inItems = true;
                }
                else if (depth == 1 && valueEnds)
                {
                    inItems = false;
                    (cleanEnd, closers) = (reader.BytesConsumed, "}");
                }
                else if (depth == 2 && inItems && valueEnds)
                {
                    items += token == JsonTokenType.EndObject ? 1 : 0;
                    (cleanEnd, closers) = (reader.BytesConsumed, "]}");
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        var partial = inItems && bytes.AsSpan((int)cleanEnd).Trim(" \t\r\n,"u8).Length > 0;
        var closed = items == 0 ? "" : Encoding.UTF8.GetString(bytes, 0, (int)cleanEnd) + closers;
        return new TruncatedDocument(closed, items, partial);
    }
}
