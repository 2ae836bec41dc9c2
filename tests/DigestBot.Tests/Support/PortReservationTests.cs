using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace DigestBot.Tests.Support;

/// <summary>
/// The port handed to a server another process starts stays its own from the moment it is chosen. "Taken" is checked
/// with a bind that does not share ports (libc directly: .NET sets SO_REUSEADDR on every TCP bind on Unix).
/// </summary>
public sealed class PortReservationTests
{
    private const int AddressInUse = 98; // EADDRINUSE on Linux

    [SkippableFact]
    public void Take_whileHeld_noOtherSocketGetsThePort()
    {
        using var reservation = PortReservation.Take();

        Assert.Equal(AddressInUse, PlainBindError(reservation.Port));
        var handedOut = Enumerable.Range(0, 500).Select(_ => KernelChosenPort()).ToHashSet();
        Assert.DoesNotContain(reservation.Port, handedOut);
    }

    [SkippableFact]
    public async Task ReleaseWhenListeningAsync_serverWithReuseAddress_bindsThePortAndKeepsIt()
    {
        var reservation = PortReservation.Take();
        // As Kestrel, smtp-sink and PostgreSQL bind their listening sockets.
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        server.SetRawSocketOption(1, 2, BitConverter.GetBytes(1));
        server.Bind(new IPEndPoint(IPAddress.Loopback, reservation.Port));
        server.Listen();

        await reservation.ReleaseWhenListeningAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(AddressInUse, PlainBindError(reservation.Port));
    }

    [Fact]
    public async Task ReleaseWhenListeningAsync_serverEnded_failsWithItsReason()
    {
        var reservation = PortReservation.Take();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => reservation.ReleaseWhenListeningAsync(TimeSpan.FromSeconds(10), () => "exited with 1: bad flag"));

        Assert.Contains("exited with 1: bad flag", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task HoldAcrossRestart_sinkStoppedAndRestarted_refusedMeanwhileAndBackOnItsPort()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        await using var sink = await SmtpSink.StartAsync();

        await sink.StopAsync();
        var acceptedWhileStopped = await PortReservation.AcceptsAsync(sink.Port);
        var bindWhileStopped = PlainBindError(sink.Port);
        await sink.RestartAsync();

        Assert.False(acceptedWhileStopped);
        Assert.Equal(AddressInUse, bindWhileStopped);
        Assert.True(await PortReservation.AcceptsAsync(sink.Port));
    }

    [Fact]
    public async Task PollUntilAsync_neverTrue_failsNamingWhatItWaitedForAndWhatItSaw()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => Poll.UntilAsync(() => false, TimeSpan.FromMilliseconds(100), "the edition to be sent", () => "status: delivering"));

        Assert.Contains("the edition to be sent", error.Message, StringComparison.Ordinal);
        Assert.Contains("status: delivering", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The errno a server that does not share ports gets when it binds <paramref name="port"/> (0: bound).</summary>
    private static int PlainBindError(int port)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "The reservation's guarantees are Linux's socket semantics.");
        var fd = socket(2, 1, 0); // AF_INET, SOCK_STREAM
        Assert.True(fd >= 0, $"socket() failed: {Marshal.GetLastPInvokeError()}");
        try
        {
            // struct sockaddr_in: family (host order), port (network order), 127.0.0.1, 8 bytes of padding.
            byte[] address = [2, 0, (byte)(port >> 8), (byte)port, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0];
            return bind(fd, address, address.Length) == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
        finally
        {
            _ = close(fd);
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int socket(int domain, int type, int protocol);

    [DllImport("libc", SetLastError = true)]
    private static extern int bind(int fd, byte[] address, int length);

    [DllImport("libc")]
    private static extern int close(int fd);

    private static int KernelChosenPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
