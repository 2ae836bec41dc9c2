using System.ComponentModel.DataAnnotations;

namespace DigestBot.Options;

/// <summary>The public archive of sent editions (<c>/archive/...</c> and <c>/</c>); each digest turns it on or off with <c>Digests:&lt;id&gt;:Archive</c>.</summary>
public sealed class ArchiveOptions
{
    public const string SectionName = "Web:Archive";

    /// <summary>The digest whose latest edition <c>/</c> shows; when empty, the first archived digest by id.</summary>
    public string? DefaultDigest { get; set; }

    /// <summary>Editions per index page, and entries per feed.</summary>
    [Range(1, 500)]
    public int PageSize { get; set; } = 20;
}
