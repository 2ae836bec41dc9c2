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

    private LocalTimeProcessApp(TestApp app, DateTimeOffset due, IReadOnlyList<Subscriber> readers)
    {
        App = app;
        Due = due;
        Readers = readers;
    }

    public TestApp App { get; }

    /// <summary>When the readers in <see cref="DueZones"/> are due.</summary>
    public DateTimeOffset Due { get; }

    public IReadOnlyList<Subscriber> Readers { get; }

    public IEnumerable<string> DueEmails => Readers.Where(r => r.TimeZone != LaterZone).Select(r => r.Email);

    public IEnumerable<string> LaterEmails => Readers.Where(r => r.TimeZone == LaterZone).Select(r => r.Email);

    /// <summary>
    /// Writes the configuration and stores the readers (the in-process app only prepares the store; the worker
    /// processes send). <paramref name="dueIn"/> leaves the processes time to start: an edition whose build time passed
    /// before a worker first looked is not started half-way.
    /// </summary>
    public static async Task<LocalTimeProcessApp> CreateAsync(int dueReaders, int laterReaders, TimeSpan dueIn, Action<JsonObject> edit)
    {
        // Whole seconds: the cron names the time of day to the second.
        var now = DateTimeOffset.UtcNow;
        var due = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero) + dueIn;
        var app = TestApp.Create(c =>
        {
            var daily = c["Digests"]!["daily"]!;
            daily["Delivery"] = "LocalTime";
            daily["TimeZone"] = "UTC";
            daily["Cron"] = string.Create(CultureInfo.InvariantCulture, $"{due.Second} {due.Minute} {due.Hour} * * ?");
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
        return new LocalTimeProcessApp(app, due, readers);
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

    private static Subscriber Reader(int i, string? zone) =>
        new($"reader{i.ToString("D4", CultureInfo.InvariantCulture)}@example.org", null, [], [], SubscriberStatus.Active, zone);
}
