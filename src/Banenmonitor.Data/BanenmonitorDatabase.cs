using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Banenmonitor.Data;

/// <summary>Which database engine holds the data.</summary>
public enum DatabaseProvider { Sqlite, PostgreSql }

/// <summary>
/// Database settings. Configuration keys (environment variables use <c>__</c> for <c>:</c>):
/// <c>Banenmonitor:Database:Provider</c> (<c>sqlite</c> | <c>postgresql</c>) and <c>ConnectionStrings:Banenmonitor</c>;
/// or the environment variables <c>BANENMONITOR_DATABASE_PROVIDER</c> and <c>BANENMONITOR_DATABASE</c>.
/// Without configuration: SQLite file <c>banenmonitor.db</c> in the working directory.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteFile = "banenmonitor.db";

    public static DatabaseSettings Default => new(DatabaseProvider.Sqlite, $"Data Source={DefaultSqliteFile}");

    /// <summary>Reads settings from a configuration lookup (e.g. <c>key => configuration[key]</c>), falling back to the environment.</summary>
    public static DatabaseSettings From(Func<string, string?> config)
    {
        var provider = config("Banenmonitor:Database:Provider") ?? Environment.GetEnvironmentVariable("BANENMONITOR_DATABASE_PROVIDER");
        var connection = config("ConnectionStrings:Banenmonitor") ?? Environment.GetEnvironmentVariable("BANENMONITOR_DATABASE");
        return Create(provider, connection);
    }

    /// <summary>Settings from a provider name and connection string (both optional). A bare file path means SQLite.</summary>
    public static DatabaseSettings Create(string? provider, string? connection)
    {
        var p = ParseProvider(provider, connection);
        if (string.IsNullOrWhiteSpace(connection)) return p == DatabaseProvider.Sqlite ? Default
            : throw new ArgumentException("Voor PostgreSQL is een verbindingsgegeven (connection string) nodig: zet ConnectionStrings:Banenmonitor of BANENMONITOR_DATABASE.");
        if (p == DatabaseProvider.Sqlite && !connection.Contains('=')) connection = $"Data Source={connection}";
        return new(p, connection);
    }

    private static DatabaseProvider ParseProvider(string? provider, string? connection) => provider?.Trim().ToLowerInvariant() switch
    {
        null or "" => connection is not null && connection.Contains("Host=", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite,
        "sqlite" => DatabaseProvider.Sqlite,
        "postgresql" or "postgres" or "npgsql" => DatabaseProvider.PostgreSql,
        _ => throw new ArgumentException($"Onbekende databasesoort '{provider}': kies sqlite of postgresql."),
    };

    public override string ToString() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite ({new SqliteConnectionStringBuilder(ConnectionString).DataSource})"
        : "PostgreSQL";
}

/// <summary>Creates contexts for the configured provider, and migrates the schema (versioned migrations per provider).</summary>
public static class BanenmonitorDatabase
{
    /// <summary>The assembly holding the SQLite migrations (project <c>src/Banenmonitor.Data.Migrations.Sqlite</c>).
    /// A program that migrates references that project, so the assembly is in its output.</summary>
    public const string SqliteMigrationsAssembly = "Banenmonitor.Data.Migrations.Sqlite";

    /// <summary>The assembly holding the PostgreSQL migrations (project <c>src/Banenmonitor.Data.Migrations.Postgres</c>).</summary>
    public const string PostgresMigrationsAssembly = "Banenmonitor.Data.Migrations.Postgres";

    public static DbContextOptions<SqliteBanenmonitorDbContext> SqliteOptions(string connection) =>
        UseSqlite(new DbContextOptionsBuilder<SqliteBanenmonitorDbContext>(), connection).Options;

    public static DbContextOptions<PostgresBanenmonitorDbContext> PostgresOptions(string connection) =>
        UsePostgres(new DbContextOptionsBuilder<PostgresBanenmonitorDbContext>(), connection).Options;

    private static T UseSqlite<T>(T options, string connection) where T : DbContextOptionsBuilder =>
        (T)options.UseSqlite(connection, o => o.MigrationsAssembly(SqliteMigrationsAssembly)).AddInterceptors(SqliteTuning.Instance);

    private static T UsePostgres<T>(T options, string connection) where T : DbContextOptionsBuilder =>
        (T)options.UseNpgsql(connection, o => o.MigrationsAssembly(PostgresMigrationsAssembly));

    /// <summary>A new context (caller disposes).</summary>
    public static BanenmonitorDbContext CreateContext(DatabaseSettings settings) => settings.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteBanenmonitorDbContext(SqliteOptions(settings.ConnectionString)),
        _ => new PostgresBanenmonitorDbContext(PostgresOptions(settings.ConnectionString)),
    };

    /// <summary>Creates the database if needed and applies pending migrations.</summary>
    public static async Task MigrateAsync(DatabaseSettings settings, CancellationToken ct = default)
    {
        await using var db = CreateContext(settings);
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>
    /// Registers <see cref="BanenmonitorDbContext"/> (for Identity: <c>AddEntityFrameworkStores&lt;BanenmonitorDbContext&gt;()</c>)
    /// with the configured provider, plus the data services (imports, exports, audit, seeding).
    /// </summary>
    public static IServiceCollection AddBanenmonitorData(this IServiceCollection services, DatabaseSettings settings, Privacy.PseudonymKey? key = null)
    {
        services.AddSingleton(settings);
        if (settings.Provider == DatabaseProvider.Sqlite)
            services.AddDbContext<BanenmonitorDbContext, SqliteBanenmonitorDbContext>(o => UseSqlite(o, settings.ConnectionString));
        else
            services.AddDbContext<BanenmonitorDbContext, PostgresBanenmonitorDbContext>(o => UsePostgres(o, settings.ConnectionString));
        services.AddSingleton(key ?? Privacy.PseudonymKey.FromEnvironment());
        services.AddScoped<Import.ImportService>();
        services.AddScoped<Export.ExportService>();
        services.AddScoped<Audit.AuditService>();
        services.AddScoped<Seeding.DatabaseSeeder>();
        return services;
    }
}
