namespace DigestBot.Tests.Support;

/// <summary>
/// Waits for a state a test can observe (an edition's status in the store, a log entry, a port that accepts, a process
/// that exited), and fails naming what it waited for. Tests wait for the final state and then assert what did or did
/// not arrive; a fixed sleep is either too short on a loaded machine or wasted time on an idle one.
/// </summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <param name="waitingFor">What the condition means, for the failure message ("the edition to be sent").</param>
    /// <param name="details">What was seen instead (a process's output, the rows found), read only on failure.</param>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string waitingFor, Func<string>? details = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                var seen = details is null ? "" : "\n" + details();
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0.#} s for {waitingFor}, in vain.{seen}");
            }

            await Task.Delay(Interval);
        }
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string waitingFor, Func<string>? details = null) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, waitingFor, details);
}
