using System.Globalization;
using DigestBot.Tests.Reliability;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Scheduling;

/// <summary>
/// Moves a fake clock from its start to <paramref name="end"/> the way time passes for the workers: in steps of 5 to 40
/// seconds (seeded) for two minutes around every instant something is due, in jumps of at most 15 minutes elsewhere,
/// and after each step waits until the workers caught up: every edition whose build time passed has recorded its
/// content, and every email batch due by now is done. How late a message is can then be read off the fake clock.
/// </summary>
public sealed class ClockWalk(FakeTimeProvider clock, StoreProbe probe, DateTimeOffset end)
{
    private static readonly TimeSpan Around = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan LongestJump = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Nudge = TimeSpan.FromMilliseconds(300);
    private readonly Random steps = new(20260329);

    public int Steps { get; private set; }

    /// <param name="dueInstants">Instants readers are due (the walk slows down before each).</param>
    /// <param name="builds">Edition ids with the instant their content should be chosen.</param>
    /// <param name="onStep">Called after each caught-up step (e.g. to change a feed, or to stop before the end).</param>
    public async Task RunAsync(
        IEnumerable<DateTimeOffset> dueInstants, IReadOnlyDictionary<string, DateTimeOffset> builds, Func<DateTimeOffset, Task<bool>>? onStep = null)
    {
        var events = dueInstants.Concat(builds.Values).Distinct().Order().ToList();
        while (clock.GetUtcNow() < end)
        {
            var now = clock.GetUtcNow();
            var next = events.FirstOrDefault(e => e > now, end);
            var target = next - Around > now
                ? Min(next - Around, now + LongestJump)
                : now + TimeSpan.FromSeconds(steps.Next(5, 41));
            clock.Advance(Min(target, end) - now);
            Steps++;
            await CaughtUpAsync(builds);
            if (onStep is not null && !await onStep(clock.GetUtcNow()))
            {
                return;
            }
        }
    }

    private async Task CaughtUpAsync(IReadOnlyDictionary<string, DateTimeOffset> builds)
    {
        var now = clock.GetUtcNow();
        var built = builds.Where(b => b.Value <= now).Select(b => $"'{b.Key}'").ToList();
        var nowMs = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var nudgeAt = DateTime.UtcNow + Nudge;
        while (true)
        {
            // A worker that was still busy when the clock moved started its wait from the new time: it wakes only when
            // time moves on, as it would in reality while it works. A second of fake time every so often lets it.
            if (DateTime.UtcNow > nudgeAt)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                now = clock.GetUtcNow();
                nowMs = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                nudgeAt = DateTime.UtcNow + Nudge;
            }

            var recorded = built.Count == 0 ? 0 : await probe.ScalarAsync(
                $"SELECT COUNT(*) FROM editions WHERE id IN ({string.Join(',', built)}) AND status <> 'claimed'");
            var behind = await probe.ScalarAsync($"SELECT COUNT(*) FROM email_batches WHERE status <> 'done' AND due_at <= {nowMs}");
            if (recorded == built.Count && behind == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                var rows = await probe.ColumnAsync(
                    $"SELECT batch_no || ' ' || status || ' ' || COALESCE(owner, '-') || ' ' || attempts || ' ' || group_zone || ' ' || COALESCE(group_hour, -2) || ' ' || due_at FROM email_batches WHERE status <> 'done' AND due_at <= {nowMs}");
                Assert.Fail($"At {now:O} the workers did not catch up: {recorded}/{built.Count} editions built, {behind} due batches not done:\n{string.Join('\n', rows)}");
            }

            await Task.Delay(5);
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
