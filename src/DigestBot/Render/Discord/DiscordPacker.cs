namespace DigestBot.Render.Discord;

/// <summary>
/// Packs sections, in order, into as few messages as Discord's limits allow: at most 10 embeds and 6000 embed characters
/// per message, 4096 per description. Each message takes as much as still fits (a section that does not fit continues
/// in the next message under the same title). Taking the longest fitting prefix is optimal here because a continuation
/// never costs more than the section start it replaces (title only; the footer stays on the last part).
/// </summary>
public static class DiscordPacker
{
    public static IReadOnlyList<IReadOnlyList<DiscordEmbed>> Pack(IReadOnlyList<DiscordSection> sections)
    {
        var messages = new List<IReadOnlyList<DiscordEmbed>>();
        var current = new List<DiscordEmbed>();
        var used = 0;

        foreach (var section in sections)
        {
            Validate(section);
            var next = 0;
            var first = true;
            while (first || next < section.Lines.Count)
            {
                if (!Fits(section, next, current.Count, used))
                {
                    messages.Add(current);
                    current = [];
                    used = 0;
                }

                var room = DiscordLimits.EmbedCharactersPerMessage - used - section.Title.Length;
                var (taken, description) = Take(section, next, room);
                var last = next + taken == section.Lines.Count;
                var embed = new DiscordEmbed
                {
                    Title = section.Title,
                    Url = first ? section.Url : null,
                    Description = description.Length == 0 ? null : description,
                    Color = section.Color,
                    Thumbnail = first && section.ThumbnailUrl is { } thumbnail ? new DiscordEmbedThumbnail(thumbnail) : null,
                    Footer = last && section.Footer is { Length: > 0 } footer ? new DiscordEmbedFooter(footer) : null,
                    Timestamp = last ? section.Timestamp : null,
                };
                current.Add(embed);
                used += embed.Characters();
                next += taken;
                first = false;
            }
        }

        if (current.Count > 0)
        {
            messages.Add(current);
        }

        return messages;
    }

    /// <summary>
    /// A number of messages no packing can beat: every section needs at least one embed per 4096 description characters,
    /// and every character of title, description and footer must be sent at least once.
    /// </summary>
    public static int LowerBound(IReadOnlyList<DiscordSection> sections)
    {
        if (sections.Count == 0)
        {
            return 0;
        }

        var embeds = sections.Sum(s => Math.Max(1, CeilDiv(s.DescriptionLength, DiscordLimits.Description)));
        var characters = sections.Sum(s => s.Title.Length + s.DescriptionLength + (s.Footer?.Length ?? 0));
        return Math.Max(CeilDiv(embeds, DiscordLimits.EmbedsPerMessage), CeilDiv(characters, DiscordLimits.EmbedCharactersPerMessage));
    }

    /// <summary>Whether the current message can take the next piece of the section: its title, its next line, and the
    /// footer too when that line is the last.</summary>
    private static bool Fits(DiscordSection section, int next, int embeds, int used)
    {
        if (embeds == 0)
        {
            return true;
        }

        if (embeds >= DiscordLimits.EmbedsPerMessage)
        {
            return false;
        }

        var need = section.Title.Length;
        if (next < section.Lines.Count)
        {
            need += section.Lines[next].Length;
        }

        if (next + 1 >= section.Lines.Count)
        {
            need += section.Footer?.Length ?? 0;
        }

        return used + need <= DiscordLimits.EmbedCharactersPerMessage;
    }

    /// <summary>Takes lines from <paramref name="next"/> while they fit the description limit and the room left in the message.</summary>
    private static (int Taken, string Description) Take(DiscordSection section, int next, int room)
    {
        var length = 0;
        var taken = 0;
        for (var i = next; i < section.Lines.Count; i++)
        {
            var added = section.Lines[i].Length + (taken > 0 ? 1 : 0);
            var footer = i == section.Lines.Count - 1 ? section.Footer?.Length ?? 0 : 0;
            if (length + added > DiscordLimits.Description || length + added + footer > room)
            {
                break;
            }

            length += added;
            taken++;
        }

        return (taken, string.Join('\n', section.Lines.Skip(next).Take(taken)));
    }

    private static void Validate(DiscordSection section)
    {
        if (section.Title.Length is 0 or > DiscordLimits.Title)
        {
            throw new ArgumentException($"Section title must be 1 to {DiscordLimits.Title} characters.", nameof(section));
        }

        if ((section.Footer?.Length ?? 0) > DiscordLimits.Footer)
        {
            throw new ArgumentException($"Section footer must be at most {DiscordLimits.Footer} characters.", nameof(section));
        }

        // With the caps above, one line plus title and footer always fits an empty message, so packing always progresses.
        if (section.Lines.Any(l => l.Length > DiscordLimits.FieldValue * 2))
        {
            throw new ArgumentException($"Section lines must be at most {DiscordLimits.FieldValue * 2} characters.", nameof(section));
        }
    }

    private static int CeilDiv(int value, int divisor) => (value + divisor - 1) / divisor;
}
