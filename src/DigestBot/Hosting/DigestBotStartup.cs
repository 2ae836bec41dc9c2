using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Render.Email;
using DigestBot.Render.Pages;
using DigestBot.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Hosting;

/// <summary>
/// Everything that must be true before the first job runs or the first request is served: schema migrated, link-signing
/// key read, templates compiled, configured subscribers present.
/// </summary>
public sealed partial class DigestBotStartup(
    Migrator migrator,
    SigningKey signingKey,
    EmailRenderer renderer,
    PageRenderer pages,
    SubscriberStore subscribers,
    IOptions<EmailOptions> email,
    ILogger<DigestBotStartup> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await migrator.MigrateAsync(cancellationToken);
        await signingKey.LoadAsync(cancellationToken);
        await Task.WhenAll(renderer.CompileAsync(), pages.CompileAsync());
        // Added when missing only: an address that unsubscribed, bounced or was removed stays as the reader left it.
        var seeded = await subscribers.AddManyAsync(
            email.Value.Subscribers.Select(s => new Subscriber(s.Email, s.Name, s.Sections, s.Digests, SubscriberStatus.Active)), overwrite: false, cancellationToken);
        LogReady(logger, seeded.Added, seeded.Suppressed);
        ReleaseStartupGarbageOnce();
    }

    private static int startupGarbageReleased;

    /// <summary>
    /// Compiling the templates runs Roslyn, which leaves tens of megabytes of garbage and a heap grown to hold it; the GC
    /// would keep that memory committed for the life of the process. One compacting collection that returns free memory to
    /// the operating system, once per process (hosts built again in the same process do not pay it again).
    /// </summary>
    private static void ReleaseStartupGarbageOnce()
    {
        if (Interlocked.Exchange(ref startupGarbageReleased, 1) == 0)
        {
            // Finalizers free the native metadata of compilation objects already dropped; the second pass decommits.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Store migrated, templates compiled, {Added} subscribers imported from configuration, {Suppressed} skipped as unsubscribed, bounced or removed")]
    private static partial void LogReady(ILogger logger, int added, int suppressed);
}
