using DigestBot.Editions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Editions;

/// <summary>The lease keeper on a fake clock: when must a node consider its work gone?</summary>
public sealed class LeaseKeeperTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Lost_renewalsConfirmed_neverFires()
    {
        var clock = new FakeTimeProvider();
        var renewals = 0;
        await using var keeper = new LeaseKeeper(_ => { renewals++; return Task.FromResult(true); }, Lease, clock, NullLogger.Instance, "work");

        await AdvanceAsync(clock, Lease * 4);

        Assert.False(keeper.Lost.IsCancellationRequested);
        Assert.InRange(renewals, 10, 13);
    }

    [Fact]
    public async Task Lost_anotherNodeTookOver_firesAtTheNextRenewal()
    {
        var clock = new FakeTimeProvider();
        await using var keeper = new LeaseKeeper(_ => Task.FromResult(false), Lease, clock, NullLogger.Instance, "work");

        await AdvanceAsync(clock, Lease / 3 - TimeSpan.FromSeconds(1));
        var before = keeper.Lost.IsCancellationRequested;
        await AdvanceAsync(clock, TimeSpan.FromSeconds(2));

        Assert.False(before);
        Assert.True(keeper.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task Lost_databaseUnreachable_firesBeforeTheLeaseRunsOut()
    {
        var clock = new FakeTimeProvider();
        await using var keeper = new LeaseKeeper(
            _ => Task.FromException<bool>(new TimeoutException("connection refused")), Lease, clock, NullLogger.Instance, "work");

        await AdvanceAsync(clock, Lease * 2 / 3);
        var whileValid = keeper.Lost.IsCancellationRequested;
        await AdvanceAsync(clock, Lease / 3 - TimeSpan.FromSeconds(1));

        Assert.False(whileValid);
        Assert.True(keeper.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task Lost_renewalHangs_firesBeforeTheLeaseRunsOut()
    {
        var clock = new FakeTimeProvider();
        var never = new TaskCompletionSource<bool>();
        await using var keeper = new LeaseKeeper(_ => never.Task, Lease, clock, NullLogger.Instance, "work");

        await AdvanceAsync(clock, Lease - TimeSpan.FromSeconds(1));

        Assert.True(keeper.Lost.IsCancellationRequested);
    }

    /// <summary>Moves the fake clock in small steps, letting the keeper's timers and continuations run between them.</summary>
    private static async Task AdvanceAsync(FakeTimeProvider clock, TimeSpan by)
    {
        var step = TimeSpan.FromMilliseconds(500);
        for (var moved = TimeSpan.Zero; moved < by; moved += step)
        {
            clock.Advance(by - moved < step ? by - moved : step);
            await Task.Delay(2);
        }

        await Task.Delay(20);
    }
}
