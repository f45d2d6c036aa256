using DuckDB.NET.Data;

namespace Banenmonitor.Analytics;

/// <summary>A user error in the input files: a Dutch message naming the file, row and column.</summary>
public sealed class AnalyticsInputException(string message) : Exception(message);

/// <summary>
/// The input tables of the national computation (see docs/analytics-schemas.md). Each table is found in the input
/// folder as <c>name.parquet</c>, a folder <c>name/</c> of Parquet files, or <c>name.csv</c> (header row, comma).
/// </summary>
public static class InputFiles
{
    public const string Employers = "werkgevers";
    public const string Payroll = "verloning";
    public const string Register = "doelgroepregister";
    public const string Attributions = "toerekeningen";
    public const string PreviousYear = "vorig_jaar";
    /// <summary>
    /// Optional: premium base of the disability fund per employer (for the Wet banenafspraak surcharge), with the premium
    /// base of year t−2 for the small-employer test (Besluit Wfsv art. 2.19d; empty when unknown).
    /// </summary>
    public const string PremiumBase = "premieloon";

    /// <summary>Column name → DuckDB type of each table. Hours are exact decimals (at most 4 decimals).</summary>
    public static readonly IReadOnlyDictionary<string, (string Column, string Type)[]> Schemas =
        new Dictionary<string, (string, string)[]>
        {
            [Employers] = [("loonheffingennummer", "VARCHAR"), ("sector", "VARCHAR"), ("uitlenertype", "VARCHAR")],
            [Payroll] =
            [
                ("loonheffingennummer", "VARCHAR"), ("persoon", "BIGINT"), ("periode_begin", "DATE"), ("periode_einde", "DATE"),
                ("uren", "DECIMAL(18,4)"), ("vorm", "VARCHAR"),
            ],
            [Register] = [("persoon", "BIGINT"), ("begindatum", "DATE"), ("einddatum", "DATE")],
            [Attributions] =
            [
                ("uitlener", "VARCHAR"), ("inlener", "VARCHAR"), ("persoon", "BIGINT"), ("uren", "DECIMAL(18,4)"),
                ("overeengekomen_op", "DATE"),
            ],
            [PreviousYear] = [("loonheffingennummer", "VARCHAR"), ("verloonde_uren", "DECIMAL(18,4)")],
            [PremiumBase] = [("loonheffingennummer", "VARCHAR"), ("premieloon", "DECIMAL(18,2)"), ("premieloon_uitgezonderd", "DECIMAL(18,2)"),
                ("premieloon_t_min_2", "DECIMAL(18,2)")],
        };

    /// <summary>
    /// Optional columns: when a file lacks one, its view has it as NULL. <c>werkgevers.gemeente</c>: the employer's
    /// municipality, for the measurement per labour-market region.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string Column, string Type)[]> OptionalColumns =
        new Dictionary<string, (string, string)[]> { [Employers] = [("gemeente", "VARCHAR")] };

    /// <summary>Suffix of the view with a Parquet table's row-group statistics (only for Parquet read as stored).</summary>
    public const string StatisticsSuffix = "_parquet_statistieken";

    /// <summary>True when the table's view reads Parquet as stored (then it has a statistics view); false for CSV.</summary>
    public static bool ReadAsStored(DuckDBConnection db, string table) =>
        Sql.Long(db, $"SELECT count(*) FROM duckdb_views() WHERE view_name = '{table}{StatisticsSuffix}'") > 0;

