using System.Globalization;
using System.Text.Json.Nodes;
using DigestBot.Editions;
using DigestBot.Model;
using DigestBot.Tests.Reliability;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace DigestBot.Tests.Scheduling;

/// <summary>A digest delivered at 07:00 local time (readers may choose their hour) on a fake clock, and what it should send.</summary>
public static class LocalTimeApps
{
    public static readonly TimeSpan LeadTime = TimeSpan.FromMinutes(5);

    /// <summary>One message as the sink received it, matched to the ledger row recording it.</summary>
    public sealed record SentMessage(string EditionId, string Email, DateTimeOffset SentAt);

    public static TestApp Create(int smtpPort, DateTimeOffset now, Action<JsonObject>? edit = null)
    {
        var app = TestApp.Create(c =>
        {
            var daily = c["Digests"]!["daily"]!;
            daily["Delivery"] = "LocalTime";
            daily["AllowReaderHour"] = true;
            daily["TimeZone"] = LocalTimeReaders.DigestZone;
            daily["LeadTime"] = LeadTime.ToString();
            c["Smtp"]!["Port"] = smtpPort;
            c["Smtp"]!["Connections"] = 4;
            // Leases far longer than the walk's longest jump, so renewals on the fake clock never fall behind the database's.
            c["FanOut"] = new JsonObject { ["BatchSize"] = 200, ["ParallelBatches"] = 4, ["Lease"] = "01:00:00", ["PollInterval"] = "00:00:05" };
            edit?.Invoke(c);
        });
        app.AddSource("wire", "space", TestFeeds.Rss("Wire", "https://wire.example.org/",
            new TestItem("Booster lands on drone ship", "https://wire.example.org/booster", now.AddHours(-1), "It landed.")));
        return app;
    }

    /// <summary>Each edition's due instant per reader: edition id -> email -> due.</summary>
    public static Dictionary<string, Dictionary<string, DateTimeOffset>> ExpectedDues(IReadOnlyList<Subscriber> readers, IEnumerable<DateOnly> dates) =>
        dates.ToDictionary(
            date => EditionStore.EditionIdFor("daily", LocalTimeReaders.Due(new Subscriber("x", null, [], [], SubscriberStatus.Active), date)),
            date => readers.ToDictionary(r => r.Email, r => LocalTimeReaders.Due(r, date), StringComparer.Ordinal),
            StringComparer.Ordinal);

    /// <summary>When each edition's content should be chosen: the lead time before its first reader.</summary>
    public static Dictionary<string, DateTimeOffset> Builds(Dictionary<string, Dictionary<string, DateTimeOffset>> expected) =>
        expected.ToDictionary(e => e.Key, e => e.Value.Values.Min() - LeadTime, StringComparer.Ordinal);

    /// <summary>After the first edition is built, the feed gets a new story, so the next edition has something to send.</summary>
    public static Func<DateTimeOffset, Task<bool>> NewStoryAfterFirstBuild(TestApp app, FakeTimeProvider clock)
    {
        var added = false;
        return async now =>
        {
            if (!added && await new StoreProbe(new() { SqlitePath = app.Config["Storage"]!["SqlitePath"]!.GetValue<string>() }, app.Root)
                    .ScalarAsync("SELECT COUNT(*) FROM editions WHERE status <> 'claimed'") > 0)
            {
                app.AddSource("wire", "space", TestFeeds.Rss("Wire", "https://wire.example.org/",
                    new TestItem("Lander touches down near the south pole", "https://wire.example.org/lander", clock.GetUtcNow(), "It touched down.")));
                added = true;
            }

            return true;
        };
    }

    /// <summary>Every message the sink received, matched by Message-Id to the ledger; a message the ledger does not know fails.</summary>
    public static async Task<List<SentMessage>> SentAsync(StoreProbe probe, SmtpSink sink)
    {
        var ledger = (await probe.ColumnAsync(
                "SELECT message_id || '|' || edition_id || '|' || email || '|' || sent_at FROM email_deliveries WHERE status = 'sent'"))
            .Select(r => r.Split('|'))
            .ToDictionary(r => r[0].Trim('<', '>'), r => new SentMessage(r[1], r[2], DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(r[3], CultureInfo.InvariantCulture))));
        var received = SinkHeaders.Read(sink.Directory);
        Assert.Equal(ledger.Count, received.Count);
        var sent = new List<SentMessage>();
        foreach (var (messageId, recipient) in received)
        {
            Assert.True(ledger.TryGetValue(messageId, out var row), $"The sink received {messageId} for {recipient}, which the ledger does not record: a second send");
            Assert.Equal(row.Email, recipient);
            sent.Add(row);
        }

        return sent;
    }

    /// <summary>
    /// Each reader due by <paramref name="end"/> got each edition exactly once, never before their due instant and less
    /// than a minute after it; no reader got an edition before being due. Prints the distribution of lateness and the
    /// readers per zone.
    /// </summary>
    public static void AssertEachDueReaderOnceOnTime(
        Dictionary<string, Dictionary<string, DateTimeOffset>> expected, IReadOnlyList<SentMessage> sent, DateTimeOffset end, ITestOutputHelper output)
    {
        var perCopy = sent.GroupBy(s => (s.EditionId, s.Email)).ToList();
        Assert.All(perCopy, g => Assert.Single(g));
        foreach (var (editionId, dues) in expected)
        {
            var got = sent.Where(s => s.EditionId == editionId).ToDictionary(s => s.Email, s => s.SentAt, StringComparer.Ordinal);
            var dueByEnd = dues.Where(d => d.Value <= end).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
            Assert.True(dueByEnd.SetEquals(got.Keys), $"{editionId}: {dueByEnd.Except(got.Keys).Count()} due readers got nothing, {got.Keys.Except(dueByEnd).Count()} got it before being due");
            var late = got.Select(g => (g.Key, Late: g.Value - dues[g.Key])).ToList();
            Assert.All(late, l => Assert.InRange(l.Late, TimeSpan.Zero, TimeSpan.FromMinutes(1)));
            output.WriteLine($"{editionId}: {got.Count} of {dues.Count} readers sent (due by {end:u})");
            foreach (var bucket in late.GroupBy(l => (int)l.Late.TotalSeconds / 10).OrderBy(b => b.Key))
            {
                output.WriteLine($"  late {bucket.Key * 10,2}-{bucket.Key * 10 + 9,2} s: {bucket.Count()}");
            }
        }

        output.WriteLine("sent per zone: " + string.Join(", ", sent.GroupBy(s => ZoneOf(s.Email)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
    }

    private static string ZoneOf(string email)
    {
        var n = int.Parse(email.AsSpan(6, 5), CultureInfo.InvariantCulture);
        return LocalTimeReaders.Zones[n % LocalTimeReaders.Zones.Length] ?? "(none)";
    }
}
