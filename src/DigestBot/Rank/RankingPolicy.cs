using DigestBot.Options;

namespace DigestBot.Rank;

/// <summary>How one section of one digest is ranked, resolved from configuration.</summary>
public sealed record RankingPolicy(
    TimeSpan HalfLife,
    int TopN,
    IReadOnlyDictionary<string, double> SourceWeights,
    IReadOnlyDictionary<string, double> Boost,
    IReadOnlyList<string> Mute)
{
    /// <summary>Points for the first item of its feed; the n-th item (from 0) gets PositionBonus / (n + 1).</summary>
    public const double PositionBonus = 0.3;

    /// <summary>Points for each further source reporting the same story, up to <see cref="MaxCoverageSources"/> sources.</summary>
    public const double CoverageBonus = 0.25;

    public const int MaxCoverageSources = 5;

    public static RankingPolicy For(CatalogOptions catalog, string digestId, string sectionId)
    {
        var digest = catalog.Digests[digestId];
        var section = catalog.Sections[sectionId];
        var weights = catalog.Sources
            .Where(s => s.Value.Enabled && string.Equals(s.Value.Section, sectionId, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(s => s.Key, s => s.Value.Weight, StringComparer.OrdinalIgnoreCase);
        var boost = new Dictionary<string, double>(digest.Boost, StringComparer.OrdinalIgnoreCase);
        foreach (var (keyword, points) in section.Boost)
        {
            boost[keyword] = points;
        }

        var mute = digest.Mute.Concat(section.Mute).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new RankingPolicy(section.HalfLife, section.TopN, weights, boost, mute);
    }
}
