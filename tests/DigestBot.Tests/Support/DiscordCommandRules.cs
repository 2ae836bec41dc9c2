using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DigestBot.Tests.Support;

/// <summary>Discord's documented rules for registering application commands, checked as the API does.</summary>
public static partial class DiscordCommandRules
{
    public const int MaxOptions = 25;
    public const int MaxCommands = 100;
    public const int MaxStringLength = 6000;

    private static readonly int[] OptionTypes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

    public static IReadOnlyList<string> Check(JsonNode? body)
    {
        var errors = new List<string>();
        if (body is not JsonArray commands)
        {
            return ["body: must be an array of commands"];
        }

        if (commands.Count > MaxCommands)
        {
            errors.Add($"body: at most {MaxCommands} commands");
        }

        for (var i = 0; i < commands.Count; i++)
        {
            if (commands[i] is not JsonObject command)
            {
                errors.Add($"{i}: not an object");
                continue;
            }

            NameAndDescription(errors, $"{i}", command);
            Options(errors, $"{i}.options", command["options"], depth: 0);
        }

        if (commands.OfType<JsonObject>().GroupBy(c => (Str(c["name"]), c["type"]?.ToJsonString() ?? "1")).Any(g => g.Count() > 1))
        {
            errors.Add("body: command names must be unique per type");
        }

        return errors;
    }

    private static void Options(List<string> errors, string path, JsonNode? node, int depth)
    {
        if (node is null)
        {
            return;
        }

        if (node is not JsonArray options || options.Count > MaxOptions)
        {
            errors.Add($"{path}: must be an array of at most {MaxOptions} options");
            return;
        }

        var seenOptional = false;
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i] as JsonObject ?? [];
            var at = $"{path}.{i}";
            NameAndDescription(errors, at, option);
            var type = option["type"] is JsonValue t && t.TryGetValue<int>(out var v) ? v : 0;
            if (!OptionTypes.Contains(type))
            {
                errors.Add($"{at}.type: unknown option type {type}");
            }

            if (type is 1 or 2)
            {
                if (depth > 1 || (type == 2 && depth > 0))
                {
                    errors.Add($"{at}: sub-commands nest at most as group > sub-command");
                }

                Options(errors, $"{at}.options", option["options"], depth + 1);
                continue;
            }

            var required = option["required"] is JsonValue r && r.GetValueKind() == JsonValueKind.True;
            if (required && seenOptional)
            {
                errors.Add($"{at}: required options must come before optional ones");
            }

            seenOptional |= !required;
            if (option["max_length"] is JsonValue max && (!max.TryGetValue<int>(out var length) || length is < 1 or > MaxStringLength || type != 3))
            {
                errors.Add($"{at}.max_length: 1-{MaxStringLength}, string options only");
            }

            if (option["autocomplete"] is JsonValue a && a.GetValueKind() == JsonValueKind.True && (type is not (3 or 4 or 10) || option["choices"] is not null))
            {
                errors.Add($"{at}.autocomplete: string, integer or number options without choices only");
            }
        }
    }

    private static void NameAndDescription(List<string> errors, string path, JsonObject item)
    {
        var name = Str(item["name"]);
        if (name is null || !Name().IsMatch(name) || name != name.ToLowerInvariant())
        {
            errors.Add($"{path}.name: \"{name}\" must match ^[-_\\p{{L}}\\p{{N}}]{{1,32}}$ in lower case");
        }

        var description = Str(item["description"]);
        if (description is null || description.Length is < 1 or > 100)
        {
            errors.Add($"{path}.description: must be 1-100 characters (was {description?.Length ?? 0})");
        }
    }

    private static string? Str(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    [GeneratedRegex(@"^[-_\p{L}\p{N}]{1,32}$")]
    private static partial Regex Name();
}
