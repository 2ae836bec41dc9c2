using Dapper;

namespace DigestBot.Store;

/// <summary>Named values shared by every node of one installation, each written once and never changed.</summary>
public sealed class InstallationSettings(Database database)
{
    /// <summary>
    /// The value stored under <paramref name="name"/>; when there is none, <paramref name="candidate"/> is stored first.
    /// Of nodes racing to store different candidates, the first insert wins and every node reads back that one;
    /// <c>Added</c> is true on that node only.
    /// </summary>
    public async Task<(string Value, bool Added)> GetOrAddAsync(string name, string candidate, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var added = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO installation_settings (name, value) VALUES (@name, @candidate) ON CONFLICT DO NOTHING",
            new { name, candidate }, cancellationToken: cancellationToken));
        var value = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT value FROM installation_settings WHERE name = @name", new { name }, cancellationToken: cancellationToken));
        return (value ?? throw new InvalidOperationException($"The installation setting '{name}' vanished right after it was stored."), added == 1);
    }
}
