using System.Net;
using System.Net.Sockets;
using DigestBot.Deliver.Email;
using static DigestBot.Tests.Deliver.Email.EmailTestKit;

namespace DigestBot.Tests.Deliver.Email;

/// <summary>
/// A server that takes no more connections (its accept queue is full, so the kernel drops new SYNs and a connect
/// just waits): connecting fails after Smtp:Timeout with an error naming the setting, on both the synchronous path of
/// the fan-out and the asynchronous one of the confirmation email, instead of hanging for the system's connect timeout.
/// </summary>
public sealed class SmtpConnectorTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private readonly Socket listener = new(SocketType.Stream, ProtocolType.Tcp);
    private readonly List<Socket> queued = [];

    public SmtpConnectorTests()
    {
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        // Never accepted: these fill the accept queue (a backlog of 0 still queues one).
        for (var i = 0; i < 2; i++)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            queued.Add(socket);
            _ = socket.ConnectAsync(listener.LocalEndPoint!);
        }
    }

    private int Port => ((IPEndPoint)listener.LocalEndPoint!).Port;

    [Fact]
    public void Connect_serverTakesNoConnections_timesOutNamingTheSetting()
    {
        var connector = Connector();

        var error = Assert.Throws<TimeoutException>(() => connector.Connect());

        Assert.Contains("Smtp:Timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_serverTakesNoConnections_timesOutNamingTheSetting()
    {
        var connector = Connector();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => connector.ConnectAsync()).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("Smtp:Timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_cancelledWhileConnecting_isCancelledNotTimedOut()
    {
        var connector = Connector(TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connector.ConnectAsync(cancel.Token)).WaitAsync(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        queued.ForEach(s => s.Dispose());
        listener.Dispose();
    }

    private SmtpConnector Connector(TimeSpan? timeout = null) =>
        new(Microsoft.Extensions.Options.Options.Create(Smtp(Port, s => s.Timeout = timeout ?? Timeout)));
}
