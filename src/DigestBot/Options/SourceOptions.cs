using System.ComponentModel.DataAnnotations;

namespace DigestBot.Options;

/// <summary>A feed to ingest. Keyed by id under <c>Sources</c>.</summary>
public sealed class SourceOptions
{
    /// <summary>An http(s) URL, or a file path (relative paths resolve against the content root).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Url { get; set; } = "";

    /// <summary>The id of the section (under <c>Sections</c>) this source feeds.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Section { get; set; } = "";

    /// <summary>Display name; the feed's own title is used when empty.</summary>
    public string? Name { get; set; }

    [Range(0.0, 100.0)]
    public double Weight { get; set; } = 1.0;

    public bool Enabled { get; set; } = true;
}
