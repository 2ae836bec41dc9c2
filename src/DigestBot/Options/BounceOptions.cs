using System.ComponentModel.DataAnnotations;

namespace DigestBot.Options;

/// <summary>What bounces reported after sending (a bounce mailbox, a provider's webhook) do to a subscriber.</summary>
public sealed class BounceOptions
{
    public const string SectionName = "Email:Bounces";

    /// <summary>Temporary failures (4.x.x reports) within <see cref="SoftBounceWindowDays"/> after which a reader counts as bounced.</summary>
    [Range(1, 100)]
    public int SoftBounceLimit { get; set; } = 3;

    /// <summary>The window, in days, over which soft bounces are counted.</summary>
    [Range(1, 365)]
    public int SoftBounceWindowDays { get; set; } = 7;
}
