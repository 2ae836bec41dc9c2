using DigestBot.Options;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Feedback.Mailbox;

/// <summary>
/// Reads the bounce mailbox (<c>Email:BounceMailbox</c>) for as long as the worker runs. A server that is down, slow,
/// refuses the login or drops the connection is logged and tried again, waiting twice as long each time up to
/// <see cref="BounceMailboxOptions.ReconnectMaxDelay"/>; it never stops the worker.
/// </summary>
public sealed class BounceMailboxService(
    IOptions<BounceMailboxOptions> options, IServiceProvider services, TimeProvider clock, ILogger<BounceMailboxService> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    private readonly SeenMessages seen = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved here rather than injected, so that a build without a sink logs why it reads nothing instead of
        // failing the whole worker at start-up.
        if (services.GetService<IFeedbackSink>() is not { } sink)
        {
            BounceMailboxLog.NoSink(logger);
            return;
        }

        var settings = options.Value;
        var delay = FirstRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var client = new ImapClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
                await LogInAsync(client, settings, stoppingToken);
                delay = FirstRetryDelay;
                await new MailboxWatcher(client, settings, sink, seen, clock, logger).RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (AuthenticationException ex)
            {
                BounceMailboxLog.LoginRefused(logger, settings.Host, settings.Port, settings.User, delay, ex);
            }
            catch (Exception ex)
            {
                BounceMailboxLog.Unavailable(logger, settings.Host, settings.Port, ex.Message, delay, ex);
            }

            try
            {
                await Task.Delay(delay, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.ReconnectMaxDelay.Ticks));
        }
    }

    private static async Task LogInAsync(ImapClient client, BounceMailboxOptions settings, CancellationToken cancellationToken)
    {
        await client.ConnectAsync(settings.Host, settings.Port, SecureOptions(settings.Security), cancellationToken);
        var password = string.IsNullOrWhiteSpace(settings.PasswordFile)
            ? settings.Password ?? ""
            : (await File.ReadAllTextAsync(settings.PasswordFile, cancellationToken)).TrimEnd('\r', '\n');
        await client.AuthenticateAsync(settings.User ?? "", password, cancellationToken);
    }

    private static SecureSocketOptions SecureOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
