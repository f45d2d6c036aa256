using Banenmonitor.Rules.Contracts;
using Banenmonitor.Reports.Charts;
using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Units;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Web.Features.Landelijk;

/// <summary>One year of the national measurement: realised extra jobs and targets per sector.</summary>
public sealed record NationalYear(int Jaar, decimal? Markt, decimal? Overheid, decimal? Totaal, decimal? DoelMarkt, decimal? DoelOverheid,
    decimal? DoelTotaal, string Bron, bool Afgeleid);

/// <summary>A cell of the measurement by form, with how the computation compares with the publication.</summary>
public sealed record NationalCell(string Sector, string Vorm, decimal Berekend, decimal? Gepubliceerd, string? Overeenkomst, string? Toelichting);

public sealed record NationalView(IReadOnlyList<NationalYear> Jaren, NationalYear Gekozen, IReadOnlyList<NationalCell>? Cellen,
    IReadOnlyList<Banenmonitor.Rules.Contracts.StapView>? Stappen, string? Probleem);

/// <summary>The national dashboard query: published figures (data/published/landelijke_meting.csv) and targets from the parameters.</summary>
public static class NationalQuery
{
    public static NationalFigures Published => Banenmonitor.Web.Infrastructure.PublishedSources.National;

    public static IReadOnlyList<NationalYear> Years(ParameterSet parameters)
    {
        var f = Published;
        return f.Years.Select(y =>
        {
            decimal? V(MeasurementSector s) => f.Find(y, s, EmploymentForm.Total, NationalFigures.Increase)?.Value;
            decimal? T(string name) => parameters.TryGet(name, y, out var p) ? p!.Value : null;
            var total = f.Find(y, MeasurementSector.Total, EmploymentForm.Total, NationalFigures.Increase);
            var dm = T(P.TargetMarket);
            var dg = T(P.TargetGovernment);
            var derived = f.Rows.Any(r => r.Year == y && r.Quantity == NationalFigures.Increase && r.Status == ParameterStatus.Derived);
            return new NationalYear(y, V(MeasurementSector.Market), V(MeasurementSector.Government), V(MeasurementSector.Total), dm, dg,
                dm is not null && dg is not null ? dm + dg : null, total?.Source ?? "", derived);
        }).Where(y => y.Totaal is not null || y.Markt is not null).ToList();
    }

    public static NationalView View(ParameterSet parameters, int? year)
    {
        var years = Years(parameters);
        var chosen = years.FirstOrDefault(y => y.Jaar == year) ?? years[^1];
        IReadOnlyList<NationalCell>? cells = null;
        IReadOnlyList<Banenmonitor.Rules.Contracts.StapView>? steps = null;
        string? problem = null;
        var input = Published.InputFor(chosen.Jaar);
        if (input is not null)
        {
            try
            {
                var result = new NationalMeasurement(parameters).Compute(input, Published.PublishedCells(chosen.Jaar));
                cells = result.Cells.Select(c => new NationalCell(c.Sector.Dutch(), c.Form.Dutch(), c.Computed, c.Published?.Value,
                    c.Agreement switch { CellAgreement.Equal => "gelijk", CellAgreement.Rounding => "afronding", CellAgreement.Substantive => "inhoudelijk verschil", _ => null },
                    c.Explanation)).ToList();
                steps = Banenmonitor.Rules.Explanations.TraceViews.ToView(result.Trace);
            }
            catch (MissingParameterException e) { problem = e.Message; }
        }
        return new NationalView(years, chosen, cells, steps, problem);
    }

    public static string TargetPathChart(IReadOnlyList<NationalYear> years) => SvgCharts.Line(
        new ChartText("Ingroeipad en realisatie, totaal", "Extra banen ten opzichte van de nulmeting (eind 2012) per jaar: de doelstelling (ingroeipad, gestippeld) " +
            "en het gerealiseerde aantal. De tabel onder de grafiek bevat dezelfde cijfers.", "banen"),
        [
            new ChartSeries("Doelstelling (ingroeipad)", years.Select(y => new ChartPoint(y.Jaar.ToString(), y.DoelTotaal)).ToList(), SeriesStyle.Dashed),
            new ChartSeries("Gerealiseerd", years.Select(y => new ChartPoint(y.Jaar.ToString(), y.Totaal)).ToList()),
        ]);

    public static string SectorChart(IReadOnlyList<NationalYear> years) => SvgCharts.Line(
        new ChartText("Realisatie en doelstelling per sector", "Extra banen in de sector markt en de sector overheid, gerealiseerd en volgens het ingroeipad (gestippeld).", "banen"),
        [
            new ChartSeries("Markt, gerealiseerd", years.Select(y => new ChartPoint(y.Jaar.ToString(), y.Markt)).ToList()),
            new ChartSeries("Overheid, gerealiseerd", years.Select(y => new ChartPoint(y.Jaar.ToString(), y.Overheid)).ToList()),
            new ChartSeries("Markt, doelstelling", years.Select(y => new ChartPoint(y.Jaar.ToString(), y.DoelMarkt)).ToList(), SeriesStyle.Dashed),
            new ChartSeries("Overheid, doelstelling", years.Select(y => new ChartPoint(y.Jaar.ToString(), y.DoelOverheid)).ToList(), SeriesStyle.Dashed),
        ]);

    public static string FormChart(int year, IReadOnlyList<NationalCell> cells) => SvgCharts.Bar(
        new ChartText($"Toename per sector en vorm, {year}", $"Extra banen eind {year} ten opzichte van de nulmeting, per sector, uitgesplitst naar formele dienstverbanden en inleenverbanden (berekend met de verdeelsleutel).", "banen"),
        [
            new ChartSeries("Formeel dienstverband", cells.Where(c => c.Vorm == "formeel" && c.Sector != "totaal").Select(c => new ChartPoint(c.Sector, Math.Round(c.Berekend))).ToList()),
            new ChartSeries("Inleenverband", cells.Where(c => c.Vorm == "inleen" && c.Sector != "totaal").Select(c => new ChartPoint(c.Sector, Math.Round(c.Berekend))).ToList()),
        ]);

    public static string N(decimal? v, int decimals = 0) => v is { } x ? DutchFormat.Number(x, decimals) : "—";
    public static string Pct(decimal? part, decimal? whole) => part is { } p && whole is { } w && w != 0 ? DutchFormat.Percent(p / w * 100m, 1) : "—";
}
