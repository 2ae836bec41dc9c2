namespace DigestBot.Options;

/// <summary>Discord settings. Secrets (webhook URLs, the bot token) are best given as environment variables,
/// e.g. <c>Discord__BotToken</c> or <c>Discord__Destinations__community__WebhookUrl</c>.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>Base address of Discord's HTTP API.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10/");

    public string? BotToken { get; set; }

    public Dictionary<string, DiscordDestinationOptions> Destinations { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
