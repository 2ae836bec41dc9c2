using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DigestBot.Tests.Support;

/// <summary>Discord's documented message rules, checked the way the API does before it accepts a message.</summary>
public static class DiscordPayloadRules
{
    public const int Content = 2000;
    public const int Embeds = 10;
    public const int Title = 256;
    public const int Description = 4096;
    public const int Fields = 25;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int Footer = 2048;
    public const int AuthorName = 256;
    public const int TotalEmbedCharacters = 6000;
    public const int Username = 80;
    public const int ThreadName = 100;

    private static readonly string[] MentionTypes = ["roles", "users", "everyone"];

    /// <summary>Returns the violations; empty when Discord would accept the body.</summary>
    public static IReadOnlyList<string> Check(JsonNode? body)
    {
        var errors = new List<string>();
        if (body is not JsonObject message)
        {
            return ["body: not a JSON object"];
        }

        var content = Str(message["content"]);
        var embeds = message["embeds"] as JsonArray ?? [];
        if (string.IsNullOrEmpty(content) && embeds.Count == 0 && message["poll"] is null && message["components"] is null)
        {
            errors.Add("50006: Cannot send an empty message");
        }

        Max(errors, "content", content, Content);
        if (embeds.Count > Embeds)
        {
            errors.Add($"embeds: must be {Embeds} or fewer in length");
        }

        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            total += CheckEmbed(errors, embeds[i] as JsonObject ?? [], $"embeds.{i}");
        }

        if (total > TotalEmbedCharacters)
        {
            errors.Add($"embeds: total size {total} exceeds {TotalEmbedCharacters}");
        }

        if (Str(message["username"]) is { } username
            && (username.Length is 0 or > Username || username.Contains("discord", StringComparison.OrdinalIgnoreCase) || username.Contains("clyde", StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("username: must be 1-80 characters and may not contain \"discord\" or \"clyde\"");
        }

        Max(errors, "thread_name", Str(message["thread_name"]), ThreadName);
        if (Str(message["nonce"]) is { Length: > 25 })
        {
            errors.Add("nonce: must be 25 or fewer in length");
        }

        CheckMentions(errors, message["allowed_mentions"]);
        return errors;
    }

    private static int CheckEmbed(List<string> errors, JsonObject embed, string prefix)
    {
        var total = Max(errors, $"{prefix}.title", Str(embed["title"]), Title);
        total += Max(errors, $"{prefix}.description", Str(embed["description"]), Description);
        total += Max(errors, $"{prefix}.footer.text", Str(embed["footer"]?["text"]), Footer);
        total += Max(errors, $"{prefix}.author.name", Str(embed["author"]?["name"]), AuthorName);
        var fields = embed["fields"] as JsonArray ?? [];
        if (fields.Count > Fields)
        {
            errors.Add($"{prefix}.fields: must be {Fields} or fewer in length");
        }

        for (var f = 0; f < fields.Count; f++)
        {
            total += Max(errors, $"{prefix}.fields.{f}.name", Str(fields[f]?["name"]), FieldName);
            total += Max(errors, $"{prefix}.fields.{f}.value", Str(fields[f]?["value"]), FieldValue);
        }

        if (Str(embed["url"]) is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            errors.Add($"{prefix}.url: Not a well formed URL.");
        }

        // Embed pictures must be fetchable by Discord: http(s), or a file attached to the same message.
        if (embed["thumbnail"] is { } thumbnail
            && !(Str(thumbnail["url"]) is { } picture && Uri.TryCreate(picture, UriKind.Absolute, out var pictureUri) && pictureUri.Scheme is "http" or "https" or "attachment"))
        {
            errors.Add($"{prefix}.thumbnail.url: Scheme must be one of ('http', 'https', 'attachment').");
        }

        if (embed["color"] is JsonValue color && !(long.TryParse(color.ToJsonString().Trim('"'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 0xFFFFFF))
        {
            errors.Add($"{prefix}.color: must be an integer from 0 to 16777215");
        }

        if (Str(embed["timestamp"]) is { } timestamp && !DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add($"{prefix}.timestamp: Could not parse {timestamp}. Should be ISO8601.");
        }

        return total;
    }

    /// <summary>"parse" may only name known types, and may not name "roles" (or "users") when a roles (users) list is given.</summary>
    private static void CheckMentions(List<string> errors, JsonNode? node)
    {
        if (node is not JsonObject mentions)
        {
            return;
        }

        var parse = (mentions["parse"] as JsonArray ?? []).Select(Str).ToList();
        errors.AddRange(parse.Where(p => p is null || !MentionTypes.Contains(p)).Select(p => $"allowed_mentions.parse: unknown type {p}"));
        foreach (var kind in new[] { "roles", "users" })
        {
            var list = mentions[kind] as JsonArray ?? [];
            if (list.Count > 0 && parse.Contains(kind))
            {
                errors.Add($"allowed_mentions: parse:[\"{kind}\"] and {kind}: [ids] are mutually exclusive.");
            }

            if (list.Count > 100)
            {
                errors.Add($"allowed_mentions.{kind}: must be 100 or fewer in length");
            }
        }
    }

    private static string? Str(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static int Max(List<string> errors, string path, string? value, int limit)
    {
        var length = value?.Length ?? 0;
        if (length > limit)
        {
            errors.Add($"{path}: must be {limit} or fewer in length (was {length})");
        }

        return length;
    }
}
