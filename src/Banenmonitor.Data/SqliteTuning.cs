using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Banenmonitor.Data;

/// <summary>
/// Per-connection SQLite settings: a larger page cache (64 MB) so that bulk imports into the indexed tables do not
/// thrash the default 2 MB cache, and write-ahead logging so readers (the web app) are not blocked by an import.
/// </summary>
internal sealed class SqliteTuning : DbConnectionInterceptor
{
    public static readonly SqliteTuning Instance = new();

    private const string ReadPragmas = "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;";
    private const string Pragmas = ReadPragmas + " PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";

    /// <summary>A read-only connection (EF opens one to test whether the file exists) cannot switch the journal mode.</summary>
    private static string For(DbConnection connection) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection.ConnectionString).Mode == Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly ? ReadPragmas : Pragmas;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = For(connection);
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = For(connection);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
