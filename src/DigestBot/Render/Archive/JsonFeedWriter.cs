using System.Text.Encodings.Web;
using System.Text.Json;

namespace DigestBot.Render.Archive;

/// <summary>Writes an <see cref="ArchiveFeed"/> as JSON Feed 1.1 (jsonfeed.org/version/1.1): version, title, home page,
/// feed URL, authors; each item with id, url, title, summary, content_html and date_published.</summary>
public static class JsonFeedWriter
{
    public const string ContentType = "application/feed+json; charset=utf-8";
    public const string Version = "https://jsonfeed.org/version/1.1";

    public static byte[] Write(ArchiveFeed feed)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("version", Version);
            json.WriteString("title", feed.Title);
            json.WriteString("home_page_url", feed.IndexUrl);
            json.WriteString("feed_url", feed.JsonFeedUrl);
            json.WriteString("language", "en");
            json.WriteStartArray("authors");
            json.WriteStartObject();
            json.WriteString("name", feed.Author);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("items");
            foreach (var entry in feed.Entries)
            {
                json.WriteStartObject();
                json.WriteString("id", entry.Id);
                json.WriteString("url", entry.Url);
                json.WriteString("title", entry.Title);
                json.WriteString("summary", entry.Summary);
                json.WriteString("content_html", entry.ContentHtml);
                json.WriteString("date_published", AtomFeedWriter.Date(entry.Published));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
