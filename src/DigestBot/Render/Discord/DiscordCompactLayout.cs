using System.Text;
using DigestBot.Model;
using DigestBot.Options;

namespace DigestBot.Render.Discord;

/// <summary>
/// The compact layout: the header as content, then the sections as markdown (a heading, one linked headline per line)
/// running through plain embeds, so a message carries up to 6000 characters instead of content's 2000. Lines are never
/// split; an embed ends at 4096 characters, a message at 10 embeds or 6000 characters, and a section continued in the
/// next message repeats its heading, which costs no more than starting it there would, so filling greedily is optimal.
/// </summary>
public static class DiscordCompactLayout
{
    public static IReadOnlyList<DiscordPayload> Build(Digest digest, DiscordDestinationOptions destination)
    {
        var sections = DiscordMessageBuilder.Shown(digest, destination).ToList();
        if (sections.Count == 0)
        {
            return [];
        }

        var isWebhook = string.IsNullOrEmpty(destination.ChannelId);
        var mentions = DiscordMessageBuilder.Mentions(destination);
        var color = DiscordMessageBuilder.ParseColor(destination.Color);
        var thumbnail = sections[0].Items[0].Article.Image is { } image && image.IsShowable() ? new DiscordEmbedThumbnail(new Uri(image.Url).AbsoluteUri) : null;
        return Pack(sections.Select(Section).ToList()).Select((descriptions, i) => new DiscordPayload
        {
            Content = i == 0 ? DiscordMessageBuilder.Header(digest, destination) : null,
            Username = isWebhook ? destination.Username : null,
            AvatarUrl = isWebhook ? destination.AvatarUrl : null,
            ThreadName = i == 0 ? DiscordMessageBuilder.ThreadName(digest, destination) : null,
            Embeds = descriptions.Select((d, j) => new DiscordEmbed { Description = d, Color = color, Thumbnail = i == 0 && j == 0 ? thumbnail : null }).ToList(),
            AllowedMentions = mentions,
        }).ToList();
    }

    /// <summary>The embed descriptions of each message.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Pack(IReadOnlyList<(string Heading, IReadOnlyList<string> Lines)> sections)
    {
        var messages = new List<IReadOnlyList<string>>();
        var embeds = new List<string>();
        var current = new StringBuilder();
        var used = 0;
        foreach (var (heading, lines) in sections)
        {
            var headed = false;
            foreach (var line in lines)
            {
                // A heading always comes with the line after it, so no embed or message ends on a heading.
                var piece = headed ? line : heading + "\n" + line;
                var joined = current.Length > 0 ? 1 + piece.Length : piece.Length;
                if (used + joined > DiscordLimits.EmbedCharactersPerMessage || (current.Length + joined > DiscordLimits.Description && embeds.Count + 1 >= DiscordLimits.EmbedsPerMessage))
                {
                    Close(embeds, current);
                    messages.Add(embeds);
                    embeds = [];
                    used = 0;
                    piece = heading + "\n" + line;
                    joined = piece.Length;
                }
                else if (current.Length + joined > DiscordLimits.Description)
                {
                    Close(embeds, current);
                    joined = piece.Length;
                }

                current.Append(current.Length > 0 ? "\n" : "").Append(piece);
                used += joined;
                headed = true;
            }
        }

        Close(embeds, current);
        if (embeds.Count > 0)
        {
            messages.Add(embeds);
        }

        return messages;
    }

    private static void Close(List<string> embeds, StringBuilder current)
    {
        if (current.Length > 0)
        {
            embeds.Add(current.ToString());
            current.Clear();
        }
    }

    private static (string Heading, IReadOnlyList<string> Lines) Section(SectionDigest section)
    {
        var lines = section.Items.Select(item =>
        {
            var title = DiscordText.Escape(DiscordText.Truncate(item.Article.Title.Trim(), DiscordMessageBuilder.ArticleTitleLimit));
            return DiscordText.LinkTarget(item.Article.Link) is { } link ? $"- [{title}]({link})" : $"- {title}";
        }).ToList();
        return ("## " + DiscordText.Truncate(DiscordText.Escape(section.Title), DiscordLimits.Title), lines);
    }
}
