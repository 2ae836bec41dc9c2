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
}
