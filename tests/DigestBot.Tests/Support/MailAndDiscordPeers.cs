namespace DigestBot.Tests.Support;

/// <summary>The two delivery peers most end-to-end tests need: smtp-sink and the Discord-compatible server.
/// Nothing is started when smtp-sink is not installed (the tests then skip).</summary>
public sealed class MailAndDiscordPeers : IAsyncDisposable
{
    public SmtpSink? Sink { get; private set; }

    public FakeDiscordServer? Discord { get; private set; }

    public static async Task<MailAndDiscordPeers> StartAsync()
    {
        var peers = new MailAndDiscordPeers();
        if (SmtpSink.IsInstalled)
        {
            peers.Sink = await SmtpSink.StartAsync();
            peers.Discord = await FakeDiscordServer.StartAsync();
        }

        return peers;
    }

    public async ValueTask DisposeAsync()
    {
        if (Sink is not null)
        {
            await Sink.DisposeAsync();
        }

        if (Discord is not null)
        {
            await Discord.DisposeAsync();
        }
    }
}
