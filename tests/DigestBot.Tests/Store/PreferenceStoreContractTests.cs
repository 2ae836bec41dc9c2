using DigestBot.Model;
using DigestBot.Store;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Store;

/// <summary>
/// The reader's preferences and their change log on every storage provider (<see cref="SqlitePreferenceStoreTests"/>,
/// <see cref="PostgresPreferenceStoreTests"/>): values round-trip, each change logs field names at the store's clock,
/// and saving preferences never brings back a reader who left.
/// </summary>
public abstract class PreferenceStoreContractTests() : MigratedDatabaseTests("preferences")
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));

    private SubscriberStore Subscribers => new(Db, clock);

    private PreferenceStore Preferences => new(Db, clock);

    [SkippableFact]
    public async Task SaveAsync_everyField_roundTripsAndLogsTheFieldNames()
    {
        await Subscribers.UpsertAsync(new Subscriber("reader@example.org", "Reader", [], [], SubscriberStatus.Active));
        var chosen = new ReaderPreferences(["space"], ["weekly"], "Europe/Paris", 7, ["crypto", "solar sail", "Café, au lait"]);

        var changed = await Preferences.SaveAsync("Reader@Example.org", chosen);

        Assert.Equal([PreferenceFields.Sections, PreferenceFields.Digests, PreferenceFields.TimeZone, PreferenceFields.DeliveryHour, PreferenceFields.MutedWords], changed);
        var found = await Subscribers.FindAsync("reader@example.org");
        Assert.Equal(["space"], found!.Sections);
        Assert.Equal(["weekly"], found.Digests);
        Assert.Equal(("Europe/Paris", (int?)7), (found.TimeZone, found.DeliveryHour));
        Assert.Equal(["crypto", "solar sail", "Café, au lait"], found.MutedWords);
        Assert.Equal(SubscriberStatus.Active, found.Status);
        var change = Assert.Single(await Preferences.HistoryAsync("reader@example.org"));
        Assert.Equal(clock.GetUtcNow(), change.ChangedAt);
        Assert.Equal(changed, change.Fields);
    }

    [SkippableFact]
    public async Task SaveAsync_twoChanges_historyNewestFirstWithOnlyWhatChanged()
    {
        await Subscribers.UpsertAsync(new Subscriber("reader@example.org", null, [], [], SubscriberStatus.Active));
        await Preferences.SaveAsync("reader@example.org", new ReaderPreferences([], null, "UTC", null, []));
        clock.Advance(TimeSpan.FromMinutes(5));

        var second = await Preferences.SaveAsync("reader@example.org", new ReaderPreferences([], null, "UTC", 18, ["football"]));
        var unchanged = await Preferences.SaveAsync("reader@example.org", new ReaderPreferences([], null, "UTC", 18, ["football"]));

        Assert.Equal([PreferenceFields.DeliveryHour, PreferenceFields.MutedWords], second);
        Assert.Empty(unchanged!);
        var history = await Preferences.HistoryAsync("reader@example.org");
        Assert.Equal([clock.GetUtcNow(), clock.GetUtcNow().AddMinutes(-5)], history.Select(h => h.ChangedAt));
        Assert.Equal([PreferenceFields.TimeZone], history[1].Fields);
    }

    [SkippableFact]
    public async Task SaveAsync_noSuchSubscriber_nullAndNothingLogged()
    {
        Assert.Null(await Preferences.SaveAsync("nobody@example.org", new ReaderPreferences(["space"], null, null, null, [])));
        Assert.Empty(await Preferences.HistoryAsync("nobody@example.org"));
    }

    [SkippableTheory]
    [InlineData(SubscriberStatus.Unsubscribed)]
    [InlineData(SubscriberStatus.Bounced)]
    [InlineData(SubscriberStatus.Complained)]
    public async Task SaveAsync_withdrawnSubscriber_savesChoicesButKeepsTheStatus(SubscriberStatus withdrawn)
    {
        await Subscribers.UpsertAsync(new Subscriber("left@example.org", null, [], [], withdrawn));

        await Preferences.SaveAsync("left@example.org", new ReaderPreferences(["energy"], null, null, null, ["mars"]));

        var found = await Subscribers.FindAsync("left@example.org");
        Assert.Equal(withdrawn, found!.Status);
        Assert.Equal(["mars"], found.MutedWords);
    }

    [SkippableFact]
    public async Task RemoveAsync_forgetsTheChangeLog()
    {
        await Subscribers.UpsertAsync(new Subscriber("reader@example.org", null, [], [], SubscriberStatus.Active));
        await Preferences.SaveAsync("reader@example.org", new ReaderPreferences(["space"], null, null, null, []));

        await Subscribers.RemoveAsync("reader@example.org");

        Assert.Empty(await Preferences.HistoryAsync("reader@example.org"));
    }

    [SkippableFact]
    public async Task RequestOptInAsync_newAddress_storesEveryChoiceAndLogsTheSubscribeForm()
    {
        await Subscribers.RequestOptInAsync(new Subscriber("new@example.org", null, ["space"], ["daily"], SubscriberStatus.Pending, "Asia/Tokyo")
        {
            DeliveryHour = 6,
            MutedWords = ["football"],
        });

        var found = await Subscribers.FindAsync("new@example.org");
        Assert.Equal((SubscriberStatus.Pending, "Asia/Tokyo", (int?)6), (found!.Status, found.TimeZone, found.DeliveryHour));
        Assert.Equal(["football"], found.MutedWords);
        Assert.Equal(["daily"], found.Digests);
        Assert.Equal([PreferenceFields.Subscribe], Assert.Single(await Preferences.HistoryAsync("new@example.org")).Fields);
    }
}
