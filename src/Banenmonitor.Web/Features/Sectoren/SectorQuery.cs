using Banenmonitor.Data.Model;
using Banenmonitor.Reports.Charts;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Sectors;
using Banenmonitor.Rules.Units;
using Banenmonitor.Web.Infrastructure;

namespace Banenmonitor.Web.Features.Sectoren;

/// <summary>A consistency remark on a sector figure (e.g. a published percentage that does not follow from its own numbers).</summary>
/// <param name="Oplossing">For a substantive finding an analyst resolved: which value stands, why, who and when.</param>
public sealed record Controle(string Soort, string Melding, string? Oplossing = null);

/// <summary>
/// The short badge for a row's remarks, the most serious one winning: <i>inhoudelijk verschil</i> (the sources
/// contradict each other beyond rounding), <i>afronding</i> (a difference rounding explains), <i>ontbreekt</i> (a figure
/// is missing), or <i>in orde</i> when there is no remark. The remarks themselves are the details behind the badge.
/// </summary>
public sealed record ControleBadge(string Tekst, string Klasse, IReadOnlyList<Controle> Details)
{
    public static ControleBadge Of(IReadOnlyList<Controle> controles)
    {
        bool Any(CheckOutcome o) => controles.Any(c => c.Soort == o.Dutch() && c.Oplossing is null);
        var resolved = controles.Any(c => c.Oplossing is not null);
        return Any(CheckOutcome.Substantive) ? new("inhoudelijk verschil", "bm-label--fout", controles)
            : resolved ? new("opgelost", "bm-label--ok", controles)
            : Any(CheckOutcome.Rounding) ? new("afronding", "bm-label--onbevestigd", controles)
            : controles.Count > 0 ? new("ontbreekt", "bm-label--onbevestigd", controles)
            : new("in orde", "bm-label--ok", controles);
    }
}

/// <summary>One sector in one year as shown on the sector pages and in the API (Dutch field names).</summary>
public sealed record SectorRegel(string Sector, string Naam, int Jaar, decimal? Doel, decimal? Realisatie, decimal? Sroi,
    decimal? Percentage, decimal? PercentageInclSroi, decimal? GepubliceerdPercentage, decimal? GepubliceerdPercentageInclSroi,
    string? Bron, string? Status, IReadOnlyList<Controle> Controles)
{
    public bool Gerapporteerd => Realisatie is not null || GepubliceerdPercentage is not null;
}

public static class SectorQuery
{
    public static SectorRegel Row(PublicSector sector, int year, SectorFigure? f, SectorChecks checks, IReadOnlyList<Resolution>? resolutions = null)
    {
        if (f is null) return new(sector.Code, sector.Name, year, null, null, null, null, null, null, null, null, null,
            [new Controle("ontbreekt", $"Geen cijfers gerapporteerd over {year}.")]);
        decimal? pct = null, pctSroi = null;
        var controles = new List<Controle>();
        if (f.Target is { } t && t > 0 && f.Realised is { } r)
        {
            var res = SectorRealisation.Compute(new Jobs(t), new Jobs(r), f.Sroi is { } s ? new Jobs(s) : null);
            pct = res.Percentage.Points;
            pctSroi = res.PercentageIncludingSroi?.Points;
        }
        else
        {
            if (f.Target is null) controles.Add(new("ontbreekt", "Geen doel gerapporteerd: het realisatiepercentage is niet te berekenen."));
            if (f.Realised is null) controles.Add(new("ontbreekt", "Geen absolute realisatie gerapporteerd."));
        }
        // Where the sources contradict themselves (or an entered report its own percentage): the rules core's checks, as `controle` reports them.
        foreach (var c in checks.For(f))
        {
            var resolution = c.Outcome == CheckOutcome.Substantive && f.FromDocuments
                ? resolutions?.Where(r => r.Year == c.Year && r.Key == FindingKey.Of(c)).MaxBy(r => r.Id) : null;
            controles.Add(new(c.Outcome.Dutch(), $"{c.Figure}: {c.Explanation} (bron: {c.DocumentName})", resolution?.Summary(c)));
        }
        return new(sector.Code, sector.Name, year, f.Target, f.Realised, f.Sroi, pct, pctSroi, f.PublishedPercentage, f.PublishedPercentageInclSroi,
            f.Source, f.Status.Dutch(), controles);
    }

