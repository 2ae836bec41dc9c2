using System.ComponentModel.DataAnnotations;

namespace DigestBot.Options;

/// <summary>A newspaper section, such as "Space News". Keyed by id under <c>Sections</c>.</summary>
public sealed class SectionOptions
{
    [Required(AllowEmptyStrings = false)]
    public string Title { get; set; } = "";

    /// <summary>How many top articles the section shows in a digest.</summary>
    [Range(1, 100)]
    public int TopN { get; set; } = 5;

    /// <summary>Age at which an article's recency score halves: short for breaking news, long for slow sections.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "365.00:00:00")]
    public TimeSpan HalfLife { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Words or phrases (matched as whole words in title, summary and categories) and the points they add;
    /// a negative value demotes.</summary>
    [KeywordBoosts]
    public Dictionary<string, double> Boost { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words or phrases whose articles are never shown in this section.</summary>
    [MutedKeywords]
    public List<string> Mute { get; set; } = [];
}
