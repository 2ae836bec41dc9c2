namespace DigestBot.Editions;

/// <summary>
/// How many email batches this node holds at once, across all editions (FanOut:ParallelBatches, read at every claim so
/// a live edit applies). A node claims no more than its one send queue can work: a batch it holds idle is one another
/// node could be sending.
/// </summary>
internal sealed class BatchSlots
{
    private readonly Lock gate = new();
    private TaskCompletionSource freed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int held;

    /// <summary>Waits until fewer than <paramref name="limit"/> slots are held, then holds one.</summary>
    public async Task AcquireAsync(Func<int> limit, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task wait;
            lock (gate)
            {
                if (held < limit())
                {
                    held++;
                    return;
                }

                wait = freed.Task;
            }

            await wait.WaitAsync(cancellationToken);
        }
    }

    public void Release()
    {
        TaskCompletionSource wake;
        lock (gate)
        {
            held--;
            (wake, freed) = (freed, new(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        wake.SetResult();
    }
}
