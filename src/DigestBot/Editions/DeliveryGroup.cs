namespace DigestBot.Editions;

/// <summary>
/// Readers who share a time zone (as stored: null when they gave none) and, when the digest allows it, a delivery hour
/// (null: the digest's own time): every one of them is due at the same instant of an edition.
/// </summary>
public sealed record DeliveryGroup(string? TimeZone, int? Hour);
