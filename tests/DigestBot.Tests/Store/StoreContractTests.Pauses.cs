using DigestBot.Editions;
using DigestBot.Options;
using DigestBot.Store;
using Microsoft.Extensions.Options;

namespace DigestBot.Tests.Store;

/// <summary>The bounce-rate circuit breaker's queries: the rate from the ledger, the claim that refuses a paused edition, the resume.</summary>
public abstract partial class StoreContractTests
{
    [SkippableFact]
    public async Task CheckAsync_hardBounceRateAboveThreshold_pausesClaimsUntilResumed()
    {
        var emails = await AddSubscribersAsync(25);
        var digest = await StartAsync(batchSize: 5);
        var pauses = new EditionPauses(Db, new PauseSettings(new BounceOptions { PauseAboveRate = 0.5, PauseMinimumSent = 3 }));
        var ledger = new EmailLedger(Db, Clock);
        await ledger.RecordFailedAsync(digest.EditionId, emails[0], "550 5.1.1 no such user");
        await ledger.RecordFailedAsync(digest.EditionId, emails[1], "554 5.7.1 refused");
        await ledger.RecordFailedAsync(digest.EditionId, emails[2], "450 4.2.0 try later");
        var batches = Batches(new NodeIdentity());

        var reason = await pauses.CheckAsync(digest.EditionId);
        var whilePaused = await batches.ClaimNextAsync(digest.EditionId, Lease);
        var offered = await batches.EditionsWithClaimableBatchesAsync();
        var resumedSlot = await pauses.ResumeLatestAsync("daily");
        var recheck = await pauses.CheckAsync(digest.EditionId);

        Assert.Equal("hard-bounce rate 66.7% (2 of 3) above 50%", reason);
        Assert.Null(whilePaused);
        Assert.DoesNotContain(digest.EditionId, offered);
        Assert.Equal(Slot, resumedSlot);
        Assert.Null(recheck);
        Assert.Null(await pauses.ReasonAsync(digest.EditionId));
        Assert.NotNull(await batches.ClaimNextAsync(digest.EditionId, Lease));
        Assert.Null(await pauses.ResumeLatestAsync("daily"));
    }

    [SkippableFact]
    public async Task CheckAsync_fewerThanMinimumTried_doesNotPause()
    {
        var emails = await AddSubscribersAsync(5);
        var digest = await StartAsync();
        var pauses = new EditionPauses(Db, new PauseSettings(new BounceOptions { PauseAboveRate = 0.05, PauseMinimumSent = 3 }));
        var ledger = new EmailLedger(Db, Clock);
        await ledger.RecordFailedAsync(digest.EditionId, emails[0], "550 5.1.1 no such user");
        await ledger.RecordFailedAsync(digest.EditionId, emails[1], "550 5.1.1 no such user");

        Assert.Null(await pauses.CheckAsync(digest.EditionId));
        Assert.NotNull(await Batches(new NodeIdentity()).ClaimNextAsync(digest.EditionId, Lease));
    }

    [SkippableTheory]
    [InlineData(17, "hard-bounce rate 10.5% (2 of 19) above 10%")]
    [InlineData(18, null)]
    [InlineData(400, null)]
    public async Task CheckAsync_rateAroundThreshold_pausesOnlyAboveIt(int sent, string? expected)
    {
        var emails = await AddSubscribersAsync(sent + 2);
        var digest = await StartAsync();
        var pauses = new EditionPauses(Db, new PauseSettings(new BounceOptions { PauseAboveRate = 0.1, PauseMinimumSent = 3 }));
        var ledger = new EmailLedger(Db, Clock);
        await ledger.RecordFailedAsync(digest.EditionId, emails[0], "550 5.1.1 no such user");
        await ledger.RecordFailedAsync(digest.EditionId, emails[1], "550 5.1.1 no such user");
        using (var recorder = ledger.OpenRecorder())
        {
            recorder.Record(emails.Skip(2).Select(e => new AcceptedEmail(digest.EditionId, e, $"<{e}>", 1)).ToList());
        }

        Assert.Equal(expected, await pauses.CheckAsync(digest.EditionId));
    }

    [Theory]
    [InlineData(0.05, 100, 1, 101)]
    [InlineData(0.05, 100, 5, 101)]
    [InlineData(0.05, 100, 6, 121)]
    [InlineData(0.1, 3, 2, 21)]
    [InlineData(1.0, 1, 3, 4)]
    public void CountEnough_isTheFirstCountAtWhichTheRateCannotBeAbove(double rate, int minimum, long refused, long expected)
    {
        var settings = new BounceOptions { PauseAboveRate = rate, PauseMinimumSent = minimum };

        var enough = EditionPauses.CountEnough(refused, settings);

        Assert.Equal(expected, enough);
        Assert.True(refused <= rate * (enough - 1) || enough - 1 == minimum, "one fewer must already be at or below the threshold, or be the minimum");
    }

    private sealed class PauseSettings(BounceOptions value) : IOptionsMonitor<BounceOptions>
    {
        public BounceOptions CurrentValue => value;

        public BounceOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<BounceOptions, string?> listener) => null;
    }
}
