namespace DigestBot.Store;

/// <summary>Why and since when an address deleted from the list is kept from being added again.</summary>
public sealed record SuppressionRecord(string Reason, DateTimeOffset SuppressedAt);
