using System.ComponentModel.DataAnnotations;

namespace DigestBot.Options;

/// <summary>
/// Limits on the public subscribe form. Every accepted POST sends a confirmation email to an address the visitor
/// chose, so without a limit the form could be used to flood someone's inbox or burn the sender's reputation.
/// </summary>
public sealed class SubscribeRateLimitOptions
{
    public const string SectionName = "Web:SubscribeRateLimit";

    /// <summary>Subscribe requests one client address may make per <see cref="Window"/>.</summary>
    [Range(1, 100_000)]
    public int PermitLimit { get; set; } = 5;

    /// <summary>Subscribe requests all clients together may make per <see cref="Window"/> (bounds confirmation mail).</summary>
    [Range(1, 1_000_000)]
    public int GlobalPermitLimit { get; set; } = 200;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}
