using System.Reflection;

namespace Banenmonitor.Rules.Regions;

/// <summary>A labour-market region (<i>arbeidsmarktregio</i>): its number and name in the published division.</summary>
public sealed record LabourMarketRegion(int Number, string Name);

/// <summary>
/// The published division of municipalities into the 35 labour-market regions, shipped as data
/// (<c>data/arbeidsmarktregios/</c>, embedded): <see cref="Source"/> names the document and <see cref="Year"/> the year it
/// holds. Municipalities are matched by name as written in the source; a municipality that is not in it has no region
/// (<see cref="Unknown"/>), nothing is guessed. The national engine maps employers to regions with it, the import checks
/// an employer's municipality against it.
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

    private static readonly Dictionary<string, string> Names =
        ByMunicipality.Keys.ToDictionary(Fold, m => m, StringComparer.Ordinal);

    /// <summary>
    /// The municipality's name as the division writes it, for a name typed without regard to capitals or to the kind of
    /// apostrophe (<c>'s-gravenhage</c> → <c>’s-Gravenhage</c>); null when the division does not hold it.
    /// </summary>
    public static string? Municipality(string name) => Names.GetValueOrDefault(Fold(name));

    private static string Fold(string name) =>
        name.Trim().Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('`', '\'').ToLowerInvariant();

    private static Dictionary<string, LabourMarketRegion> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Banenmonitor.Rules.arbeidsmarktregios.csv")
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
}
