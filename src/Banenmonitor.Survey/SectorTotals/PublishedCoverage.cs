using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Published;

namespace Banenmonitor.Survey.SectorTotals;

/// <summary>
/// The sector total as far as the published aggregates allow: the published realisation (the plain sum of the reports,
/// a lower bound when not every employer reported), the coverage, and — when the reported share of staff is published —
/// the ratio estimate realisation ÷ share (without standard error: that needs per-employer figures).
/// </summary>
public sealed record PublishedSectorTotal(
    string Sector,
    string SectorName,
    int Year,
    decimal? PublishedSum,
    bool Incomplete,
    int? EmployersReported,
    int? EmployersTotal,
    decimal? StaffSharePercent,
    string? CoverageDutch,
    SectorTotalEstimate? Estimate,
    string Source)
{
    public static PublishedSectorTotal From(SectorYearFigures f)
    {
        var reported = f.OrganisationsReported is { } r ? (int)r.Value : (int?)null;
        var total = f.OrganisationsTotal is { } t ? (int)t.Value : (int?)null;
        var share = f.StaffShareReported?.Value;
        var incomplete = (reported is { } a && total is { } b && a < b) || share is < 100m;
        SectorTotalEstimate? estimate = null;
        if (f.Realised is { } real && share is { } s and > 0 and <= 100)
            estimate = SectorTotalEstimator.RatioFromAggregates((double)real.Value, (double)(s / 100m), reported, total);
        var sources = new[] { f.Realised, f.OrganisationsReported, f.StaffShareReported }.Where(x => x is not null).Select(x => x!.Citation).Distinct();
        return new PublishedSectorTotal(f.Sector.Code, f.Sector.Name, f.Year, f.Realised?.Value, incomplete, reported, total, share, f.Coverage, estimate,
            string.Join("; ", sources));
    }
}

/// <summary>
/// Check of the sector totals against an independent source: the government total of the national measurement
/// (UWV payroll data, Kamerstuk 34 352, nr. 255) against the sum of the sectors' own realisations of that year.
/// </summary>
public sealed record NationalComparison(
    int Year,
    decimal NationalGovernment,
    string NationalSource,
    decimal SectorSum,
    decimal SectorSumWithEstimates,
    IReadOnlyList<string> SectorsIncluded,
    IReadOnlyList<string> SectorsMissing,
    IReadOnlyList<string> SectorsEstimated,
    IReadOnlyList<string> NotesDutch)
{
    public decimal Difference => NationalGovernment - SectorSum;
    public decimal? SectorSharePercent => NationalGovernment == 0 ? null : SectorSum / NationalGovernment * 100m;

    public static NationalComparison? Compare(PublishedSectorFigures sectors, NationalFigures national, int year)
    {
        var n = national.Find(year, MeasurementSector.Government, EmploymentForm.Total, NationalFigures.Increase);
        if (n is null) return null;
        var rows = sectors.ForYear(year);
        var with = rows.Where(r => r.Realised is not null).ToList();
        if (with.Count == 0) return null;
        var sum = with.Sum(r => r.Realised!.Value);
        var estimated = new List<string>();
        decimal adjusted = 0;
        foreach (var r in with)
        {
            var p = PublishedSectorTotal.From(r);
            if (p.Estimate is { } e) { adjusted += (decimal)e.Estimate; estimated.Add(r.Sector.Code); }
            else adjusted += r.Realised!.Value;
        }
        var missing = rows.Except(with).Select(r => r.Sector.Code).ToList();
        var notes = new List<string>
        {
            "De landelijke meting telt banen uit de polisadministratie (UWV) van alle overheidswerkgevers, inclusief een deel van de " +
            "inleenbanen (uitzend- en detacheringsbanen) via de verdeelsleutel; de sectoren tellen zelf, elk op hun eigen manier " +
            "(eigen registratie, enquête of jaarverslagen), soms met inhuur en soms op een andere peildatum.",
        };
        if (missing.Count > 0) notes.Add($"Zonder realisatie over {year}: {string.Join(", ", missing)}; hun banen ontbreken in de som van de sectoren.");
        if (missing.Count > 0 && sum > n.Value)
            notes.Add($"De som van de sectoren ({sum.ToString("N0", SectorCoverage.Nl)}) is hoger dan de landelijke meting ({n.Value.ToString("N0", SectorCoverage.Nl)}), terwijl er sectoren ontbreken: " +
                      "de tellingen verschillen in definitie (onder meer inhuur, peildatum en de nulmeting als vertrekpunt) en zijn zonder correctie niet vergelijkbaar.");
        if (estimated.Count > 0) notes.Add($"Met ratioschatting voor onvolledige rapportage: {string.Join(", ", estimated)}.");
        return new NationalComparison(year, n.Value, n.Source, sum, adjusted, with.Select(r => r.Sector.Code).ToList(), missing, estimated, notes);
    }
}
