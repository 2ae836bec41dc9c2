using System.ComponentModel.DataAnnotations;

namespace DigestBot.Options;

public enum StorageProvider
{
    Sqlite,
    Postgres,
}

public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>SQLite database file, relative to the content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SqlitePath { get; set; } = "data/digestbot.db";

    /// <summary>Npgsql connection string, used when <see cref="Provider"/> is Postgres.</summary>
    public string? PostgresConnectionString { get; set; }
}
