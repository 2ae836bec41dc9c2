using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Render.Templates;
using DigestBot.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Hosting;

/// <summary>
/// What the worker and every verb that uses the store need before they start: schema migrated, link-signing key read,
/// the templates folder complete, configured subscribers present. The templates themselves are loaded only where
/// something is rendered (the worker checks them at start-up, see <see cref="StartupHostedService"/>; everything loads
/// them on its first render).
/// </summary>
public sealed partial class DigestBotStartup(
    Migrator migrator,
    SigningKey signingKey,
    TemplateLibrary templates,
    SubscriberStore subscribers,
    IOptions<EmailOptions> email,
    ILogger<DigestBotStartup> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        templates.CheckFolder();
        await migrator.MigrateAsync(cancellationToken);
        await signingKey.LoadAsync(cancellationToken);
        // Added when missing only: an address that unsubscribed, bounced or was removed stays as the reader left it.
        var seeded = await subscribers.AddManyAsync(
            email.Value.Subscribers.Select(s => new Subscriber(s.Email, s.Name, s.Sections, s.Digests, SubscriberStatus.Active)), overwrite: false, cancellationToken);
        LogReady(logger, seeded.Added, seeded.Suppressed);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Store migrated, {Added} subscribers imported from configuration, {Suppressed} skipped as unsubscribed, bounced, complained or removed")]
    private static partial void LogReady(ILogger logger, int added, int suppressed);
}
