using Banenmonitor.Rules.Explanations;

namespace Banenmonitor.Rules.Regimes;

/// <summary>The legal regime that selects the rules for a year.</summary>
public enum RegimeKind
{
    /// <summary>Wet banenafspraak en quotum arbeidsbeperkten: Wfsv §4a (art. 38b–38j), two sectors, quota for government.</summary>
    Quotumregeling,
    /// <summary>Wet banenafspraak of 23 April 2025 (BWBR0051018): one national measurement, surcharge and bonus.</summary>
    WetBanenafspraak2025,
}

/// <summary>A regime with its legal basis and the years it governs.</summary>
public sealed record Regime(RegimeKind Kind, string Name, string LegalBasis, int FirstYear, int? LastYear)
{
    public bool Governs(int year) => year >= FirstYear && (LastYear is null || year <= LastYear);

    /// <summary>The year whose parameters apply when this regime is computed on data of <paramref name="dataYear"/> (its first year for earlier data).</summary>
    public int ParameterYearFor(int dataYear) => Math.Max(dataYear, FirstYear);

    public static readonly Regime Quotumregeling = new(RegimeKind.Quotumregeling, "Quotumregeling (Wet banenafspraak en quotum arbeidsbeperkten)",
        $"Wfsv art. 34, 38b–38j ({LawReferences.Wfsv.BwbId}); Besluit Wfsv art. 2.20–2.33 ({LawReferences.BesluitWfsv.BwbId})", 2015, 2025);

    public static readonly Regime WetBanenafspraak2025 = new(RegimeKind.WetBanenafspraak2025, "Wet banenafspraak (2025)",
        $"Wet banenafspraak van 23 april 2025 ({LawReferences.WetBanenafspraak.BwbId}); Wtl ({LawReferences.Wtl.BwbId})", 2026, null);

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
