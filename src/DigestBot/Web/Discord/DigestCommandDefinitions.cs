using System.Text.Json.Nodes;

namespace DigestBot.Web.Discord;

/// <summary>The application commands as Discord registers them: one <c>/digest</c> chat command with four sub-commands.
/// Discord's limits: names match <c>^[-_\p{L}\p{N}]{1,32}$</c> in lower case, descriptions are 1-100 characters, at
/// most 25 options per level; string lengths here match what <see cref="DigestCommands"/> accepts.</summary>
public static class DigestCommandDefinitions
{
    private const int SubCommand = 1;
    private const int String = 3;

    public static JsonArray All() =>
    [
        new JsonObject
        {
            ["name"] = "digest",
            ["type"] = 1,
            ["description"] = "The news digest: latest stories, sections, email subscription, why a story was chosen",
            ["options"] = new JsonArray
            {
                Sub("latest", "The latest edition's top stories (only you see the reply)",
                    Text("section", "Only this section", required: false, autocomplete: true, maxLength: 100)),
                Sub("sections", "The digest's sections"),
                Sub("subscribe", "Get the digest by email: you confirm from the email we send",
                    Text("email", "Your email address", required: true, autocomplete: false, maxLength: DigestCommands.MaxEmailLength),
                    Text("sections", "Sections separated by commas (default: all)", required: false, autocomplete: false, maxLength: DigestCommands.MaxSectionsLength)),
                Sub("why", "Why a story of the latest edition was chosen",
                    Text("story", "The story's headline", required: true, autocomplete: true, maxLength: DigestCommands.MaxStoryLength)),
            },
        },
    ];

    private static JsonObject Sub(string name, string description, params JsonObject[] options)
    {
        var command = new JsonObject { ["type"] = SubCommand, ["name"] = name, ["description"] = description };
        if (options.Length > 0)
        {
            command["options"] = new JsonArray(options.Select(o => (JsonNode)o).ToArray());
        }

        return command;
    }

    private static JsonObject Text(string name, string description, bool required, bool autocomplete, int maxLength)
    {
        var option = new JsonObject { ["type"] = String, ["name"] = name, ["description"] = description, ["required"] = required, ["max_length"] = maxLength };
        if (autocomplete)
        {
            option["autocomplete"] = true;
        }

        return option;
    }
}
