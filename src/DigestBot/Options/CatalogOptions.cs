namespace DigestBot.Options;

/// <summary>The editorial catalogue: the top-level <c>Sections</c>, <c>Sources</c> and <c>Digests</c> of appsettings.json.</summary>
public sealed class CatalogOptions
{
    public Dictionary<string, SectionOptions> Sections { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, SourceOptions> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, DigestOptions> Digests { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
