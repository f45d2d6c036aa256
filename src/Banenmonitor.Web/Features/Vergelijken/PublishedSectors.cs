using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Regimes;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Web.Features.Vergelijken;

/// <summary>One sector of a year under both countings (the SROI scenario), as the CLI's <c>vergelijk sector</c> shows it.</summary>
public sealed record SectorVergelijking(string Code, string Naam, decimal Doel, decimal Realisatie, decimal? Sroi, decimal Realisatiepercentage,
    decimal? RealisatiepercentageSroiScenario, decimal? GepubliceerdInclSroi, string Bron, IReadOnlyList<Rules.Explanations.StapView> Stappen);

/// <summary>
/// The published sector figures (data/published/sectoren.csv and documenten.csv, embedded in the web assembly) parsed by the
/// rules core's <see cref="PublishedSectorFigures"/>, and the SROI scenario per sector computed by <see cref="RegimeComparison.Sector"/>.
/// Independent of the web database: these are the documents' own figures.
/// </summary>
public static class PublishedSectors
{
    public static PublishedSectorFigures Figures => Banenmonitor.Web.Infrastructure.PublishedSources.Figures;

    /// <summary>Years in which at least one sector has both a target and a realisation.</summary>
    public static IReadOnlyList<int> Years => Figures.Years.Where(y => Figures.ForYear(y).Any(f => f.Target is { Value: > 0 } && f.Realised is not null)).ToList();

    public static IReadOnlyList<SectorVergelijking> ForYear(int year)
    {
        var rows = new List<SectorVergelijking>();
        foreach (var f in Figures.ForYear(year))
        {
            if (f.Target is not { Value: > 0 } t || f.Realised is not { } r) continue;
            var sc = RegimeComparison.Sector(f.Sector.Code, year, new Jobs(t.Value), new Jobs(r.Value), f.Sroi is { } s ? new Jobs(s.Value) : null);
            var trace = sc.SroiForProcurer?.Trace ?? sc.Current.Trace;
            rows.Add(new SectorVergelijking(f.Sector.Code, f.Sector.Name, t.Value, r.Value, f.Sroi?.Value, LegalRounding.Half(sc.Current.Percentage.Points, 1),
                sc.SroiForProcurer?.PercentageIncludingSroi is { } p ? LegalRounding.Half(p.Points, 1) : null, f.PercentageIncludingSroi?.Value,
                $"{t.Citation}; {r.Citation}" + (f.Sroi is { } s2 ? "; " + s2.Citation : ""), Rules.Explanations.TraceViews.ToView(trace)));
        }
        return rows;
    }
}
