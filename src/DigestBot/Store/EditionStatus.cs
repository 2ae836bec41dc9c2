namespace DigestBot.Store;

/// <summary>The life of an edition: claimed -> delivering -> sent | partial | empty.</summary>
public static class EditionStatus
{
    public const string Claimed = "claimed";
    public const string Delivering = "delivering";
    public const string Sent = "sent";
    public const string Partial = "partial";
    public const string Empty = "empty";
}
