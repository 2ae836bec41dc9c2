namespace DigestBot.Store;

/// <summary>A destination's standing: <see cref="Disabled"/> after Discord answered 401, 403 or 404 for its target.</summary>
public sealed record DiscordDestinationState(
    string Destination, string Status, string TargetHash, int? HttpStatus, int? ErrorCode, string? Reason, DateTimeOffset ChangedAt)
{
    public const string Disabled = "disabled";
}
