namespace Banenmonitor.Analytics;

/// <summary>Writes a folder of the engine's CSV input files as Parquet files with the documented column types (DuckDB, no extension).</summary>
public static class ParquetInput
{
    /// <summary>Converts every input table found as CSV in <paramref name="csvDir"/> to <c>name.parquet</c> in <paramref name="parquetDir"/>.</summary>
    public static void Convert(string csvDir, string parquetDir)
    {
        Directory.CreateDirectory(parquetDir);
        using var db = NationalEngine.Open(null, null);
        foreach (var table in InputFiles.Schemas.Keys)
        {
            var csv = Path.Combine(csvDir, table + ".csv");
            if (!File.Exists(csv)) continue;
            InputFiles.CreateView(db, table, csv);
            Sql.Exec(db, $"COPY (SELECT * FROM {table}) TO {Sql.Literal(Path.Combine(parquetDir, table + ".parquet"))} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000000)");
        }
    }
}
