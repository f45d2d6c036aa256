using Banenmonitor.Reports.Charts;
using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Contracts;

namespace Banenmonitor.Web.Features.Landelijk;

/// <summary>
/// The UWV quarterly figures of a year beside the yearly measurement (<c>data/published/kwartaalrapportages.csv</c>): each figure
/// with its status and source, the sums <c>controle</c> checks, and a chart of the extra jobs at the end of each quarter between
/// the measurement at the end of the previous year and the one at the end of this year, with the target path.
/// </summary>
public static class QuarterlyFiguresView
{
    public static QuarterlyFigures Published => Banenmonitor.Web.Infrastructure.PublishedSources.Quarterly;

    /// <summary>The quarterly figures of the year with their checks, as the page and the API show them.</summary>
    public static KwartaalcijfersView For(int year) =>
        KwartaalcijfersView.From(Published, Banenmonitor.Web.Infrastructure.PublishedSources.Figures.Documents, year);

    /// <summary>
    /// At each year end of the chart (end of last year, end of this year) where both exist: the UWV's fourth-quarter total
    /// beside the yearly measurement, in a sentence. They differ because the yearly measurement is made later on corrected
    /// data; the sentence says so instead of leaving the reader to wonder which is right.
    /// </summary>
    public static IReadOnlyList<string> YearEnds(int year, IReadOnlyList<NationalYear> measured) =>
        [.. new[] { year - 1, year }.Select(y => (y, q: Published.Find(y, 4, MeasurementSector.Total, EmploymentForm.Total, QuarterlyFigures.Increase),
                m: measured.FirstOrDefault(n => n.Jaar == y)?.Totaal))
            .Where(t => t.q is not null && t.m is not null)
            .Select(t => $"Eind {t.y}: {Banenmonitor.Rules.Units.DutchFormat.Number(t.q!.Value)} extra banen volgens de kwartaalcijfers, " +
                         $"{Banenmonitor.Rules.Units.DutchFormat.Number(t.m!.Value)} volgens de jaarlijkse meting" +
                         (t.q.Value == t.m.Value ? "." : $" (verschil {Banenmonitor.Rules.Units.DutchFormat.Number(t.q.Value - t.m.Value)})."))];

    /// <summary>The line chart, or null when the year has no quarterly figure of extra jobs.</summary>
    public static string? Chart(int year, IReadOnlyList<NationalYear> measured)
    {
        var f = Published;
        if (!f.OfYear(year).Any(r => r.Quantity == QuarterlyFigures.Increase)) return null;
        var slots = new[] { (year - 1, 4), (year, 1), (year, 2), (year, 3), (year, 4) };
        static string Category((int Year, int Quarter) s) => s.Quarter == 4 ? $"eind {s.Year}" : $"K{s.Quarter} {s.Year}";
        ChartSeries? Quarterly(string label, EmploymentForm form)
        {
            var points = slots.Select(s => new ChartPoint(Category(s), f.Find(s.Item1, s.Item2, MeasurementSector.Total, form, QuarterlyFigures.Increase)?.Value)).ToList();
            return points.Any(p => p.Value is not null) ? new ChartSeries(label, points) : null;
        }
        ChartSeries Yearly(string label, Func<NationalYear, decimal?> value, SeriesStyle style) => new(label,
            slots.Select(s => new ChartPoint(Category(s), s.Item2 == 4 ? measured.FirstOrDefault(y => y.Jaar == s.Item1) is { } m ? value(m) : null : null)).ToList(),
            style, Sparse: true);
        var series = new[]
        {
            Quarterly("UWV: totaal (zoals gepubliceerd)", EmploymentForm.Total),
            Quarterly("UWV: formeel dienstverband", EmploymentForm.Formal),
            Quarterly("UWV: inleenverband", EmploymentForm.HiredIn),
            Yearly("Jaarlijkse meting (officieel)", y => y.Totaal, SeriesStyle.Solid),
            Yearly("Doelstelling (ingroeipad)", y => y.DoelTotaal, SeriesStyle.Dashed),
        }.OfType<ChartSeries>().ToList();
        return SvgCharts.Line(new ChartText($"Kwartaalcijfers UWV {year} naast de jaarlijkse meting",
            $"Extra banen ten opzichte van de nulmeting (eind 2012) aan het eind van elk kwartaal van {year} volgens de kwartaalcijfers van UWV " +
            $"(indicatief), naast de officiële jaarlijkse meting eind {year - 1} en eind {year} en de doelstelling van het ingroeipad (gestippeld). " +
            "De tabel onder de grafiek bevat dezelfde cijfers met hun bron.", "banen"), series);
    }
}
