using DigestBot.Options;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;

namespace DigestBot.Deliver.Email;

/// <summary>
/// Opens connections for the send queue's threads and waits out an unreachable server: every thread retries with a
/// growing delay, so the fan-out pauses and resumes where it was. Only a wait longer than Smtp:MaxOutage gives up, and
/// then only on the batch whose message was waiting (it is handed back and tried again later, with a wait of its own).
/// </summary>
internal sealed partial class SmtpConnections(SmtpConnector connector, SmtpOptions smtp, TimeProvider clock, ILogger logger) : IMailTransport
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);

    private readonly Lock gate = new();
    private long outageSince;

    public TimeSpan? UnreachableFor
    {
        get
        {
            lock (gate)
            {
                return outageSince == 0 ? null : clock.GetElapsedTime(outageSince);
            }
        }
    }

    /// <summary>Blocks the calling (sending) thread until a connection is open, or the outage is too long.</summary>
    public IMailSession Open(CancellationToken cancellationToken = default)
    {
        var delay = FirstDelay;
        long? waitingSince = null;
        while (true)
        {
            try
            {
                var client = connector.Connect(cancellationToken);
                Resumed();
                return new SmtpMailSession(client);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested
                && (SmtpErrors.IsConnectionLost(ex) || ex is SmtpCommandException command && SmtpErrors.IsTransient(command)))
            {
                Paused(ex);
                waitingSince ??= clock.GetTimestamp();
                if (clock.GetElapsedTime(waitingSince.Value) > smtp.MaxOutage)
                {
                    throw new IOException($"SMTP server {smtp.Host}:{smtp.Port} unreachable for longer than Smtp:MaxOutage ({smtp.MaxOutage}).", ex);
                }

                Task.Delay(delay, clock, cancellationToken).GetAwaiter().GetResult();
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, smtp.ReconnectMaxDelay.Ticks));
            }
        }
    }

    /// <summary>Logs the outage once, however many threads are waiting it out.</summary>
    private void Paused(Exception error)
    {
        lock (gate)
        {
            if (outageSince == 0)
            {
                outageSince = clock.GetTimestamp();
                LogPaused(logger, smtp.Host, smtp.Port, SmtpErrors.SingleLine(error.Message));
            }
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
