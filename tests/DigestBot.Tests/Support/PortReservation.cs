using System.Net;
using System.Net.Sockets;

namespace DigestBot.Tests.Support;

/// <summary>
/// A loopback TCP port held for a server that binds it later: a child process (smtp-sink, PostgreSQL, the DigestBot
/// worker) or an in-process host whose configuration must name its port before it starts (Web:BaseUrl).
/// The socket is bound with SO_REUSEADDR and never listens. While it is held, the kernel gives the port to nobody else:
/// binds to port 0 and outgoing connections skip it, a plain bind to it fails. A server that sets SO_REUSEADDR too
/// (smtp-sink, PostgreSQL and Kestrel all do) can still bind and listen on it, and once it listens its own socket holds
/// the port, so the reservation is released only then. Reading a free port and closing the socket before the server
/// binds, as tests did before, left a gap in which another test's server or any connection could take the port; two
/// smtp-sinks (SO_REUSEPORT) then even share it, silently splitting the mail between them.
/// </summary>
public sealed class PortReservation : IDisposable
{
    // Linux values: tests that start these servers run on Linux, elsewhere the managed option is close enough.
    private const int SolSocket = 1;
    private const int SoReuseAddr = 2;
    private const int SoReusePort = 15;

    private readonly Socket socket;

    private PortReservation(Socket socket)
    {
        this.socket = socket;
        Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    /// <summary>A port of the kernel's choosing, held until a server listens on it.</summary>
    public static PortReservation Take() => Bind(0, alongsideListener: false);

    /// <summary>
    /// Holds the port of a server that is listening now and is about to be stopped and started again (an outage):
    /// bound before the server stops (SO_REUSEPORT lets it join the server's socket; smtp-sink sets that option), so
    /// at no moment is the port free. Clients meanwhile are refused, as by a server that is down.
    /// </summary>
    public static PortReservation HoldAcrossRestart(int port) => Bind(port, alongsideListener: true);

    /// <summary>Holds the port of a server that has just stopped, until it starts again there.</summary>
    public static PortReservation Reclaim(int port) => Bind(port, alongsideListener: false);

    /// <summary>Waits until a server accepts connections on the port, then lets go of it.</summary>
    /// <param name="serverEnded">Returns why the server can no longer come (e.g. its process exited with this output), else null.</param>
    public async Task ReleaseWhenListeningAsync(TimeSpan timeout, Func<string?>? serverEnded = null)
    {
        string? ended = null;
        await Poll.UntilAsync(
            async () => (ended = serverEnded?.Invoke()) is not null || await AcceptsAsync(Port),
            timeout,
            $"a server listening on 127.0.0.1:{Port}");
        Dispose();
        if (ended is not null)
        {
            throw new InvalidOperationException($"The server for 127.0.0.1:{Port} ended before it listened: {ended}");
        }
    }

    public static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose() => socket.Dispose();

    private static PortReservation Bind(int port, bool alongsideListener)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (OperatingSystem.IsLinux())
            {
                // Raw options, so that exactly these are set: SO_REUSEPORT only when joining a listener.
                socket.SetRawSocketOption(SolSocket, SoReuseAddr, BitConverter.GetBytes(1));
                if (alongsideListener)
                {
                    socket.SetRawSocketOption(SolSocket, SoReusePort, BitConverter.GetBytes(1));
                }
            }
            else
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            }

            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return new PortReservation(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
