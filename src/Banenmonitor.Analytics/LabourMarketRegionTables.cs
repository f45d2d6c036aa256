using Banenmonitor.Rules.Regions;
using DuckDB.NET.Data;

namespace Banenmonitor.Analytics;

/// <summary>The division into labour-market regions (<see cref="LabourMarketRegions"/>, in the rules core) as DuckDB tables.</summary>
internal static class LabourMarketRegionTables
{
    /// <summary>Creates the table <c>gemeente_regio(gemeente, regionummer)</c> and <c>regio(regionummer, regio)</c> in DuckDB.</summary>
    internal static void CreateTables(DuckDBConnection db)
    {
        Sql.Exec(db, "CREATE OR REPLACE TABLE gemeente_regio (gemeente VARCHAR, regionummer INTEGER)");
        Sql.Exec(db, "CREATE OR REPLACE TABLE regio (regionummer INTEGER, regio VARCHAR)");
        using (var appender = db.CreateAppender("gemeente_regio"))
            foreach (var (m, r) in LabourMarketRegions.ByMunicipality) appender.CreateRow().AppendValue(m).AppendValue(r.Number).EndRow();
        using (var appender = db.CreateAppender("regio"))
            foreach (var r in LabourMarketRegions.ByNumber.Values) appender.CreateRow().AppendValue(r.Number).AppendValue(r.Name).EndRow();
    }
}
