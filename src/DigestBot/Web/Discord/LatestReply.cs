using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Render.Discord;

namespace DigestBot.Web.Discord;

/// <summary>The latest edition as one ephemeral reply: the digest's header with the archive link, then the sections as
/// the channel posts show them, as many as fit one message (the rest is one click away in the archive).</summary>
public static class LatestReply
{
    public static DiscordInteractionMessage Build(Digest digest, string? sectionId, DiscordMessageBuilder builder)
    {
        var destination = new DiscordDestinationOptions { Sections = sectionId is null ? [] : [sectionId] };
        var sections = builder.Sections(digest, destination);
        var header = DiscordMessageBuilder.Header(digest, destination);
        if (sections.Count == 0)
        {
            return DiscordInteractionMessage.Private($"{header}\nNo stories in that section in the latest edition.");
        }

        var messages = DiscordPacker.Pack(sections);
        var shown = messages[0];
        var more = messages.Count > 1
            ? $"\nShowing {Sections(shown)} of {sections.Count} sections here: the whole edition is on the archive page."
            : "";
        return DiscordInteractionMessage.Private(header + more, shown);
    }

    private static int Sections(IReadOnlyList<DiscordEmbed> embeds) => embeds.Select(e => e.Title).Distinct(StringComparer.Ordinal).Count();
}
