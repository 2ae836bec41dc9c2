using System.Text.Json;
using System.Text.Json.Nodes;

namespace DigestBot.Web.Discord;

/// <summary>The parts of a Discord interaction DigestBot reads: its type, the member, and a slash command's sub-command
/// with its option values (and, for autocomplete, which option the member is typing in).</summary>
public sealed record InteractionRequest(int Type, string? ApplicationId, string? Token, string? UserId, string? Command, string? Subcommand,
    IReadOnlyDictionary<string, string> Options, string? Focused)
{
    public const int Ping = 1;
    public const int ApplicationCommand = 2;
    public const int Autocomplete = 4;

    /// <summary>Null when the body is not an interaction object.</summary>
    public static InteractionRequest? Parse(ReadOnlySpan<byte> body)
    {
        JsonObject root;
        try
        {
            if (JsonNode.Parse(body) is not JsonObject parsed || !(parsed["type"] is JsonValue t && t.TryGetValue<int>(out _)))
            {
                return null;
            }

            root = parsed;
        }
        catch (JsonException)
        {
            return null;
        }

        var data = root["data"] as JsonObject;
        // In a server the member object carries the user; in a direct message the user comes alone.
        var userId = Text(root["member"]?["user"]?["id"]) ?? Text(root["user"]?["id"]);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        string? subcommand = null, focused = null;
        if (data?["options"] is JsonArray top && top.FirstOrDefault() is JsonObject first && Int(first["type"]) == 1)
        {
            subcommand = Text(first["name"]);
            foreach (var option in (first["options"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (Text(option["name"]) is { } name && option["value"] is JsonValue value)
                {
                    options[name] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
                    if (option["focused"] is JsonValue f && f.TryGetValue<bool>(out var isFocused) && isFocused)
                    {
                        focused = name;
                    }
                }
            }
        }

        return new InteractionRequest(Int(root["type"]) ?? 0, Text(root["application_id"]), Text(root["token"]), userId, Text(data?["name"]), subcommand, options, focused);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static int? Int(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;
}
