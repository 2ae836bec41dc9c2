using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Store;
using Microsoft.Extensions.Options;

namespace DigestBot.Web.Discord;

/// <summary>The digest the commands talk about and its latest finished edition.</summary>
public sealed class CommandDigest(
    IOptionsMonitor<DiscordOptions> discord, IOptionsMonitor<ArchiveOptions> archive, IOptionsMonitor<CatalogOptions> catalog, ArchiveQueries queries)
{
    /// <summary><c>Discord:Interactions:Digest</c>, else <c>Web:Archive:DefaultDigest</c>, else the first digest by id.</summary>
    public (string Id, DigestOptions Options)? Current()
    {
        var digests = catalog.CurrentValue.Digests;
        var wanted = new[] { discord.CurrentValue.Interactions.Digest, archive.CurrentValue.DefaultDigest }
            .FirstOrDefault(id => !string.IsNullOrWhiteSpace(id) && digests.ContainsKey(id))
            ?? digests.Keys.Order(StringComparer.Ordinal).FirstOrDefault();
        return wanted is null ? null : (digests.Keys.First(k => string.Equals(k, wanted, StringComparison.OrdinalIgnoreCase)), digests[wanted]);
    }

    /// <summary>The digest's sections as configured: id and title, in the digest's order.</summary>
    public IReadOnlyList<(string Id, string Title)> Sections()
    {
        var sections = catalog.CurrentValue.Sections;
        return Current() is { } digest
            ? digest.Options.Sections.Where(sections.ContainsKey).Select(id => (id, sections[id].Title)).ToList()
            : [];
    }

    public async Task<Digest?> LatestAsync(CancellationToken cancellationToken = default) =>
        Current() is { } digest ? (await queries.PageAsync(digest.Id, 0, 1, cancellationToken)).FirstOrDefault()?.Digest : null;

    /// <summary>The section id a member typed: an id or a title, any case; null when the digest has no such section.</summary>
    public string? FindSection(string typed)
    {
        var text = typed.Trim();
        return Sections().FirstOrDefault(s => string.Equals(s.Id, text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(s.Title, text, StringComparison.OrdinalIgnoreCase)).Id;
    }
}
