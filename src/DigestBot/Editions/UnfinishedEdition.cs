namespace DigestBot.Editions;

/// <summary>An edition that is neither finished nor held by a live lease: its owner died or stopped.</summary>
public sealed record UnfinishedEdition(string EditionId, string DigestId, DateTimeOffset Slot);
