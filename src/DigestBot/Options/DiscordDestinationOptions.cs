using System.ComponentModel.DataAnnotations;

namespace DigestBot.Options;

/// <summary>One Discord channel: either a webhook URL, or a channel id posted to with the bot token. Webhook URLs are
/// secrets: give them as environment variables, e.g. <c>Discord__Destinations__community__WebhookUrl</c>.</summary>
public sealed class DiscordDestinationOptions : IValidatableObject
{
    public string? WebhookUrl { get; set; }

    /// <summary>A text, announcement, thread or forum channel id, posted to with <c>Discord:BotToken</c>.</summary>
    public string? ChannelId { get; set; }

    /// <summary>Section ids posted here; empty means every section of the digest.</summary>
    public List<string> Sections { get; set; } = [];

    /// <summary>Webhooks only: the name shown as the author.</summary>
    [MaxLength(80)]
    public string? Username { get; set; }

    /// <summary>Webhooks only: the avatar shown as the author.</summary>
    public string? AvatarUrl { get; set; }

    /// <summary>Embed colour as #RRGGBB.</summary>
    [RegularExpression("^#[0-9A-Fa-f]{6}$", ErrorMessage = "must be a colour as #RRGGBB, e.g. \"#0B3D91\".")]
    public string? Color { get; set; }

    /// <summary>Post into this existing thread.</summary>
    [RegularExpression("^[0-9]{1,20}$", ErrorMessage = "must be a thread id (digits only).")]
    public string? ThreadId { get; set; }

    /// <summary>For forum channels: the name of the thread each edition creates; <c>{title}</c> and <c>{date}</c> are
    /// replaced by the digest's title and the edition's date.</summary>
    [MaxLength(100)]
    public string? ThreadName { get; set; }

    /// <summary>An embed per section (the default) or compact markdown messages.</summary>
    public DiscordLayout Layout { get; set; } = DiscordLayout.EmbedPerSection;

    /// <summary>Role id mentioned (and the only mention allowed to ping) in each edition's first message.</summary>
    [RegularExpression("^[0-9]{1,20}$", ErrorMessage = "must be a role id (digits only).")]
    public string? MentionRoleId { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(WebhookUrl) && !IsHttpUrl(WebhookUrl))
        {
            yield return new ValidationResult("must be the webhook's https URL (https://discord.com/api/webhooks/ID/TOKEN).", [nameof(WebhookUrl)]);
        }

        if (!string.IsNullOrEmpty(WebhookUrl) && !string.IsNullOrEmpty(ChannelId))
        {
            yield return new ValidationResult("give either WebhookUrl or ChannelId, not both.", [nameof(ChannelId)]);
        }

        if (!string.IsNullOrEmpty(ChannelId) && !ChannelId.All(char.IsAsciiDigit))
        {
            yield return new ValidationResult("must be a channel id (digits only).", [nameof(ChannelId)]);
        }

        if (!string.IsNullOrEmpty(ThreadId) && !string.IsNullOrEmpty(ThreadName))
        {
            yield return new ValidationResult("give either ThreadId (an existing thread) or ThreadName (a forum post per edition), not both.", [nameof(ThreadName)]);
        }

        if (!string.IsNullOrEmpty(AvatarUrl) && !IsHttpUrl(AvatarUrl))
        {
            yield return new ValidationResult("must be an http(s) image URL.", [nameof(AvatarUrl)]);
        }

        // Discord refuses webhook names containing these words.
        if (Username is { } name && (name.Contains("discord", StringComparison.OrdinalIgnoreCase) || name.Contains("clyde", StringComparison.OrdinalIgnoreCase)))
        {
            yield return new ValidationResult("Discord does not allow \"discord\" or \"clyde\" in a webhook username.", [nameof(Username)]);
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
