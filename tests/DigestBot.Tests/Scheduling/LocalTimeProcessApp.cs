using System.Globalization;
using System.Text.Json.Nodes;
using DigestBot.Model;
using DigestBot.Store;
using DigestBot.Tests.Reliability;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Scheduling;

/// <summary>
/// A digest delivered at local time, due a little after now on the real clock, for tests that run real worker
/// processes. Its readers form several zone groups that are all due at the same instant (zones that stay on UTC all
/// year) and one group due three hours later (São Paulo, UTC-3 all year), which no test run lasts long enough to reach.
/// </summary>
public sealed class LocalTimeProcessApp : IAsyncDisposable
{
    public static readonly string?[] DueZones = [null, "UTC", "Africa/Abidjan", "Atlantic/Reykjavik", "Africa/Accra"];
    public const string LaterZone = "America/Sao_Paulo";

    private LocalTimeProcessApp(TestApp app, IReadOnlyList<Subscriber> readers)
    {
        App = app;
        Readers = readers;
    }

    public TestApp App { get; }

    /// <summary>When the readers in <see cref="DueZones"/> are due, once <see cref="ScheduleAsync"/> set it.</summary>
    public DateTimeOffset Due { get; private set; }

    public IReadOnlyList<Subscriber> Readers { get; }

    public IEnumerable<string> DueEmails => Readers.Where(r => r.TimeZone != LaterZone).Select(r => r.Email);

    public IEnumerable<string> LaterEmails => Readers.Where(r => r.TimeZone == LaterZone).Select(r => r.Email);

    /// <summary>
    /// Writes the configuration, its cron half a day away so nothing is due yet, and stores the readers (the in-process
    /// app only prepares the store; the worker processes send).
    /// </summary>
    public static async Task<LocalTimeProcessApp> CreateAsync(int dueReaders, int laterReaders, Action<JsonObject> edit)
    {
        var now = DateTimeOffset.UtcNow;
        var app = TestApp.Create(c =>
        {
            var daily = c["Digests"]!["daily"]!;
            daily["Delivery"] = "LocalTime";
            daily["TimeZone"] = "UTC";
            daily["Cron"] = Cron(now.AddHours(12));
            daily["LeadTime"] = "00:00:05";
            c["Logging"]!["LogLevel"]!["Default"] = "Information";
            edit(c);
        });
        app.AddWireStory(now);
        var readers = Enumerable.Range(0, dueReaders)
            .Select(i => Reader(i, DueZones[i % DueZones.Length]))
            .Concat(Enumerable.Range(dueReaders, laterReaders).Select(i => Reader(i, LaterZone)))
            .ToList();
        await app.StartAsync();
        await app.Get<SubscriberStore>().AddManyAsync(readers, overwrite: false);
        return new LocalTimeProcessApp(app, readers);
    }

    /// <summary>
    /// Once the workers are up (they take many seconds to start on a loaded machine, and an edition whose build time
    /// passed before a worker first looked is not started half-way), moves the digest's time to
    /// <paramref name="dueIn"/> from now; the workers pick the saved settings up.
    /// </summary>
    public async Task ScheduleAsync(TimeSpan dueIn, params WorkerProcess[] workers)
    {
        foreach (var worker in workers)
        {
            await worker.WaitForOutputAsync("Application started", TimeSpan.FromSeconds(180));
        }

        var now = DateTimeOffset.UtcNow;
        // Whole seconds: the cron names the time of day to the second.
        Due = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero) + dueIn;
        App.Config["Digests"]!["daily"]!["Cron"] = Cron(Due);
        App.WriteConfig();
    }

    /// <summary>
    /// Every message the sink holds against the ledger's sent rows: each row's Message-Id reached the sink exactly once
    /// and for the row's reader; returns the sink's messages the ledger does not record (a copy accepted by the server
    /// just before a crash, before its row was written) and the ledger's readers.
    /// </summary>
    public static async Task<(List<(string MessageId, string Recipient)> Unrecorded, List<string> LedgerEmails)> MatchAsync(StoreProbe probe, SmtpSink sink)
    {
        var ledger = (await probe.ColumnAsync("SELECT message_id || '|' || email FROM email_deliveries WHERE status = 'sent'"))
            .Select(r => r.Split('|'))
            .Select(r => (MessageId: r[0].Trim('<', '>'), Email: r[1]))
            .ToList();
        var received = SinkHeaders.Read(sink.Directory);
        var byId = received.GroupBy(m => m.MessageId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var (messageId, email) in ledger)
        {
            Assert.True(byId.TryGetValue(messageId, out var copies), $"The ledger records {messageId} for {email}, which the sink never received");
            Assert.Single(copies);
            Assert.Equal(email, copies[0].Recipient, ignoreCase: true);
        }

        var recorded = ledger.Select(l => l.MessageId).ToHashSet(StringComparer.Ordinal);
        return (received.Where(m => !recorded.Contains(m.MessageId)).ToList(), ledger.Select(l => l.Email).ToList());
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();

    private static string Cron(DateTimeOffset at) => string.Create(CultureInfo.InvariantCulture, $"{at.Second} {at.Minute} {at.Hour} * * ?");

    private static Subscriber Reader(int i, string? zone) =>
        new($"reader{i.ToString("D4", CultureInfo.InvariantCulture)}@example.org", null, [], [], SubscriberStatus.Active, zone);
}
