using System.Reflection;
using DuckDB.NET.Data;

namespace Banenmonitor.Analytics;

/// <summary>A labour-market region (<i>arbeidsmarktregio</i>): its number and name in the published division.</summary>
public sealed record LabourMarketRegion(int Number, string Name);

/// <summary>
/// The published division of municipalities into the 35 labour-market regions, shipped as data
/// (<c>data/arbeidsmarktregios/</c>, embedded): <see cref="Source"/> names the document and <see cref="Year"/> the year it
/// holds. Municipalities are matched by name as written in the source; a municipality that is not in it has no region
/// (<see cref="Unknown"/>), nothing is guessed.
/// </summary>
public static class LabourMarketRegions
{
    public const string Source = "Besluit werkgebieden UWV 2015 (UWV, Staatscourant), bijlage 3 'Arbeidsmarktregio's per gemeente'";
    public const int Year = 2015;

    /// <summary>Region number 0: the employer's municipality is empty or not in the division.</summary>
    public static readonly LabourMarketRegion Unknown = new(0, "onbekend");

    /// <summary>Municipality name → region, as published.</summary>
    public static IReadOnlyDictionary<string, LabourMarketRegion> ByMunicipality { get; } = Load();

    /// <summary>The regions by number (1–35), and <see cref="Unknown"/> as 0.</summary>
    public static IReadOnlyDictionary<int, LabourMarketRegion> ByNumber { get; } =
        ByMunicipality.Values.Append(Unknown).DistinctBy(r => r.Number).ToDictionary(r => r.Number);

    private static Dictionary<string, LabourMarketRegion> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("arbeidsmarktregios.csv")
            ?? throw new InvalidOperationException("De indeling in arbeidsmarktregio's ontbreekt in de software.");
        using var reader = new StreamReader(stream);
        reader.ReadLine(); // header: gemeente,regionummer,regio
        var regions = new Dictionary<int, LabourMarketRegion>();
        var map = new Dictionary<string, LabourMarketRegion>(StringComparer.Ordinal);
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = line.Split(',');
            var number = int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture);
            if (!regions.TryGetValue(number, out var region)) regions[number] = region = new LabourMarketRegion(number, f[2]);
            map.Add(f[0], region);
        }
        return map;
    }

    /// <summary>Creates the table <c>gemeente_regio(gemeente, regionummer)</c> and <c>regio(regionummer, regio)</c> in DuckDB.</summary>
    internal static void CreateTables(DuckDBConnection db)
    {
        Sql.Exec(db, "CREATE OR REPLACE TABLE gemeente_regio (gemeente VARCHAR, regionummer INTEGER)");
        Sql.Exec(db, "CREATE OR REPLACE TABLE regio (regionummer INTEGER, regio VARCHAR)");
        using (var appender = db.CreateAppender("gemeente_regio"))
            foreach (var (m, r) in ByMunicipality) appender.CreateRow().AppendValue(m).AppendValue(r.Number).EndRow();
        using (var appender = db.CreateAppender("regio"))
            foreach (var r in ByNumber.Values) appender.CreateRow().AppendValue(r.Number).AppendValue(r.Name).EndRow();
    }
}
