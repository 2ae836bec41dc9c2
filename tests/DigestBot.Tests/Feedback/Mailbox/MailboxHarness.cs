using DigestBot.Feedback;
using DigestBot.Feedback.Mailbox;
using DigestBot.Options;
using DigestBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace DigestBot.Tests.Feedback.Mailbox;

/// <summary>A real Dovecot, a <see cref="BounceMailboxService"/> reading it into a <see cref="RecordingSink"/>, and its log.</summary>
public sealed class MailboxHarness : IAsyncDisposable
{
    private readonly LoggerFactory loggers;

    private MailboxHarness(DovecotServer dovecot)
    {
        Dovecot = dovecot;
        loggers = new LoggerFactory([Logs]);
    }

    public DovecotServer Dovecot { get; }

    public RecordingSink Sink { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public BounceMailboxService? Service { get; private set; }

    public static async Task<MailboxHarness> StartDovecotAsync(bool idle = true) => new(await DovecotServer.StartAsync(idle));

    public BounceMailboxOptions Options(string? password = null) => new()
    {
        Host = "127.0.0.1",
        Port = Dovecot.Port,
        Security = SmtpSecurity.None,
        User = DovecotServer.User,
        Password = password ?? Dovecot.Password,
        // Long enough that only IDLE can explain mail being read within the tests' waits.
        PollInterval = TimeSpan.FromHours(1),
        Timeout = TimeSpan.FromSeconds(10),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
    };

    public async Task StartServiceAsync(BounceMailboxOptions? options = null)
    {
        var services = new ServiceCollection().AddSingleton<IFeedbackSink>(Sink).BuildServiceProvider();
        Service = new BounceMailboxService(
            Microsoft.Extensions.Options.Options.Create(options ?? Options()), services, TimeProvider.System, new Logger<BounceMailboxService>(loggers));
        await Service.StartAsync(CancellationToken.None);
    }

    /// <summary>Waits until the service is reading the mailbox (logged in, folders ready, about to IDLE).</summary>
    public Task WaitUntilWatchingAsync(int times = 1) =>
        Poll.UntilAsync(() => Logs.Entries.Count(e => e.EventId.Id == 9100) >= times, TimeSpan.FromSeconds(30),
            $"the bounce mailbox service to log in ({times})", LogText);

    public async Task AppendFixtureAsync(string fixture)
    {
        var message = BounceFixtures.Load(fixture);
        message.Headers.Add("X-Fixture", fixture);
        await Dovecot.AppendAsync(message);
    }

    public async Task<IReadOnlyList<string>> FixturesInAsync(string folder) =>
        (await Dovecot.MessagesAsync(folder)).Select(m => m.Message?.Headers["X-Fixture"] ?? "(no header)").Order().ToList();

    public Task WaitForCountAsync(string folder, int count) =>
        Poll.UntilAsync(async () => (await Dovecot.MessagesAsync(folder)).Count == count, TimeSpan.FromSeconds(30),
            $"{count} message(s) in {folder}", LogText);

    public string LogText() =>
        string.Join("\n", Logs.Entries.Select(e => $"{e.Level} {e.EventId.Id} {e.Message}")) + "\n--- dovecot:\n" + Dovecot.Log();

    public async ValueTask DisposeAsync()
    {
        if (Service is not null)
        {
            await Service.StopAsync(CancellationToken.None);
            Service.Dispose();
        }

        await Dovecot.DisposeAsync();
        loggers.Dispose();
    }
}
