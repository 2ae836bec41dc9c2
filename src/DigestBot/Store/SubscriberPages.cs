using System.Runtime.CompilerServices;
using Dapper;
using DigestBot.Model;

namespace DigestBot.Store;

/// <summary>Keyset paging over subscribers by address: one short query per page, no connection held between pages.</summary>
internal static class SubscriberPages
{
    public static async IAsyncEnumerable<Subscriber> StreamAsync(
        Database database, string sql, Func<string, object> parameters, int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default, string after = "")
    {
        while (true)
        {
            List<SubscriberRow> page;
            await using (var connection = await database.OpenAsync(cancellationToken))
            {
                page = (await connection.QueryAsync<SubscriberRow>(new CommandDefinition(
                    sql, parameters(after), cancellationToken: cancellationToken))).ToList();
            }

            foreach (var row in page)
            {
                yield return row.ToSubscriber();
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            after = page[^1].Email;
        }
    }
}
