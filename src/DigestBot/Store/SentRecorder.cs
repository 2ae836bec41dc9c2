using System.Data;
using System.Data.Common;

namespace DigestBot.Store;

/// <summary>
/// Writes accepted messages to the ledger over one connection kept open, with one insert command whose parameters are
/// reset per row: opening a pooled connection, setting it up and parsing the statement again for every group commit
/// cost more than the rows themselves. Synchronous, for the sending threads. A write that fails drops the connection,
/// so the next write starts on a new one.
/// </summary>
public sealed class SentRecorder : IDisposable
{
    private readonly Database database;
    private readonly TimeProvider clock;
    private readonly string sql;
    private DbConnection? connection;
    private DbCommand? insert;
    private DbParameter[] parameters = [];

    internal SentRecorder(Database database, TimeProvider clock, string sql)
    {
        this.database = database;
        this.clock = clock;
        this.sql = sql;
    }

    /// <summary>Records messages the server has already accepted, in one transaction.</summary>
    public void Record(IReadOnlyCollection<AcceptedEmail> accepted)
    {
        if (accepted.Count == 0)
        {
            return;
        }

        try
        {
            var command = insert ?? Prepare();
            using var transaction = connection!.BeginTransaction();
            command.Transaction = transaction;
            var now = UnixTime.ToMs(clock.GetUtcNow());
            foreach (var email in accepted)
            {
                parameters[0].Value = email.EditionId;
                parameters[1].Value = email.Email;
                parameters[2].Value = email.Attempts;
                parameters[3].Value = email.MessageId;
                parameters[4].Value = now;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            command.Transaction = null;
        }
        catch
        {
            Close();
            throw;
        }
    }

    public void Dispose() => Close();

    private DbCommand Prepare()
    {
        connection = database.Open();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        parameters =
        [
            Add(command, "EditionId", DbType.String), Add(command, "Email", DbType.String), Add(command, "Attempts", DbType.Int32),
            Add(command, "MessageId", DbType.String), Add(command, "Now", DbType.Int64),
        ];
        return insert = command;
    }

    private static DbParameter Add(DbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private void Close()
    {
        insert?.Dispose();
        connection?.Dispose();
        (insert, connection) = (null, null);
    }
}
