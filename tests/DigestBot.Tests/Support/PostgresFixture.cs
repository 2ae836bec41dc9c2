namespace DigestBot.Tests.Support;

/// <summary>One PostgreSQL cluster shared by a test class; <see cref="Server"/> is null when PostgreSQL is not installed.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresServer? Server { get; private set; }

    public async Task InitializeAsync()
    {
        if (PostgresServer.BinDirectory is not null)
        {
            Server = await PostgresServer.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
