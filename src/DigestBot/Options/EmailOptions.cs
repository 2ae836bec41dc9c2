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

    /// <summary>
    /// <c>Smtp</c> sends through the mail server under <c>Smtp</c>; <c>Outbox</c> writes each message to
    /// <see cref="OutboxPath"/> instead. When not set: <c>Smtp</c> if <c>Smtp:Host</c> is set, else <c>Outbox</c>.
    /// </summary>
    public EmailTransport? Transport { get; set; }

    /// <summary>
    /// The outbox folder, relative to the content root: <c>&lt;edition&gt;/*.eml</c> for emails and
    /// <c>&lt;edition&gt;/discord/*.json</c> for Discord destinations without a webhook or channel.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string OutboxPath { get; set; } = "data/outbox";

    /// <summary>Folder of the Razor templates, relative to the content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string TemplatesPath { get; set; } = "templates";

    /// <summary>
    /// Folder of the compiled templates, relative to the content root: a start whose templates are unchanged loads them
    /// from here instead of compiling them. Empty: nothing is kept, every start compiles.
    /// </summary>
    public string TemplateCachePath { get; set; } = "data/template-cache";

    /// <summary>Permanent (5xx) failures after which a subscriber is marked Bounced and no longer sent to.</summary>
    [Range(1, 100)]
    public int BounceThreshold { get; set; } = 3;

    /// <summary>
    /// Per batch, at most this many rendered variants of an edition that leave out stories muted by readers; readers
    /// whose mutes would need another get a copy rendered for them alone (correct, but it costs a render each).
    /// </summary>
    [Range(1, 100_000)]
    public int MaxMutedVariants { get; set; } = 256;

    /// <summary>
    /// The address bounces go to, e.g. <c>bounces@example.net</c>. When set, each digest's envelope sender (SMTP MAIL
    /// FROM, which the receiving server keeps as Return-Path) is <c>bounces+&lt;token&gt;@example.net</c>, where the
    /// signed token names the message, so a bounce can be traced to its reader and edition. Unset: the envelope sender is
    /// <see cref="From"/>.
    /// </summary>
    [BounceAddress]
    public string? BounceAddress { get; set; }

    /// <summary>Subscribers imported into the store at start-up (added when missing, never removed).</summary>
    public List<SubscriberOptions> Subscribers { get; set; } = [];

    /// <summary>The transport in force: <see cref="Transport"/>, or the one <paramref name="smtp"/> implies.</summary>
    public EmailTransport TransportWith(SmtpOptions smtp) =>
        Transport ?? (string.IsNullOrWhiteSpace(smtp.Host) ? EmailTransport.Outbox : EmailTransport.Smtp);
}
