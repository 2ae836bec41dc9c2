using System.ComponentModel.DataAnnotations;

namespace DigestBot.Options;

/// <summary>What bounces and complaints reported after sending (a bounce mailbox, a provider's webhook) do to a subscriber and an edition.</summary>
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
    /// Share of an edition's messages that may hard-bounce (refused during sending, or reported later) before its remaining
    /// batches pause until <c>send-now &lt;digest&gt; --resume</c>; 1 never pauses.
    /// </summary>
    [Range(0.0, 1.0)]
    public double PauseAboveRate { get; set; } = 0.05;

    /// <summary>Messages an edition must have sent before its bounce rate can pause it (a few early bounces say little).</summary>
    [Range(1, 1_000_000)]
    public int PauseMinimumSent { get; set; } = 100;
}
