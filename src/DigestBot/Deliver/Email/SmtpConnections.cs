using DigestBot.Options;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;

namespace DigestBot.Deliver.Email;

/// <summary>
/// Opens connections for the fan-out workers and waits out an unreachable server: every worker retries with a growing
/// delay, so the fan-out pauses and resumes where it was. Only an outage longer than Smtp:MaxOutage ends it.
/// </summary>
internal sealed partial class SmtpConnections(SmtpConnector connector, SmtpOptions smtp, TimeProvider clock, ILogger logger)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);

    private readonly Lock gate = new();
    private long outageSince;

    /// <summary>Blocks the calling (sending) thread until a connection is open, or the outage is too long.</summary>
    public SmtpClient Open(CancellationToken cancellationToken = default)
    {
        var delay = FirstDelay;
        while (true)
        {
            try
            {
                var client = connector.Connect(cancellationToken);
                Resumed();
                return client;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested
                && (SmtpErrors.IsConnectionLost(ex) || ex is SmtpCommandException command && SmtpErrors.IsTransient(command)))
            {
                var since = Paused(ex);
                if (clock.GetElapsedTime(since) > smtp.MaxOutage)
                {
                    throw new IOException($"SMTP server {smtp.Host}:{smtp.Port} unreachable for longer than Smtp:MaxOutage ({smtp.MaxOutage}).", ex);
                }

                Task.Delay(delay, clock, cancellationToken).GetAwaiter().GetResult();
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, smtp.ReconnectMaxDelay.Ticks));
            }
        }
    }

    private long Paused(Exception error)
    {
        lock (gate)
        {
            if (outageSince == 0)
            {
                outageSince = clock.GetTimestamp();
                LogPaused(logger, smtp.Host, smtp.Port, SmtpErrors.SingleLine(error.Message));
            }

            return outageSince;
        }
    }

    private void Resumed()
    {
        lock (gate)
        {
            if (outageSince != 0)
            {
                LogResumed(logger, smtp.Host, smtp.Port, clock.GetElapsedTime(outageSince));
                outageSince = 0;
            }
        }
    }

    [LoggerMessage(EventId = 5020, Level = LogLevel.Warning, Message = "SMTP server {Host}:{Port} unreachable ({Error}); email fan-out paused")]
    private static partial void LogPaused(ILogger logger, string host, int port, string error);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Information, Message = "SMTP server {Host}:{Port} reachable again after {Outage}; email fan-out resumed")]
    private static partial void LogResumed(ILogger logger, string host, int port, TimeSpan outage);
}
