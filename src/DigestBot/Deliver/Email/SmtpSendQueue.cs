using DigestBot.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Deliver.Email;

/// <summary>
/// The node's one pool of SMTP sessions: at most Smtp:Connections of them, each on a thread of its own
/// (<see cref="SmtpSendWorker"/>), under one Smtp:MaxMessagesPerSecond pacer, fed by every batch this process sends,
/// of every edition. With Email:Transport=Outbox the sessions write files to the outbox folder instead (same threads,
/// batches, retries and ledger). A batch joins the queue whole and its subscribers are pulled one at a time, round-robin between
/// batches: nothing waits in the queue per subscriber, and a batch that stops simply has nothing more taken from it.
/// Threads start when work arrives; after a short idle time, and when the host is disposed, they close their
/// connection and end.
/// </summary>
public sealed partial class SmtpSendQueue : IDisposable
{
    /// <summary>How long a thread with batches to serve but nothing ready sleeps before it looks again (a retry's time or the fake clock of a test may move).</summary>
    private static readonly TimeSpan IdleCheck = TimeSpan.FromMilliseconds(100);

    /// <summary>A connection with no batch to serve is closed after this long: batches of an edition follow each other closely, editions do not.</summary>
    private static readonly TimeSpan IdleClose = TimeSpan.FromSeconds(10);

    private readonly object gate = new();
    private readonly CancellationTokenSource shutdown = new();
    private readonly List<Thread> threads = [];
    private readonly SmtpOptions smtp;
    private readonly IMailTransport connections;
    private readonly SendPacer pacer;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly NativeHeapTrimmer trimmer = new();
    private FanOut[] batches = [];
    private long changes;
    private int cursor;
    private bool disposed;

    public SmtpSendQueue(
        SmtpConnector connector, MailOutbox outbox, IOptions<SmtpOptions> options, IOptions<EmailOptions> email, TimeProvider clock, ILogger<SmtpSendQueue> logger)
    {
        smtp = options.Value;
        this.clock = clock;
        this.logger = logger;
        connections = email.Value.TransportWith(smtp) == EmailTransport.Outbox
            ? new OutboxTransport(outbox)
            : new SmtpConnections(connector, smtp, clock, logger);
        pacer = new SendPacer(smtp.MaxMessagesPerSecond, clock);
    }

    /// <summary>How long the mail server has been unreachable (every sending thread waiting to connect), or null while it is not.</summary>
    public TimeSpan? ServerUnreachableFor => connections.UnreachableFor;

    /// <summary>Sends the batch through the pool; completes when nothing of it is left in hand (see <see cref="FanOut.Over"/>).</summary>
    internal async Task SendAsync(FanOut batch)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            batches = [.. batches, batch];
            changes++;
            while (threads.Count < smtp.Connections)
            {
                var thread = new Thread(new SmtpSendWorker(this, connections, pacer).Run) { IsBackground = true, Name = "SMTP sender" };
                threads.Add(thread);
                thread.Start();
            }

            Monitor.PulseAll(gate);
        }

        batch.Watch();
        trimmer.Enter();
        try
        {
            using (shutdown.Token.Register(() => batch.Fail(new OperationCanceledException("The SMTP send queue stopped: the host is shutting down."))))
            {
                await batch.Over;
            }
        }
        finally
        {
            trimmer.Exit();
            lock (gate)
            {
                batches = Array.FindAll(batches, b => b != batch);
                changes++;
            }
        }
    }

    /// <summary>
    /// A message to send from any batch, round-robin. With <paramref name="wait"/> it waits for one until the queue has
    /// had no batch for <see cref="IdleClose"/> or is disposed (false); without, false means nothing is ready now.
    /// </summary>
    internal bool TryTake(out FanOut batch, out MailJob job, bool wait)
    {
        var idleSince = Environment.TickCount64;
        while (true)
        {
            FanOut[] current;
            long seen;
            lock (gate)
            {
                (current, seen) = (batches, changes);
                if (current.Length == 0 && disposed)
                {
                    break;
                }
            }

            var nextDue = long.MaxValue;
            var start = (uint)Interlocked.Increment(ref cursor);
            for (var i = 0; i < current.Length; i++)
            {
                batch = current[(int)((start + (uint)i) % (uint)current.Length)];
                if (batch.TryTake(out job, ref nextDue))
                {
                    return true;
                }
            }

            if (!wait)
            {
                break;
            }

            lock (gate)
            {
                if (changes != seen)
                {
                    continue;
                }

                if (current.Length > 0)
                {
                    idleSince = Environment.TickCount64;
                    var untilDue = nextDue == long.MaxValue ? IdleCheck : clock.GetElapsedTime(clock.GetTimestamp(), nextDue);
                    Monitor.Wait(gate, Clamp(untilDue, TimeSpan.FromMilliseconds(1), IdleCheck));
                    continue;
                }

                var idleLeft = IdleClose - TimeSpan.FromMilliseconds(Environment.TickCount64 - idleSince);
                if (idleLeft <= TimeSpan.Zero)
                {
                    break;
                }

                Monitor.Wait(gate, idleLeft);
            }
        }

        (batch, job) = (null!, null!);
        return false;
    }

    /// <summary>Called by an idle thread that has closed its connection: true when it is to end, false when work arrived meanwhile.</summary>
    internal bool Retire()
    {
        lock (gate)
        {
            if (batches.Length > 0)
            {
                return false;
            }

            threads.Remove(Thread.CurrentThread);
            return true;
        }
    }

    /// <summary>A sending thread stopped on an error of its own (a fault in the queue, not in a batch): its place is freed.</summary>
    internal void Crashed(Exception error)
    {
        LogSenderFailed(logger, error);
        lock (gate)
        {
            threads.Remove(Thread.CurrentThread);
        }
    }

    /// <summary>Stops the threads: batches still queued are stopped, connections are closed (QUIT) and the threads joined.</summary>
    public void Dispose()
    {
        Thread[] running;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            changes++;
            running = [.. threads];
            Monitor.PulseAll(gate);
        }

        shutdown.Cancel();
        foreach (var thread in running)
        {
            // A thread ends within one SMTP command (QUIT, or a send cut off) once its batches are stopped.
            thread.Join(smtp.Timeout * 2);
        }

        shutdown.Dispose();
        trimmer.Dispose();
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;

    [LoggerMessage(EventId = 5022, Level = LogLevel.Error, Message = "An SMTP sending thread failed; another takes its place when work arrives")]
    private static partial void LogSenderFailed(ILogger logger, Exception exception);
}
