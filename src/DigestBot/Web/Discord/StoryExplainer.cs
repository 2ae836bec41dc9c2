using System.Globalization;
using System.Text;
using DigestBot.Model;
using DigestBot.Pipeline;
using DigestBot.Rank;
using DigestBot.Render.Discord;

namespace DigestBot.Web.Discord;

/// <summary>
/// <c>/digest why</c>: finds a story of the latest edition by its headline and shows what <c>explain</c> shows for it,
/// from the same ranking (the digest's sources ranked as of the edition's time). Fetching the sources may take longer
/// than Discord's 3 seconds, which is what the deferred reply is for.
/// </summary>
public sealed class StoryExplainer(CommandDigest digest, DigestBuilder ranking)
{
    public async Task<DiscordInteractionMessage> ExplainAsync(string story, CancellationToken cancellationToken = default)
    {
        if (await digest.LatestAsync(cancellationToken) is not { } latest)
        {
            return DiscordInteractionMessage.Private("No edition has been sent yet.");
        }

        if (Find(latest, story) is not { } found)
        {
            return DiscordInteractionMessage.Private(
                $"No story in the latest edition matches \"{DiscordText.Escape(DiscordText.Truncate(story, 100))}\". Pick one from the list that appears as you type.");
        }

        var (section, item, position) = found;
        var ranked = await ranking.RankAsync(latest.DigestId, latest.EditionId, latest.GeneratedAt, ignoreSent: true, cancellationToken);
        var match = ranked.Sections.SelectMany(s => s.Stories).FirstOrDefault(s =>
            s.Lead.Id == item.Article.Id || s.Duplicates.Any(d => d.Id == item.Article.Id) || item.DuplicateArticleIds.Contains(s.Lead.Id));
        var embed = new DiscordEmbed
        {
            Title = DiscordText.Truncate(DiscordText.Escape(item.Article.Title.Trim()), DiscordLimits.Title),
            Url = DiscordText.LinkTarget(item.Article.Link),
            Description = DiscordText.Truncate(Describe(section, item, position, match), DiscordLimits.Description),
            Footer = new DiscordEmbedFooter(DiscordText.Plain(
                $"Ranked as of {latest.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC for {latest.Title}")),
        };
        return DiscordInteractionMessage.Private("Why this story is in the digest:", [embed]);
    }

    /// <summary>Headlines of the latest edition containing <paramref name="typed"/>, for autocomplete (Discord shows up to 25).</summary>
    public async Task<IReadOnlyList<string>> HeadlinesAsync(string typed, CancellationToken cancellationToken = default) =>
        await digest.LatestAsync(cancellationToken) is { } latest
            ? latest.Sections.SelectMany(s => s.Items).Select(i => i.Article.Title.Trim())
                .Where(t => t.Contains(typed.Trim(), StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal).Take(25).ToList()
            : [];

    /// <summary>The story whose headline is <paramref name="typed"/>: exactly, else as the start of a headline (autocomplete
    /// values are cut to 100 characters), else as part of one.</summary>
    private static (SectionDigest Section, DigestItem Item, int Position)? Find(Digest edition, string typed)
    {
        var text = typed.EndsWith(DiscordText.Ellipsis, StringComparison.Ordinal) ? typed[..^DiscordText.Ellipsis.Length].TrimEnd() : typed;
        var all = edition.Sections.SelectMany(s => s.Items.Select((item, i) => (Section: s, Item: item, Position: i + 1))).ToList();
        var found = all.Where(x => string.Equals(x.Item.Article.Title.Trim(), text, StringComparison.OrdinalIgnoreCase))
            .Concat(all.Where(x => x.Item.Article.Title.Trim().StartsWith(text, StringComparison.OrdinalIgnoreCase)))
            .Concat(all.Where(x => x.Item.Article.Title.Contains(text, StringComparison.OrdinalIgnoreCase)))
            .Take(1).ToList();
        return found.Count == 0 ? null : found[0];
    }

    private static string Describe(SectionDigest section, DigestItem item, int position, RankedStory? story)
    {
        var text = new StringBuilder();
        text.Append(Invariant($"#{position} of {section.Items.Count} in **{DiscordText.Escape(section.Title)}** · score **{item.Score:0.000}**\n"));
        if (story is null)
        {
            text.Append("The feeds no longer carry this story, so the breakdown of its score is not available.");
            return text.ToString();
        }

        var s = story.Signals;
        text.Append("score = weight × (recency + position + coverage) + keywords\n");
        text.Append(Invariant($"recency {s.Recency:+0.000} · feed position {s.Position:+0.000} · coverage {s.Coverage:+0.000} · source weight {s.Source:+0.000;-0.000;0.000} · keywords {s.Keywords:+0.000;-0.000;0.000}"));
        if (story.MatchedKeywords.Count > 0)
        {
            text.Append("\nKeywords: ").Append(DiscordText.Escape(string.Join(", ", story.MatchedKeywords)));
        }

        foreach (var merged in story.Merged.Take(10))
        {
            var source = merged.Article.SourceName ?? merged.Article.SourceId;
            text.Append("\nSame story from ").Append(DiscordText.Escape(source)).Append(": ").Append(DiscordText.Escape(DiscordText.Truncate(merged.Match.Describe(), 200)));
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
