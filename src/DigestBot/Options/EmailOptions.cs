using System.ComponentModel.DataAnnotations;

namespace DigestBot.Options;

/// <summary>The sender identity and the subscribers seeded from configuration.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    [Required(AllowEmptyStrings = false), EmailAddress]
    public string From { get; set; } = "";

    public string FromName { get; set; } = "DigestBot";

    /// <summary>The sender's postal address, printed in every email footer.</summary>
    [Required(AllowEmptyStrings = false)]
    public string PostalAddress { get; set; } = "";

    /// <summary>Folder of the Razor templates, relative to the content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string TemplatesPath { get; set; } = "templates";

    /// <summary>Permanent (5xx) failures after which a subscriber is marked Bounced and no longer sent to.</summary>
    [Range(1, 100)]
    public int BounceThreshold { get; set; } = 3;

    /// <summary>Subscribers imported into the store at start-up (added when missing, never removed).</summary>
    public List<SubscriberOptions> Subscribers { get; set; } = [];
}
