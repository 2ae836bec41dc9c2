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

    /// <summary>
    /// The share of an edition's messages refused outright (5xx) above which its remaining email batches pause until a
    /// person resumes it (send-now --resume): a stale list or a blocked sender should not burn the whole send.
    /// </summary>
    [Range(double.Epsilon, 1.0)]
    public double PauseAboveRate { get; set; } = 0.05;

    /// <summary>Messages of the edition that must have been tried before the rate can pause it.</summary>
    [Range(1, int.MaxValue)]
    public int PauseMinimumSent { get; set; } = 100;
}
