using System.Globalization;
using System.Text;
using DigestBot.Model;
using DigestBot.Options;

namespace DigestBot.Render.Discord;

/// <summary>Turns a digest into webhook payloads: one embed per section, top stories as linked bullets.</summary>
public sealed class DiscordMessageBuilder
{
    public const int MaxEmbedsPerMessage = 10;
    public const int MaxDescription = 4096;

    public IReadOnlyList<DiscordPayload> Build(Digest digest, DiscordDestinationOptions destination)
    {
        var embeds = digest.Sections
            .Where(s => s.Items.Count > 0 && (destination.Sections.Count == 0 || destination.Sections.Contains(s.SectionId, StringComparer.OrdinalIgnoreCase)))
            .Select(s => SectionEmbed(digest, s, destination))
            .ToList();
        var mentions = new DiscordAllowedMentions { Roles = destination.MentionRoleId is { } role ? [role] : [] };
        return embeds.Chunk(MaxEmbedsPerMessage).Select((chunk, i) => new DiscordPayload
        {
            Content = i == 0 && destination.MentionRoleId is { } r ? $"<@&{r}> {digest.Title}" : null,
            Username = destination.Username,
            AvatarUrl = destination.AvatarUrl,
            ThreadName = i == 0 ? destination.ThreadName : null,
            Embeds = chunk,
            AllowedMentions = mentions,
        }).ToList();
    }

    private static DiscordEmbed SectionEmbed(Digest digest, SectionDigest section, DiscordDestinationOptions destination)
    {
        var description = new StringBuilder();
        foreach (var item in section.Items)
        {
            var line = $"• [{Escape(item.Article.Title)}]({item.Article.Link})\n";
            if (description.Length + line.Length > MaxDescription - section.Summary.Length - 2)
            {
                break;
            }

            description.Append(line);
        }

        description.Append('\n').Append(Escape(section.Summary));
        return new DiscordEmbed
        {
            Title = $"{digest.Title} — {section.Title}",
            Description = description.ToString(),
            Color = ParseColor(destination.Color),
            Timestamp = digest.ScheduledFor,
            Footer = new DiscordEmbedFooter(string.Join(", ", section.Items.Select(i => i.Article.SourceName ?? i.Article.SourceId).Distinct())),
        };
    }

    /// <summary>Escapes Discord markdown so a feed title cannot format or break the message.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '~' or '`' or '|' or '[' or ']' or '(' or ')' or '>' or '#' or '-' or '@')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static int? ParseColor(string? color) =>
        color is { Length: 7 } && color[0] == '#' && int.TryParse(color.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
