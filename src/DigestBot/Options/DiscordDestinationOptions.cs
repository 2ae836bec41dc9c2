namespace DigestBot.Options;

/// <summary>One Discord channel: either a webhook URL, or a channel id posted to with the bot token.</summary>
public sealed class DiscordDestinationOptions
{
    public string? WebhookUrl { get; set; }

    public string? ChannelId { get; set; }

    /// <summary>Section ids posted here; empty means every section of the digest.</summary>
    public List<string> Sections { get; set; } = [];

    public string? Username { get; set; }

    public string? AvatarUrl { get; set; }

    /// <summary>Embed colour as #RRGGBB.</summary>
    public string? Color { get; set; }

    /// <summary>Post into this existing thread.</summary>
    public string? ThreadId { get; set; }

    /// <summary>For forum channels: name of the thread each digest creates.</summary>
    public string? ThreadName { get; set; }

    /// <summary>Role id mentioned (and allowed to ping) in each post.</summary>
    public string? MentionRoleId { get; set; }
}
