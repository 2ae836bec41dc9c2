using DigestBot.Model;

namespace DigestBot.Pipeline;

/// <summary>
/// What the email batches of one run did, summed as the batches finish: the same numbers the batches' log lines give,
/// so a run's summary adds up to its log.
/// </summary>
public sealed class DeliveryCount
{
    private int sent;
    private int failed;
    private int skipped;

    public void Add(DeliveryResult batch)
    {
        Interlocked.Add(ref sent, batch.Sent);
        Interlocked.Add(ref failed, batch.Failed);
        Interlocked.Add(ref skipped, batch.Skipped);
    }

    public DeliveryResult ToResult(string channel) => new(channel, Volatile.Read(ref sent), Volatile.Read(ref failed), Volatile.Read(ref skipped));
}
