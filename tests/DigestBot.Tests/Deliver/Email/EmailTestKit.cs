using System.Collections.Concurrent;
using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Render.Email;
using DigestBot.Store;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Tests.Deliver.Email;

/// <summary>Digests built in memory and an <see cref="EmailDelivery"/> pointed at a given SMTP server, over a real <see cref="TestApp"/>.</summary>
internal static class EmailTestKit
{
    public static readonly DateTimeOffset Slot = new(2026, 11, 25, 7, 0, 0, TimeSpan.Zero);

    public static Digest Digest(string editionId, string title = "Test Daily", params SectionDigest[] sections) =>
        new("daily", title, editionId, Slot, Slot.AddMinutes(1), sections.Length > 0 ? sections : [Space(), Energy()]);

    public static SectionDigest Space(string title = "Booster lands on drone ship", string summary = "The first stage landed 600 km downrange.",
        string link = "https://space.example.org/booster") =>
        new("space", "Space News", [Item("space", title, summary, link)], "1 story");

    public static SectionDigest Energy() =>
        new("energy", "Energy News", [Item("energy", "Wind farm opens", "Eighty turbines now feed the grid.", "https://grid.example.org/wind")], "1 story");

    public static DigestItem Item(string section, string title, string summary, string link) => new(new Article
    {
        Id = link, SourceId = section + "-wire", SectionId = section, Title = title, Link = link, SourceName = section + " wire",
        Published = Slot.AddHours(-2), Summary = summary,
    }, summary, 1.0);

    public static async Task<TestApp> StartAppAsync(int smtpPort = 25, Action<System.Text.Json.Nodes.JsonObject>? edit = null)
    {
        var app = TestApp.Create(c =>
        {
            c["Sections"]!["energy"] = new System.Text.Json.Nodes.JsonObject { ["Title"] = "Energy News", ["TopN"] = 3 };
            c["Digests"]!["daily"]!["Sections"] = new System.Text.Json.Nodes.JsonArray("space", "energy");
            c["Smtp"]!["Port"] = smtpPort;
            edit?.Invoke(c);
        });
        return await app.StartAsync();
    }

    public static SmtpOptions Smtp(int port, Action<SmtpOptions>? edit = null)
    {
        var smtp = new SmtpOptions
        {
            Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, Connections = 4, RetryDelay = TimeSpan.FromMilliseconds(50),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(200), MaxOutage = TimeSpan.FromSeconds(30), Timeout = TimeSpan.FromSeconds(10),
        };
        edit?.Invoke(smtp);
        return smtp;
    }

    /// <summary>
    /// A delivery with a send queue of its own, as a node of its own would have (its sending threads end after a short
    /// idle time). The queue logs into the same <paramref name="logger"/>, so a test sees its outage events there too.
    /// </summary>
    public static EmailDelivery Delivery(TestApp app, SmtpOptions smtp, int bounceThreshold = 3, RecordingLogger<EmailDelivery>? logger = null)
    {
        var email = app.Get<IOptions<EmailOptions>>().Value;
        email.BounceThreshold = bounceThreshold;
        logger ??= new RecordingLogger<EmailDelivery>();
        var options = Microsoft.Extensions.Options.Options.Create(smtp);
        var queue = new SmtpSendQueue(new SmtpConnector(options), app.Get<MailOutbox>(), options, Microsoft.Extensions.Options.Options.Create(email), TimeProvider.System, new RecordingLogger<SmtpSendQueue>(logger.Entries));
        return new EmailDelivery(app.Get<SubscriberStore>(), app.Get<EmailLedger>(), app.Get<EmailRenderer>(), app.Get<EmailMessageFactory>(), app.Get<DigestBot.Deliver.Email.Dkim.DkimSigning>(),
            queue, options, Microsoft.Extensions.Options.Options.Create(email), TimeProvider.System, logger);
    }

    public static Task AddActiveAsync(TestApp app, string email, string? name = null, params string[] sections) =>
        app.Get<SubscriberStore>().UpsertAsync(new Subscriber(email, name, sections, [], SubscriberStatus.Active));
}

/// <summary>Keeps the event ids logged, so a test can wait for a step (a deferral, a pause) it cannot see from outside.</summary>
internal sealed class RecordingLogger<T>(ConcurrentQueue<(int EventId, string Message)>? entries = null) : ILogger<T>
{
    public ConcurrentQueue<(int EventId, string Message)> Entries { get; } = entries ?? new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((eventId.Id, formatter(state, exception)));

    /// <summary>Waits for the event, or with <paramref name="containing"/> for one whose message contains that text.</summary>
    public async Task WaitForAsync(int eventId, TimeSpan timeout, string? containing = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Entries.Any(e => e.EventId == eventId && (containing is null || e.Message.Contains(containing, StringComparison.Ordinal))))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Event {eventId}{(containing is null ? "" : $" about {containing}")} was not logged within {timeout}.");
            }

            await Task.Delay(20);
        }
    }
}
