using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Store;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Store;

/// <summary>
/// Consent rules of the subscriber store, run unchanged against every storage provider (<see cref="SqliteConsentTests"/>,
/// <see cref="PostgresConsentTests"/>): no administrative write brings back a reader who unsubscribed, bounced or was
/// removed; only their confirmed opt-in does.
/// </summary>
public abstract class ConsentContractTests() : MigratedDatabaseTests("consent")
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));

    private SubscriberStore Store => new(Db, clock);

    private SuppressionStore Suppressions => new(Db);

    [SkippableTheory]
    [InlineData(SubscriberStatus.Unsubscribed, SubscriberStatus.Active)]
    [InlineData(SubscriberStatus.Unsubscribed, SubscriberStatus.Pending)]
    [InlineData(SubscriberStatus.Bounced, SubscriberStatus.Active)]
    public async Task UpsertAsync_withdrawnSubscriber_keepsTheirStatus(SubscriberStatus withdrawn, SubscriberStatus requested)
    {
        await Store.UpsertAsync(Reader("left@example.org", withdrawn));

        await Store.UpsertAsync(Reader("Left@Example.org", requested) with { Sections = ["space"] });

        var found = await Store.FindAsync("left@example.org");
        Assert.Equal(withdrawn, found!.Status);
        Assert.Empty(found.Sections);
    }

    [SkippableFact]
    public async Task UpsertAsync_withdrawnToAnotherWithdrawnStatus_isAllowed()
    {
        await Store.UpsertAsync(Reader("left@example.org", SubscriberStatus.Unsubscribed));

        Assert.Equal(SubscriberWrite.Updated, await Store.UpsertAsync(Reader("left@example.org", SubscriberStatus.Bounced)));
        Assert.Equal(SubscriberStatus.Bounced, (await Store.FindAsync("left@example.org"))!.Status);
    }

    [SkippableFact]
    public async Task AddManyAsync_overwriteOverWithdrawnAndRemoved_skipsThemAndCountsSuppressed()
    {
        await Store.UpsertAsync(Reader("unsub@example.org", SubscriberStatus.Unsubscribed));
        await Store.UpsertAsync(Reader("bounced@example.org", SubscriberStatus.Bounced));
        await Store.UpsertAsync(Reader("removed@example.org", SubscriberStatus.Active));
        await Store.UpsertAsync(Reader("kept@example.org", SubscriberStatus.Pending));
        await Store.RemoveAsync("removed@example.org");

        var totals = await Store.AddManyAsync(
            new[] { "unsub", "bounced", "removed", "kept", "new" }.Select(n => Reader($"{n}@example.org", SubscriberStatus.Active)), overwrite: true);

        Assert.Equal(new SubscriberWriteTotals(Added: 1, Updated: 1, Unchanged: 0, Suppressed: 3), totals);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await Store.FindAsync("unsub@example.org"))!.Status);
        Assert.Equal(SubscriberStatus.Bounced, (await Store.FindAsync("bounced@example.org"))!.Status);
        Assert.Null(await Store.FindAsync("removed@example.org"));
        Assert.Equal(SubscriberStatus.Active, (await Store.FindAsync("kept@example.org"))!.Status);
    }

    [SkippableFact]
    public async Task RemoveAsync_thenAddIfMissingOrUpsert_addressStaysOut()
    {
        await Store.UpsertAsync(Reader("gone@example.org", SubscriberStatus.Active));

        Assert.True(await Store.RemoveAsync("gone@example.org"));
        Assert.False(await Store.AddIfMissingAsync(Reader(" GONE@example.org", SubscriberStatus.Active)));
        await Store.UpsertAsync(Reader("gone@example.org", SubscriberStatus.Active));

        Assert.Null(await Store.FindAsync("gone@example.org"));
        var suppression = await Suppressions.FindAsync("Gone@Example.org");
        Assert.Equal("removed from the list while Active", suppression!.Reason);
        Assert.Equal(clock.GetUtcNow(), suppression.SuppressedAt);
        Assert.Equal(1, await Suppressions.CountAsync());
    }

    [SkippableFact]
    public async Task RemoveAsync_keepsOnlyAHashOfTheAddress()
    {
        await Store.UpsertAsync(Reader("private@example.org", SubscriberStatus.Active));
        await Store.RemoveAsync("private@example.org");

        await using var connection = await Db.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT address_hash FROM suppressions";
        var hash = (string)(await command.ExecuteScalarAsync())!;

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("private@example.org"u8)), hash);
    }

    [SkippableTheory]
    [InlineData(SubscriberStatus.Active)]
    [InlineData(SubscriberStatus.Pending)]
    public async Task SetStatusAsync_outOfUnsubscribed_isRefused(SubscriberStatus requested)
    {
        await Store.UpsertAsync(Reader("left@example.org", SubscriberStatus.Unsubscribed));

        Assert.False(await Store.SetStatusAsync("left@example.org", requested));
        Assert.Equal(SubscriberStatus.Unsubscribed, (await Store.FindAsync("left@example.org"))!.Status);
    }

    [SkippableFact]
    public async Task RequestOptInAsync_unsubscribedReader_staysUnsubscribedUntilConfirmed()
    {
        await Store.UpsertAsync(Reader("back@example.org", SubscriberStatus.Unsubscribed));

        await Store.RequestOptInAsync(Reader("back@example.org", SubscriberStatus.Pending) with { Sections = ["energy"] });
        var requested = await Store.FindAsync("back@example.org");
        var confirmed = await Store.ConfirmOptInAsync("back@example.org");

        Assert.Equal(SubscriberStatus.Unsubscribed, requested!.Status);
        Assert.Equal(["energy"], requested.Sections);
        Assert.True(confirmed);
        Assert.Equal(SubscriberStatus.Active, (await Store.FindAsync("back@example.org"))!.Status);
    }

    [SkippableFact]
    public async Task ConfirmOptInAsync_removedReaderWhoSubscribedAgain_activeAndSuppressionLifted()
    {
        await Store.UpsertAsync(Reader("again@example.org", SubscriberStatus.Active));
        await Store.RemoveAsync("again@example.org");

        await Store.RequestOptInAsync(Reader("again@example.org", SubscriberStatus.Pending));
        Assert.Equal(SubscriberStatus.Pending, (await Store.FindAsync("again@example.org"))!.Status);
        Assert.Equal(SubscriberWrite.Suppressed, await Store.UpsertAsync(Reader("again@example.org", SubscriberStatus.Active)));
        Assert.False(await Store.SetStatusAsync("again@example.org", SubscriberStatus.Active));

        Assert.True(await Store.ConfirmOptInAsync("again@example.org"));

        Assert.Equal(SubscriberStatus.Active, (await Store.FindAsync("again@example.org"))!.Status);
        Assert.Null(await Suppressions.FindAsync("again@example.org"));
        Assert.Equal(0, await Suppressions.CountAsync());
    }

    private static Subscriber Reader(string email, SubscriberStatus status) => new(email, null, [], [], status);
}