    /// <summary>Finds a table's file(s) in the folder; null when absent.</summary>
    public static string? Find(string dir, string table)
    {
        var parquet = Path.Combine(dir, table + ".parquet");
        if (File.Exists(parquet)) return parquet;
        var folder = Path.Combine(dir, table);
        if (Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.parquet").Any()) return Path.Combine(folder, "*.parquet");
        var csv = Path.Combine(dir, table + ".csv");
        return File.Exists(csv) ? csv : null;
    }

    /// <summary>
    /// Creates a view named after the table over its file, with the documented column types. Checks that every
    /// column is present; Parquet decimals are kept as stored (exact), other numeric types are converted.
    /// </summary>
    public static void CreateView(DuckDBConnection db, string table, string path)
    {
        var schema = Schemas[table];
        var optional = OptionalColumns.GetValueOrDefault(table) ?? [];
        var isCsv = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        var name = Path.GetFileName(path);
        string source;
        if (isCsv)
        {
            // Types for the optional columns only when the header has them (DuckDB refuses a type for a column it lacks).
            var header = File.ReadLines(path).FirstOrDefault()?.Split(',').Select(h => h.Trim().Trim('"')).ToHashSet(StringComparer.Ordinal) ?? [];
            var types = string.Join(", ", schema.Concat(optional.Where(c => header.Contains(c.Column)))
                .Select(c => $"{Sql.Literal(c.Column)}: {Sql.Literal(c.Type)}"));
            source = $"read_csv({Sql.Literal(path)}, header = true, delim = ',', dateformat = '%Y-%m-%d', types = {{{types}}})";
        }
        else source = $"read_parquet({Sql.Literal(path)})";

        Dictionary<string, string> actual;
        try
        {
            actual = Sql.Describe(db, $"SELECT * FROM {source}");
        }
        catch (DuckDBException e)
        {
            throw new AnalyticsInputException($"Bestand {name} kan niet gelezen worden: {Sql.FirstLine(e.Message)}");
        }
        var projections = new List<string>();
        foreach (var (column, type) in schema)
        {
            if (!actual.TryGetValue(column, out var got))
                throw new AnalyticsInputException($"Bestand {name}: kolom '{column}' ontbreekt (verwacht: {string.Join(", ", schema.Select(s => s.Column))}).");
            if (type.StartsWith("DECIMAL", StringComparison.Ordinal) && DecimalScale(got) > 4)
                throw new AnalyticsInputException($"Bestand {name}: kolom '{column}' heeft meer dan 4 decimalen ({got}); uren en bedragen hebben er ten hoogste 4.");
            var keep = got == type || (type.StartsWith("DECIMAL", StringComparison.Ordinal) && got.StartsWith("DECIMAL", StringComparison.Ordinal))
                       || (type == "BIGINT" && got is "INTEGER" or "BIGINT");
            projections.Add(keep ? column : $"TRY_CAST({column} AS {type}) AS {column}");
        }
        foreach (var (column, type) in optional)
            projections.Add(!actual.TryGetValue(column, out var got) ? $"NULL::{type} AS {column}"
                : got == type ? column : $"TRY_CAST({column} AS {type}) AS {column}");
        Sql.Exec(db, $"CREATE OR REPLACE VIEW {table} AS SELECT {string.Join(", ", projections)} FROM {source}");
        // For Parquet read as stored, the row-group statistics (null counts, minimum) describe the view's values too;
        // the engine uses them to skip row checks the statistics already prove.
        Sql.Exec(db, $"DROP VIEW IF EXISTS {table}{StatisticsSuffix}");
        if (!isCsv && projections.All(p => !p.StartsWith("TRY_CAST", StringComparison.Ordinal)))
            Sql.Exec(db, $"""
                CREATE VIEW {table}{StatisticsSuffix} AS
                SELECT path_in_schema AS kolom, stats_null_count AS nullen, stats_min_value AS minimum,
                  stats_max_value AS maximum, row_group_num_rows AS rijen
                FROM parquet_metadata({Sql.Literal(path)})
                """);
        // Values that could not be converted (Parquet with a wrong column type) become NULL through TRY_CAST and are
        // reported by the validation queries with their row.
    }

    /// <summary>The scale of a DuckDB DECIMAL(p,s) type name; 0 for other types.</summary>
    private static int DecimalScale(string type) =>
        type.StartsWith("DECIMAL(", StringComparison.Ordinal) && type.IndexOf(',', StringComparison.Ordinal) is > 0 and var c
            ? int.Parse(type.AsSpan(c + 1, type.Length - c - 2), System.Globalization.CultureInfo.InvariantCulture) : 0;
}
