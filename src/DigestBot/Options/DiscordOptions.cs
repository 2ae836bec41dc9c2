using System.ComponentModel.DataAnnotations;

namespace DigestBot.Options;

/// <summary>Discord settings. Secrets (webhook URLs, the bot token) are best given as environment variables,
/// e.g. <c>Discord__BotToken</c> or <c>Discord__Destinations__community__WebhookUrl</c>.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>Base address of Discord's HTTP API.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10/");

    public string? BotToken { get; set; }

    /// <summary>Attempts per message when Discord answers 429 or 5xx (or cannot be reached) before the destination is left for the next run.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First wait after a 5xx or network error; doubled on each further attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Slash commands (see README, "Discord commands").</summary>
    public DiscordInteractionsOptions Interactions { get; set; } = new();

    public Dictionary<string, DiscordDestinationOptions> Destinations { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
