using Banenmonitor.Data.Model;
using Banenmonitor.Reports.Charts;

namespace Banenmonitor.Web.Features.Landelijk;

/// <summary>One quarter of a stored run: jobs at the end of the quarter, against the baseline, and the persons working then.</summary>
public sealed record QuarterRow(int Kwartaal, decimal Banen, decimal Toename, long Personen);

/// <summary>One labour-market region at the end of the run's last quarter (the year's end).</summary>
public sealed record RegionRow(int Nummer, string Regio, decimal Banen, long Personen);

/// <summary>
/// The measurement per quarter and per labour-market region of a stored national run, as the national page shows it
/// (<c>_KwartalenRegios</c>): the quarterly series and the regions sorted by jobs, each with a chart and its table.
/// Null from <see cref="From"/> when the run has no quarters (made before they were stored).
/// </summary>
public sealed record QuarterRegionView(int Jaar, decimal Nulmeting, IReadOnlyList<QuarterRow> Kwartalen, IReadOnlyList<RegionRow> Regios,
    string Indeling, long ZonderRegio)
{
    public static QuarterRegionView? From(NationalRun r)
    {
        if (r.Quarters.Count == 0) return null;
        var last = r.Quarters.Max(q => q.Quarter);
        return new QuarterRegionView(r.Year, r.BaselineJobs,
            [.. r.Quarters.OrderBy(q => q.Quarter).Select(q => new QuarterRow(q.Quarter, q.Jobs, q.Jobs - r.BaselineJobs, q.Persons))],
            [.. r.Regions.Where(x => x.Quarter == last).OrderByDescending(x => x.Jobs).ThenBy(x => x.RegionNumber)
                .Select(x => new RegionRow(x.RegionNumber, x.RegionName, x.Jobs, x.Persons))],
            r.RegionSource ?? "", r.EmployersWithoutRegion);
    }

    public string QuarterChart() => SvgCharts.Line(
        new ChartText($"Banen van de doelgroep per kwartaal, {Jaar}",
            $"Banen van de doelgroep aan het eind van elk kwartaal van {Jaar} (uren in de laatste maand van het kwartaal ÷ uren per baan per maand), berekend uit de polisgegevens.",
            "banen"),
        [new ChartSeries("Banen eind kwartaal", Kwartalen.Select(q => new ChartPoint($"K{q.Kwartaal}", q.Banen)).ToList())],
        width: 480, height: 300);

    public string RegionChart() => SvgCharts.Bar(
        new ChartText($"Banen van de doelgroep per arbeidsmarktregio, eind {Jaar}",
            $"Banen van de doelgroep eind {Jaar} per arbeidsmarktregio (naar de gemeente van de werkgever), van veel naar weinig.", "banen"),
        [new ChartSeries("Banen eind " + Jaar, Regios.Select(x => new ChartPoint(x.Regio, x.Banen)).ToList())],
        width: 720, height: 460);
}
