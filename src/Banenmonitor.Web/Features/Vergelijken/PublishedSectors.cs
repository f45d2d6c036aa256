using Banenmonitor.Rules.Contracts;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Regimes;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Web.Features.Vergelijken;

/// <summary>
/// One sector of a year under both countings (the SROI scenario), as the CLI's <c>vergelijk sector</c> shows it. Where the
/// year's documents publish only a realisation percentage (no target and realisation to recompute it from),
/// <see cref="Doel"/> and <see cref="Realisatie"/> are null, <see cref="Gepubliceerd"/> is set and there is no scenario.
/// The percentages and <see cref="Verschil"/> are rounded once, by <see cref="SectorScenario"/>; every view prints these.
/// </summary>
public sealed record SectorVergelijking(string Code, string Naam, decimal? Doel, decimal? Realisatie, decimal? Sroi, decimal Realisatiepercentage,
    decimal? RealisatiepercentageSroiScenario, decimal? Verschil, decimal? GepubliceerdInclSroi, bool Gepubliceerd, string Bron,
    IReadOnlyList<Rules.Contracts.StapView> Stappen);

/// <summary>
/// The published sector figures (data/published/sectoren.csv and documenten.csv, embedded in the web assembly) parsed by the
/// rules core's <see cref="PublishedSectorFigures"/>, and the SROI scenario per sector computed by <see cref="RegimeComparison.Sector"/>.
/// Independent of the web database: these are the documents' own figures.
/// </summary>
public static class PublishedSectors
{
    public static PublishedSectorFigures Figures => Banenmonitor.Web.Infrastructure.PublishedSources.Figures;

    /// <summary>
    /// Years with a sector figure to show: a target with a realisation (the percentage is recomputed) or a published
    /// realisation percentage (2024: Rijk 85%, politie 68%). The same rule decides which years are offered and accepted.
    /// </summary>
    public static IReadOnlyList<int> Years => Figures.Years.Where(y => ForYear(y).Count > 0).ToList();

    /// <summary>The year the page opens on: the latest year in which some sector's percentage can be recomputed, else the latest year.</summary>
    public static int DefaultYear
    {
        get
        {
            var years = Years;
            return years.Where(y => ForYear(y).Any(r => !r.Gepubliceerd)).DefaultIfEmpty(years.DefaultIfEmpty().Max()).Max();
        }
    }

    public static IReadOnlyList<SectorVergelijking> ForYear(int year)
    {
        var rows = new List<SectorVergelijking>();
        foreach (var f in Figures.ForYear(year))
        {
            if (f.Target is { Value: > 0 } t && f.Realised is { } r)
            {
                var sc = RegimeComparison.Sector(f.Sector.Code, year, new Jobs(t.Value), new Jobs(r.Value), f.Sroi is { } s ? new Jobs(s.Value) : null);
                var trace = sc.SroiForProcurer?.Trace ?? sc.Current.Trace;
                rows.Add(new SectorVergelijking(f.Sector.Code, f.Sector.Name, t.Value, r.Value, f.Sroi?.Value, sc.CurrentPercentage, sc.ScenarioPercentage,
                    sc.DifferencePoints, f.PercentageIncludingSroi?.Value, false,
                    $"{t.Citation}; {r.Citation}" + (f.Sroi is { } s2 ? "; " + s2.Citation : ""), Rules.Explanations.TraceViews.ToView(trace)));
            }
            else if (f.Percentage is { } p)
                rows.Add(new SectorVergelijking(f.Sector.Code, f.Sector.Name, f.Target?.Value, f.Realised?.Value, f.Sroi?.Value, p.Value, null, null,
                    f.PercentageIncludingSroi?.Value, true, p.Citation, []));
        }
        return rows;
    }
}
