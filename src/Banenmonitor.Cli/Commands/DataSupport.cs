using System.CommandLine;
using Banenmonitor.Data;
using Banenmonitor.Data.Privacy;

namespace Banenmonitor.Cli.Commands;

/// <summary>Shared options and helpers of the commands that use the database (import, export, sjabloon, audit, database).</summary>
internal static class DataSupport
{
    public static Option<string> Database() => new("--database")
    {
        Description = "Database: pad naar een SQLite-bestand of een PostgreSQL-verbinding (Host=…). Standaard BANENMONITOR_DATABASE of banenmonitor.db",
    };

    public static Option<string> Provider() => new("--databasesoort") { Description = "sqlite (standaard) of postgresql" };

    public static DatabaseSettings Settings(ParseResult r, Option<string> database, Option<string> provider)
    {
        try
        {
            var db = r.GetValue(database);
            var p = r.GetValue(provider);
            return db is null && p is null ? DatabaseSettings.From(_ => null) : DatabaseSettings.Create(p, db ?? Environment.GetEnvironmentVariable("BANENMONITOR_DATABASE"));
        }
        catch (ArgumentException e) { throw new CliException(e.Message); }
    }

    /// <summary>
    /// The database of a command that also works without one (<c>controle</c>, <c>rapport</c>): the one named by
    /// <c>--database</c>/<c>--databasesoort</c>, else by BANENMONITOR_DATABASE(_PROVIDER) as for every command; null when
    /// none is named. Such a command never falls back to a <c>banenmonitor.db</c> that happens to be in the working folder.
    /// </summary>
    public static DatabaseSettings? Optional(ParseResult r, Option<string> database, Option<string> provider)
    {
        var named = r.GetValue(database) is not null || r.GetValue(provider) is not null
                    || Environment.GetEnvironmentVariable("BANENMONITOR_DATABASE") is { Length: > 0 }
                    || Environment.GetEnvironmentVariable("BANENMONITOR_DATABASE_PROVIDER") is { Length: > 0 };
        if (!named) return null;
        try
        {
            var db = r.GetValue(database);
            var p = r.GetValue(provider);
            return db is null && p is null ? DatabaseSettings.From(_ => null) : DatabaseSettings.Create(p, db ?? Environment.GetEnvironmentVariable("BANENMONITOR_DATABASE"));
        }
        catch (ArgumentException e) { throw new CliException(e.Message); }
    }

    /// <summary>The sentence <c>controle</c> and <c>rapport</c> print about where resolutions (and sector reports) come from.</summary>
    public static string OptionalNote(DatabaseSettings? settings) => settings is null
        ? "Zonder database: geen oplossingen, goedgekeurde sectorrapportages of werkagenda's gelezen (geef --database of zet BANENMONITOR_DATABASE)."
        : $"Database: {settings}.";

    /// <summary>Opens the database, creating and migrating it on first use.</summary>
    public static BanenmonitorDbContext Open(DatabaseSettings settings)
    {
        try
        {
            BanenmonitorDatabase.MigrateAsync(settings).GetAwaiter().GetResult();
            return BanenmonitorDatabase.CreateContext(settings);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or ArgumentException)
        {
            throw new CliException($"Kan de database ({settings}) niet openen: {e.Message}", 3);
        }
    }

    public static PseudonymKey Key()
    {
        try { return PseudonymKey.FromEnvironment(); }
        catch (ArgumentException e) { throw new CliException(e.Message); }
    }

    public static string User() => Environment.GetEnvironmentVariable("BANENMONITOR_GEBRUIKER") is { Length: > 0 } u ? u : "cli:" + Environment.UserName;

    public static Argument<string> Kind() => new("soort") { Description = "Soort gegevens: " + Data.Import.ImportKinds.Names };

    public static Data.Import.ImportKind FindKind(string name) =>
        Data.Import.ImportKinds.Find(name) ?? throw new CliException($"Onbekende soort '{name}': kies uit {Data.Import.ImportKinds.Names}.");

    public static Data.Import.FileFormat FormatOf(string path) =>
        Data.Import.FileFormats.FromName(path) ?? throw new CliException($"Kan het formaat van '{path}' niet bepalen: gebruik een bestandsnaam die eindigt op .csv of .xlsx.");
}