    public static IReadOnlyList<SectorRegel> ForYear(IReadOnlyList<SectorFigure> all, int year, SectorChecks checks, IReadOnlyList<Resolution>? resolutions = null) =>
        ReportingLines.All.Select(s => Row(s, year, all.FirstOrDefault(f => f.SectorCode == s.Code && f.Year == year), checks, resolutions)).ToList();

    public static IReadOnlyList<SectorRegel> History(IReadOnlyList<SectorFigure> all, PublicSector sector, IReadOnlyList<int> years, SectorChecks checks,
        IReadOnlyList<Resolution>? resolutions = null) =>
        years.Select(y => Row(sector, y, all.FirstOrDefault(f => f.SectorCode == sector.Code && f.Year == y), checks, resolutions)).ToList();

    public static string Sparkline(PublicSector sector, IReadOnlyList<SectorRegel> history)
    {
        var pts = history.Select(h => new ChartPoint(h.Jaar.ToString(), h.Realisatie)).ToList();
        return SvgCharts.Sparkline(new ChartText($"Trend realisatie {sector.Name}", "Gerealiseerde banen (fta) per jaar: " + SvgCharts.Describe(pts, "fta"), "fta"), pts);
    }

    public static string HistoryChart(PublicSector sector, IReadOnlyList<SectorRegel> history) => SvgCharts.Line(
        new ChartText($"Doel en realisatie {sector.Name}", $"Doel (gestippeld) en gerealiseerde banen in fta per jaar voor {sector.Name}. De tabel eronder bevat dezelfde cijfers.", "fta"),
        [
            new ChartSeries("Doel", history.Select(h => new ChartPoint(h.Jaar.ToString(), h.Doel)).ToList(), SeriesStyle.Dashed),
            new ChartSeries("Realisatie", history.Select(h => new ChartPoint(h.Jaar.ToString(), h.Realisatie)).ToList()),
            new ChartSeries("Realisatie inclusief SROI", history.Select(h => new ChartPoint(h.Jaar.ToString(), h.Sroi is { } s && h.Realisatie is { } r ? r + s : null)).ToList()),
        ]);

    /// <summary>
    /// The year to open on: the latest year in which some sector's realisation percentage can be computed (a target and
    /// a realisation), i.e. the latest year whose chart is not empty; the latest year with any figure when there is none.
    /// </summary>
    public static int LatestYearWithData(IReadOnlyList<SectorFigure> all) =>
        all.Where(f => f.Target is > 0 && f.Realised is not null).Select(f => f.Year).DefaultIfEmpty(all.Select(f => f.Year).DefaultIfEmpty().Max()).Max();

    public static string YearChart(int year, IReadOnlyList<SectorRegel> rows) => SvgCharts.Bar(
        new ChartText($"Realisatiepercentage per sector {year}", $"Realisatie als percentage van het doel per publieke sector in {year}; sectoren zonder doel of realisatie ontbreken.", "%"),
        [
            new ChartSeries("Realisatie", rows.Select(r => new ChartPoint(r.Sector, r.Percentage.HasValue ? Math.Round(r.Percentage.Value, 1) : null)).ToList()),
            new ChartSeries("Inclusief SROI", rows.Select(r => new ChartPoint(r.Sector, r.PercentageInclSroi.HasValue ? Math.Round(r.PercentageInclSroi.Value, 1) : null)).ToList()),
        ], width: 760, height: 400, reference: ChartReference.TargetReached);

    public static string N(decimal? v) => v is { } x ? DutchFormat.Number(x, 1) : "—";
    public static string P(decimal? v) => v is { } x ? DutchFormat.Percent(x, 1) : "—";
}
