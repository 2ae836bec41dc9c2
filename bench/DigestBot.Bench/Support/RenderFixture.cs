using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Pipeline;
using DigestBot.Render.Email;

namespace DigestBot.Bench.Support;

/// <summary>The real renderer and message factory of the app, with an edition built by the real pipeline stages.</summary>
public sealed class RenderFixture : IAsyncDisposable
{
    private readonly BenchApp app;

    private RenderFixture(BenchApp app, Digest digest)
    {
        this.app = app;
        Digest = digest;
        Renderer = app.Get<EmailRenderer>();
        Messages = app.Get<EmailMessageFactory>();
    }

    public Digest Digest { get; }

    public EmailRenderer Renderer { get; }

    public EmailMessageFactory Messages { get; }

    /// <summary>A ~10 KB HTML digest by default (3 sections of 2 stories).</summary>
    public static async Task<RenderFixture> CreateAsync(EditionShape? shape = null, CancellationToken cancellationToken = default)
    {
        var app = await BenchApp.StartAsync(shape ?? new EditionShape(3, 2), smtpPort: 25, connections: 1, cancellationToken: cancellationToken);
        var digest = await app.Get<DigestBuilder>().BuildAsync(BenchApp.DigestId, DateTimeOffset.UtcNow, "bench-render", cancellationToken);
        return new RenderFixture(app, digest);
    }

    public static Subscriber Subscriber(int i) =>
        new(SubscriberSeeder.Email(i), $"Reader {i}", [], [], SubscriberStatus.Active);

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
