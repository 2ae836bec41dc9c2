using System.Net;
using System.Net.Sockets;

namespace DigestBot.Bench.Support;

/// <summary>
/// A loopback port held for a server process until it listens: bound with SO_REUSEADDR and never listening, so the
/// kernel gives it to no other socket meanwhile, while the server (smtp-sink sets SO_REUSEADDR too) may still bind it.
/// Closing a probe socket before the server binds would leave the port free for anyone in between; with smtp-sink's
/// SO_REUSEPORT two sinks could even share one port and split the mail.
/// </summary>
internal sealed class PortReservation : IDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public PortReservation()
    {
        if (OperatingSystem.IsLinux())
        {
            // SOL_SOCKET, SO_REUSEADDR on Linux, set raw so that nothing else (SO_REUSEPORT) is.
            socket.SetRawSocketOption(1, 2, BitConverter.GetBytes(1));
        }
        else
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        }

        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public void Dispose() => socket.Dispose();
}
