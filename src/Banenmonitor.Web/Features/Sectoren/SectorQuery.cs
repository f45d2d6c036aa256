using Banenmonitor.Reports.Charts;
using Banenmonitor.Rules.Sectors;
using Banenmonitor.Rules.Units;
using Banenmonitor.Web.Infrastructure;

namespace Banenmonitor.Web.Features.Sectoren;

/// <summary>A consistency remark on a sector figure (e.g. a published percentage that does not follow from its own numbers).</summary>
public sealed record Controle(string Soort, string Melding);

/// <summary>One sector in one year as shown on the sector pages and in the API (Dutch field names).</summary>
public sealed record SectorRegel(string Sector, string Naam, int Jaar, decimal? Doel, decimal? Realisatie, decimal? Sroi,
    decimal? Percentage, decimal? PercentageInclSroi, decimal? GepubliceerdPercentage, decimal? GepubliceerdPercentageInclSroi,
    string? Bron, string? Status, IReadOnlyList<Controle> Controles)
{
    public bool Gerapporteerd => Realisatie is not null || GepubliceerdPercentage is not null;
}

public static class SectorQuery
{
    public static SectorRegel Row(PublicSector sector, int year, SectorFigure? f)
    {
        if (f is null) return new(sector.Code, sector.Name, year, null, null, null, null, null, null, null, null, null,
            [new Controle("ontbreekt", $"Geen cijfers gerapporteerd over {year}.")]);
        decimal? pct = null, pctSroi = null;
        var checks = new List<Controle>();
        if (f.Target is { } t && t > 0 && f.Realised is { } r)
        {
            var res = SectorRealisation.Compute(new Jobs(t), new Jobs(r), f.Sroi is { } s ? new Jobs(s) : null);
            pct = res.Percentage.Points;
            pctSroi = res.PercentageIncludingSroi?.Points;
            Check("realisatiepercentage", f.PublishedPercentage, pct.Value, t, r, checks);
            if (pctSroi is { } ps) Check("percentage inclusief SROI", f.PublishedPercentageInclSroi, ps, t, r + f.Sroi!.Value, checks);
        }
        else
        {
            if (f.Target is null) checks.Add(new("ontbreekt", "Geen doel gerapporteerd: het realisatiepercentage is niet te berekenen."));
            if (f.Realised is null) checks.Add(new("ontbreekt", "Geen absolute realisatie gerapporteerd."));
        }
        return new(sector.Code, sector.Name, year, f.Target, f.Realised, f.Sroi, pct, pctSroi, f.PublishedPercentage, f.PublishedPercentageInclSroi,
            f.Source, f.Status.ToString().ToLowerInvariant(), checks);
    }

    /// <summary>
    /// Is the published percentage explained by the published (rounded) numbers? The numerator and denominator stand
    /// for ± half a unit of their last decimal, the percentage for ± half a unit of its last decimal.
    /// </summary>
    private static void Check(string what, decimal? published, decimal computed, decimal target, decimal realised, List<Controle> checks)
    {
        if (published is not { } p) return;
        // Values come back from the database with their scale lost or padded: the written decimals are those without trailing zeros.
        p = Normalise(p); target = Normalise(target); realised = Normalise(realised);
        var dec = ValueInterval.DecimalsOf(p);
        var inputHalf = 0.5m * Pow10(-Math.Max(ValueInterval.DecimalsOf(target), 0));
        var realHalf = 0.5m * Pow10(-Math.Max(ValueInterval.DecimalsOf(realised), 0));
        var low = (realised - realHalf) / (target + inputHalf) * 100m;
        var high = (realised + realHalf) / (target - inputHalf) * 100m;
        var half = 0.5m * Pow10(-dec);
        if (p + half < low || p - half > high)
            checks.Add(new("inconsistent", $"Gepubliceerd {what} {DutchFormat.Number(p, dec)}% volgt niet uit de eigen cijfers: berekend {DutchFormat.Fixed(computed, Math.Max(dec, 1))}% " +
                                           $"(bereik door afronding {DutchFormat.Fixed(low, 2)}–{DutchFormat.Fixed(high, 2)}%)."));
    }

    private static decimal Normalise(decimal v) => v / 1.0000000000000000000000000000m;

    private static decimal Pow10(int e) { var v = 1m; for (var i = 0; i < Math.Abs(e); i++) v = e < 0 ? v / 10 : v * 10; return v; }

    public static IReadOnlyList<SectorRegel> ForYear(IReadOnlyList<SectorFigure> all, int year) =>
        PublicSectors.All.Select(s => Row(s, year, all.FirstOrDefault(f => f.SectorCode == s.Code && f.Year == year))).ToList();

    public static IReadOnlyList<SectorRegel> History(IReadOnlyList<SectorFigure> all, PublicSector sector, IReadOnlyList<int> years) =>
        years.Select(y => Row(sector, y, all.FirstOrDefault(f => f.SectorCode == sector.Code && f.Year == y))).ToList();

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

    public static string YearChart(int year, IReadOnlyList<SectorRegel> rows) => SvgCharts.Bar(
        new ChartText($"Realisatiepercentage per sector {year}", $"Realisatie als percentage van het doel per publieke sector in {year}; sectoren zonder doel of realisatie ontbreken.", "%"),
        [
            new ChartSeries("Realisatie", rows.Select(r => new ChartPoint(r.Sector, r.Percentage.HasValue ? Math.Round(r.Percentage.Value, 1) : null)).ToList()),
            new ChartSeries("Inclusief SROI", rows.Select(r => new ChartPoint(r.Sector, r.PercentageInclSroi.HasValue ? Math.Round(r.PercentageInclSroi.Value, 1) : null)).ToList()),
        ], width: 760, height: 400);

    public static string N(decimal? v) => v is { } x ? DutchFormat.Number(x, 1) : "—";
    public static string P(decimal? v) => v is { } x ? DutchFormat.Percent(x, 1) : "—";
}
