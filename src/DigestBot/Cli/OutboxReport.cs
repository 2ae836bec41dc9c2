using DigestBot.Deliver;
using DigestBot.Deliver.Discord;

namespace DigestBot.Cli;

/// <summary>Where an edition's outbox files are, for the command's summary: the folder and the first email in it.</summary>
internal static class OutboxReport
{
    public static IEnumerable<string> Lines(OutboxFolder outbox, DiscordOutbox discord, string editionId)
    {
        var folder = outbox.EditionFolder(editionId);
        var emails = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).ToList() : [];
        if (emails.Count > 0)
        {
            yield return $"  email outbox: {emails.Count} .eml file{(emails.Count == 1 ? "" : "s")} in {folder}";
            yield return $"    first: {emails[0]}";
        }

        var posts = Directory.Exists(discord.Folder(editionId)) ? Directory.GetFiles(discord.Folder(editionId), "*.json").Length : 0;
        if (posts > 0)
        {
            yield return $"  discord outbox: {posts} .json file{(posts == 1 ? "" : "s")} in {discord.Folder(editionId)}";
        }
    }
}
