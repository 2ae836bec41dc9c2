namespace DigestBot.Store;

/// <summary>The life of an edition: claimed -> delivering -> sent | partial | empty, or paused (hard-bounce rate too high) until resumed.</summary>
/// <remarks>Stored as text (<see cref="EditionStatusText"/>); the names here never reach the database.</remarks>
public enum EditionStatus
{
    Claimed,
    Delivering,
    Sent,
    Partial,
    Empty,
    Paused,
}
