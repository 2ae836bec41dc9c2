namespace DigestBot.Store;

/// <summary>Outcomes of a bulk write; <see cref="Suppressed"/> counts both removed addresses and withdrawn consent.</summary>
public sealed record SubscriberWriteTotals(int Added, int Updated, int Unchanged, int Suppressed)
{
    public int Changed => Added + Updated;
}
