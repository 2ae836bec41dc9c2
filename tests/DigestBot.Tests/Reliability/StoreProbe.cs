using System.Data.Common;
using System.Globalization;
using DigestBot.Options;
using DigestBot.Store;
using Microsoft.Extensions.Hosting.Internal;

namespace DigestBot.Tests.Reliability;

/// <summary>Reads a worker's database from outside the worker, to check what it recorded.</summary>
public sealed class StoreProbe(StorageOptions storage, string contentRoot)
{
    private readonly Database database = new(Microsoft.Extensions.Options.Options.Create(storage), new HostingEnvironment { ContentRootPath = contentRoot });

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<string>> ColumnAsync(string sql)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
        }

        return values;
    }
}
