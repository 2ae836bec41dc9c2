using System.Globalization;
using DigestBot.Model;
using DigestBot.Options;

namespace DigestBot.Render.Discord;

/// <summary>
/// Turns a digest into Discord messages: one embed per section (title linking to the lead story, the lead story's picture
/// as thumbnail, the top stories as linked bullets with a teaser under the lead, sources in the footer, the edition's time),
/// packed into as few messages as the limits allow. Feed and digest text is escaped where Discord renders markdown and
/// broken up with zero-width spaces where it shows text as typed (footer, thread name); mentions are allowed only for
/// the destination's configured role.
/// </summary>
public sealed class DiscordMessageBuilder
{
    /// <summary>Article titles are cut (at a word) before escaping, so a bullet stays well under the packer's line cap.</summary>
    public const int ArticleTitleLimit = 200;

    public IReadOnlyList<DiscordPayload> Build(Digest digest, DiscordDestinationOptions destination)
    {
        if (destination.Layout == DiscordLayout.Compact)
        {
            return DiscordCompactLayout.Build(digest, destination);
        }

        var sections = Sections(digest, destination);
        if (sections.Count == 0)
        {
            return [];
        }

        // A destination without a channel posts through a webhook, or writes the webhook's bodies to the outbox.
        var isWebhook = string.IsNullOrEmpty(destination.ChannelId);
        var mentions = Mentions(destination);
        return DiscordPacker.Pack(sections).Select((embeds, i) => new DiscordPayload
        {
            Content = i == 0 ? Header(digest, destination) : null,
            Username = isWebhook ? destination.Username : null,
            AvatarUrl = isWebhook ? destination.AvatarUrl : null,
            ThreadName = i == 0 ? ThreadName(digest, destination) : null,
            Embeds = embeds,
            AllowedMentions = mentions,
        }).ToList();
    }

    /// <summary>The sections this destination shows, as the packer sees them (also used to compute the lower bound).</summary>
    public IReadOnlyList<DiscordSection> Sections(Digest digest, DiscordDestinationOptions destination)
    {
        var color = ParseColor(destination.Color);
        var sections = Shown(digest, destination)
            .Select(s => Section(digest, s, color))
            .ToList();
        return MergeSameUrl(sections);
    }

    /// <summary>Discord shows only the first of several embeds sharing a url, so sections that would share one become one.</summary>
    public static IReadOnlyList<DiscordSection> MergeSameUrl(IReadOnlyList<DiscordSection> sections)
    {
        var merged = new List<DiscordSection>();
        foreach (var section in sections)
        {
            var index = section.Url is null ? -1 : merged.FindIndex(m => m.Url == section.Url);
            if (index < 0)
            {
                merged.Add(section);
                continue;
            }

            var into = merged[index];
            var footer = string.Join(", ", new[] { into.Footer, section.Footer }.Where(f => !string.IsNullOrEmpty(f)).Distinct());
            merged[index] = into with
            {
                Lines = [.. into.Lines, .. section.Lines],
                Footer = footer.Length == 0 ? null : DiscordText.Truncate(footer, DiscordLimits.Footer),
            };
        }

        return merged;
    }

    private static DiscordSection Section(Digest digest, SectionDigest section, int? color)
    {
        // The section summary names every headline; beside the bullets it would show each one twice. The lead's
        // bullet carries the teaser instead.
        var lines = new List<string>();
        for (var i = 0; i < section.Items.Count; i++)
        {
            var item = section.Items[i];
            var title = DiscordText.Escape(DiscordText.Truncate(item.Article.Title.Trim(), ArticleTitleLimit));
            var link = DiscordText.LinkTarget(item.Article.Link);
            var headline = link is null ? title : $"[{title}]({link})";
            if (i > 0)
            {
                lines.Add($"• {headline}");
                continue;
            }

            var teaser = DiscordTeaser.Of(item, section.Items);
            var gap = section.Items.Count > 1 ? "\n" : "";
            lines.Add(teaser is null ? $"• **{headline}**{gap}" : $"• **{headline}**\n{DiscordText.Escape(teaser)}{gap}");
        }

        var sources = section.Items.Select(i => i.Article.SourceName ?? i.Article.SourceId).Distinct(StringComparer.Ordinal);
        return new DiscordSection(
            DiscordText.Truncate(DiscordText.Escape(section.Title), DiscordLimits.Title),
            DiscordText.LinkTarget(section.Items[0].Article.Link, 2048),
            lines,
            DiscordText.Truncate("Sources: " + string.Join(", ", sources.Select(DiscordText.Plain)), DiscordLimits.Footer),
            color,
            digest.ScheduledFor)
        {
            ThumbnailUrl = section.Items[0].Article.Image is { } image && image.IsShowable() ? new Uri(image.Url).AbsoluteUri : null,
        };
    }

    internal static string Header(Digest digest, DiscordDestinationOptions destination)
    {
        var title = DiscordText.Escape(DiscordText.Truncate(digest.Title, 200));
        var date = digest.ScheduledFor.UtcDateTime.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
        var mention = destination.MentionRoleId is { Length: > 0 } role ? $"<@&{role}> " : "";
        // The masked link in angle brackets shows no preview embed of its own; the header stays far below the 2000-character content limit.
        var view = DiscordText.LinkTarget(digest.ArchiveUrl) is { } url ? $" · [View in browser](<{url}>)" : "";
        return $"{mention}**{title}** · {date}{view}";
    }

    internal static string? ThreadName(Digest digest, DiscordDestinationOptions destination)
    {
        if (string.IsNullOrWhiteSpace(destination.ThreadName))
        {
            return null;
        }

        var name = destination.ThreadName
            .Replace("{title}", digest.Title, StringComparison.OrdinalIgnoreCase)
            .Replace("{date}", digest.ScheduledFor.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);
        return DiscordText.Truncate(DiscordText.Plain(name).Trim(), DiscordLimits.ThreadName);
    }

    internal static DiscordAllowedMentions Mentions(DiscordDestinationOptions destination) =>
        new() { Roles = destination.MentionRoleId is { Length: > 0 } role ? [role] : [] };

    /// <summary>The sections this destination shows, in the digest's order.</summary>
    internal static IEnumerable<SectionDigest> Shown(Digest digest, DiscordDestinationOptions destination) =>
        digest.Sections.Where(s => s.Items.Count > 0 && (destination.Sections.Count == 0 || destination.Sections.Contains(s.SectionId, StringComparer.OrdinalIgnoreCase)));

    internal static int? ParseColor(string? color) =>
        color is { Length: 7 } && color[0] == '#' && int.TryParse(color.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
