using System.ComponentModel.DataAnnotations;

namespace DigestBot.Options;

/// <summary>Slash commands over HTTP (<c>Discord:Interactions</c>): Discord posts each command to
/// <c>/discord/interactions</c>, signed with the application's key. Empty <see cref="PublicKey"/>: the endpoint is off (404).</summary>
public sealed class DiscordInteractionsOptions
{
    /// <summary>The application's public key (64 hex characters) from the developer portal, to verify each request.</summary>
    [RegularExpression("^[0-9A-Fa-f]{64}$", ErrorMessage = "must be the application's public key: 64 hexadecimal characters from the developer portal.")]
    public string? PublicKey { get; set; }

    /// <summary>The application id, for registering commands and for follow-up messages.</summary>
    [RegularExpression("^[0-9]{1,20}$", ErrorMessage = "must be the application id (digits only).")]
    public string? ApplicationId { get; set; }

    /// <summary>The digest the commands talk about; empty: <c>Web:Archive:DefaultDigest</c>, else the first digest by id.</summary>
    public string? Digest { get; set; }

    /// <summary>Commands one Discord user may run per minute; more get an ephemeral "slow down" reply.</summary>
    [Range(1, 1000)]
    public int CommandsPerMinute { get; set; } = 5;

    /// <summary>Requests signed longer ago than this (or this far in the future) are refused, as are repeats of one signature within it.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a command may run before the reply is deferred (Discord waits 3 seconds for the first answer).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02.500")]
    public TimeSpan ReplyBudget { get; set; } = TimeSpan.FromSeconds(2);
}
