using Banenmonitor.Rules.Laws;
using Banenmonitor.Rules.Parameters;

namespace Banenmonitor.Rules.Regimes;

/// <summary>The legal regime that selects the rules for a year.</summary>
public enum RegimeKind
{
    /// <summary>Wet banenafspraak en quotum arbeidsbeperkten: Wfsv §4a (art. 38b–38j), two sectors, quota for government.</summary>
    Quotumregeling,
    /// <summary>Wet banenafspraak of 23 April 2025 (BWBR0051018): one national measurement, surcharge and bonus.</summary>
    WetBanenafspraak2025,
}

/// <summary>
/// A regime with its legal basis and the years it governs. The years are parameters with their sources
/// (<see cref="RegimeParameters"/>: <c>quotumregeling_eerste_jaar</c>, <c>quotumregeling_laatste_jaar</c>, <c>wba_eerste_jaar</c>).
/// </summary>
public sealed record Regime(RegimeKind Kind, string Name, IReadOnlyList<LegalReference> Legal, int FirstYear, int? LastYear)
{
    /// <summary>The legal basis as one Dutch text with the BWB identifiers ("Wfsv art. 34 en 38b–38j (BWBR0017745); …").</summary>
    public string LegalBasis => LegalReference.Text(Legal, withIds: true);

    public bool Governs(int year) => year >= FirstYear && (LastYear is null || year <= LastYear);

    /// <summary>The year whose parameters apply when this regime is computed on data of <paramref name="dataYear"/> (its first year for earlier data).</summary>
    public int ParameterYearFor(int dataYear) => Math.Max(dataYear, FirstYear);

    private static readonly RegimeParameters Years = RegimeParameters.Of(ParameterSet.Embedded);

    public static readonly Regime Quotumregeling = new(RegimeKind.Quotumregeling, "Quotumregeling (Wet banenafspraak en quotum arbeidsbeperkten)",
        [LawCatalog.Wfsv.Article("34"), LawCatalog.Wfsv.Articles("38b", "38j"), LawCatalog.BesluitWfsv.Articles("2.20", "2.33")],
        (int)Years.QuotumregelingFirstYear.Required, (int)Years.QuotumregelingLastYear.Required);

    public static readonly Regime WetBanenafspraak2025 = new(RegimeKind.WetBanenafspraak2025, "Wet banenafspraak (2025)",
        [LawCatalog.WetBanenafspraak.Whole, LawCatalog.Wtl.Whole], (int)Years.WetBanenafspraakFirstYear.Required, null);

    public static IReadOnlyList<Regime> All { get; } = [Quotumregeling, WetBanenafspraak2025];

    /// <summary>The regimes that govern a year (in a transition year there may be more than one to compare).</summary>
    public static IReadOnlyList<Regime> For(int year) => All.Where(r => r.Governs(year)).ToList();

    public static Regime Parse(string text) => text.ToLowerInvariant() switch
    {
        "quotumregeling" or "quotum" => Quotumregeling,
        "wet-banenafspraak-2025" or "wba2025" or "2025" => WetBanenafspraak2025,
        _ => throw new ArgumentException($"Onbekend regime '{text}' (kies quotumregeling of wba2025)."),
    };
}
