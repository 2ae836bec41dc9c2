namespace DigestBot.Deliver.Discord;

public enum DiscordSendOutcome
{
    /// <summary>Discord stored the message.</summary>
    Posted,

    /// <summary>Discord refused the body (400 and other 4xx): retrying the same body cannot help.</summary>
    Rejected,

    /// <summary>401, 403 or 404: the webhook or channel is gone or the token is not allowed; the destination is disabled.</summary>
    Dead,

    /// <summary>Still 429, 5xx or unreachable after every attempt; the next run tries again.</summary>
    Failed,
}

/// <summary>What happened to one message. <see cref="ChannelId"/> is the channel (or the new forum thread) it landed in.</summary>
public sealed record DiscordSendResult(DiscordSendOutcome Outcome, int Status, string? MessageId = null, string? ChannelId = null,
    int? ErrorCode = null, string? Error = null, int Attempts = 1);
