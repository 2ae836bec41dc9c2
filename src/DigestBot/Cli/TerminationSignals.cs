using System.Runtime.InteropServices;

namespace DigestBot.Cli;

/// <summary>
/// SIGINT and SIGTERM, however many arrive, request one graceful stop: the token is cancelled once and every later signal
/// is absorbed. Supervisors and <c>docker stop</c> often signal more than once; System.CommandLine's own handling
/// answers a second signal by completing its result twice, which aborts the process (exit 134), and after two seconds
/// it ends the process with the work still in hand. So that handling is switched off and this takes its place.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly PosixSignalRegistration[] registrations;
    private int signalled;

    private TerminationSignals()
    {
        registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => stop.Token;

    public static TerminationSignals Register() => new();

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Keeps the runtime from ending the process: the program ends itself once the stop has run its course.
        context.Cancel = true;
        if (Interlocked.Exchange(ref signalled, 1) != 0)
        {
            return;
        }

        try
        {
            stop.Cancel();
        }
        catch (AggregateException)
        {
            // A stop callback failed; its owner reports that (the host logs its own). An exception escaping here, on
            // the runtime's signal thread, would abort the process.
        }
    }
}
