using Banenmonitor.Data.Privacy;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Banenmonitor.Data.Tests;

/// <summary>
/// Real databases for tests: a fresh SQLite file, or a fresh database on the PostgreSQL server named by
/// BANENMONITOR_TEST_PG (scripts/test.sh starts one). Without that variable the PostgreSQL cases FAIL, unless the
/// developer sets BANENMONITOR_SKIP_PG=1 explicitly, which leaves them out.
/// </summary>
public static class TestDatabases
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgresql";

    public static bool SkipPostgres => Environment.GetEnvironmentVariable("BANENMONITOR_SKIP_PG") == "1";

    /// <summary>Providers every database test runs on.</summary>
    public static TheoryData<string> Providers
    {
        get
        {
            var d = new TheoryData<string> { Sqlite };
            if (!SkipPostgres) d.Add(PostgreSql);
            return d;
        }
    }

    public static readonly PseudonymKey Key = PseudonymKey.FromText("test-sleutel-alleen-voor-de-tests-van-banenmonitor");

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? template;

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("BANENMONITOR_TEST_PG") is { Length: > 0 } cs ? cs
        : throw new InvalidOperationException(
            "BANENMONITOR_TEST_PG is niet gezet: de PostgreSQL-tests hebben een server nodig. Draai scripts/test.sh " +
            "(start een tijdelijke PostgreSQL), of zet BANENMONITOR_SKIP_PG=1 om ze lokaal bewust over te slaan.");

    /// <summary>Creates an empty, migrated database and returns its settings.</summary>
    public static async Task<TestDatabase> CreateAsync(string provider, string name)
    {
        if (provider == Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), "banenmonitor-tests");
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, $"{name}-{Guid.NewGuid():N}.db");
            var settings = new DatabaseSettings(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
            await BanenmonitorDatabase.MigrateAsync(settings);
            return new TestDatabase(settings, file);
        }
        var server = PostgresServer;
        var tpl = await TemplateAsync(server);
        var dbName = $"bm_{Sanitize(name)}_{Guid.NewGuid():N}";
        await using (var c = new NpgsqlConnection(server))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{dbName}\" TEMPLATE \"{tpl}\"", c);
            await cmd.ExecuteNonQueryAsync();
        }
        var b = new NpgsqlConnectionStringBuilder(server) { Database = dbName };
        return new TestDatabase(new DatabaseSettings(DatabaseProvider.PostgreSql, b.ToString()), null);
    }

    private static string Sanitize(string s) => new string(s.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray()) is { Length: > 0 } t ? (t.Length > 20 ? t[..20] : t) : "t";

    /// <summary>One migrated template database per test run; each test copies it (fast CREATE DATABASE … TEMPLATE).</summary>
    private static async Task<string> TemplateAsync(string server)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (template is not null) return template;
            var name = $"bm_template_{Guid.NewGuid():N}";
            await using (var c = new NpgsqlConnection(server))
            {
                await c.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c);
                await cmd.ExecuteNonQueryAsync();
            }
            var cs = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ToString();
            await BanenmonitorDatabase.MigrateAsync(new DatabaseSettings(DatabaseProvider.PostgreSql, cs));
            template = name;
            return name;
        }
        finally { TemplateLock.Release(); }
    }
}

/// <summary>A test database; disposing drops it (PostgreSQL) or deletes the file (SQLite).</summary>
public sealed class TestDatabase(DatabaseSettings settings, string? sqliteFile) : IAsyncDisposable
{
    public DatabaseSettings Settings { get; } = settings;
    public string? SqliteFile { get; } = sqliteFile;

    public BanenmonitorDbContext Context() => BanenmonitorDatabase.CreateContext(Settings);

    public async ValueTask DisposeAsync()
    {
        if (SqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { SqliteFile, SqliteFile + "-wal", SqliteFile + "-shm", SqliteFile + "-journal" })
                try { File.Delete(f); } catch (IOException) { }
            return;
        }
        NpgsqlConnection.ClearAllPools();
        var b = new NpgsqlConnectionStringBuilder(Settings.ConnectionString);
        var name = b.Database;
        b.Database = "postgres";
        await using var c = new NpgsqlConnection(b.ToString());
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", c);
        await cmd.ExecuteNonQueryAsync();
    }
}
