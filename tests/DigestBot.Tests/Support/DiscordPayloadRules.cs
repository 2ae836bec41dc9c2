using System.Text.Json.Nodes;

namespace DigestBot.Tests.Support;

/// <summary>Discord's documented message limits, checked the way the API does before it accepts a message.</summary>
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

    /// <summary>Returns the violations; empty when Discord would accept the body.</summary>
    public static IReadOnlyList<string> Check(JsonNode? body)
    {
        var errors = new List<string>();
        if (body is not JsonObject message)
        {
            return ["body: not a JSON object"];
        }

        var content = message["content"]?.GetValue<string>();
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
            var embed = embeds[i] as JsonObject ?? [];
            var prefix = $"embeds.{i}";
            total += Max(errors, $"{prefix}.title", Str(embed["title"]), Title);
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
        }

        if (total > TotalEmbedCharacters)
        {
            errors.Add($"embeds: total size {total} exceeds {TotalEmbedCharacters}");
        }

        return errors;
    }

    private static string? Str(JsonNode? node) => node?.GetValue<string>();

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
