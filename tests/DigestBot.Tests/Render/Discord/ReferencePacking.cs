using DigestBot.Render.Discord;

namespace DigestBot.Tests.Render.Discord;

/// <summary>
/// The true minimum number of messages for sections sent in order, by exhaustive dynamic programming over every place a
/// message can end (each message holds whole lines; a section split across messages repeats its title; the footer comes
/// with the section's last line; an embed starts a new part only when its description is full). Independent of the
/// packer's greedy choice, so tests can hold the packer to the optimum.
/// </summary>
public static class ReferencePacking
{
    public static int MinimumMessages(IReadOnlyList<DiscordSection> sections)
    {
        var lines = sections.SelectMany((s, i) => s.Lines.Select((_, j) => (Section: i, Line: j))).ToList();
        var best = new int[lines.Count + 1];
        for (var start = lines.Count - 1; start >= 0; start--)
        {
            best[start] = int.MaxValue;
            int embeds = 0, characters = 0, description = 0, current = -1;
            for (var end = start + 1; end <= lines.Count; end++)
            {
                var (index, line) = lines[end - 1];
                var section = sections[index];
                var length = section.Lines[line].Length;
                if (index != current || description + 1 + length > DiscordLimits.Description)
                {
                    embeds++;
                    characters += section.Title.Length + length;
                    description = length;
                    current = index;
                }
                else
                {
                    description += 1 + length;
                    characters += 1 + length;
                }

                if (line == section.Lines.Count - 1)
                {
                    characters += section.Footer?.Length ?? 0;
                }

                // Adding lines only adds embeds and characters: once a message is over, every longer one is too.
                if (embeds > DiscordLimits.EmbedsPerMessage || characters > DiscordLimits.EmbedCharactersPerMessage)
                {
                    break;
                }

                if (best[end] != int.MaxValue)
                {
                    best[start] = Math.Min(best[start], 1 + best[end]);
                }
            }
        }

        return lines.Count == 0 ? 0 : best[0];
    }
}
