using System.Globalization;
using System.Net;
using System.Text;
using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Reports.Charts;
using Banenmonitor.Reports.Progress;
using Banenmonitor.Rules.Published;
using Banenmonitor.Survey.SectorTotals;

namespace Banenmonitor.Reports.Sectors;

/// <summary>
/// A sector total an analyst approved from the sector's register (<see cref="Approved"/>: method, figure, interval,
/// coverage) with the sector's employers as the register gives them now (<see cref="Outcome"/>, null when the register
/// can no longer be read).
/// </summary>
public sealed record SectorEmployerDistribution(string SectorCode, string SectorName, int Year, SectorEstimateChoice Approved, SectorRegisterOutcome? Outcome);

/// <summary>
/// The progress report's part of "sectors built from their employers": where an approved sector total exists, the
/// sector's total in the report is that estimate with its method and interval, and the section "Verdeling over
/// werkgevers" shows how the sector's employers are spread over their percentage of their own target (the figures the
/// Kamerbrief BZK 2024 over 2023 reports for mbo and hbo). Read from the database by <see cref="WithSectorEmployersAsync"/>.
/// </summary>
public static class SectorEmployersReport
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>These sources plus the approved sector totals of the year (and the year before) with their employers.</summary>
    public static async Task<ReportSources> WithSectorEmployersAsync(this ReportSources sources, BanenmonitorDbContext db, int year, CancellationToken ct = default)
    {
        var list = new List<SectorEmployerDistribution>(sources.SectorEmployers ?? []);
        foreach (var (code, choice) in await SectorRegisterQuery.ApprovedAsync(db, year, ct))
        {
            SectorRegisterOutcome? outcome;
            try { outcome = await SectorRegisterEstimates.LoadAsync(db, code, year, ct); }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException) { outcome = null; }
            list.Add(new SectorEmployerDistribution(code, PublicSectors.Find(code)?.Name ?? code, year, choice, outcome));
        }
        return sources with { SectorEmployers = list };
    }

    public static SectorEmployerDistribution? For(ReportSources sources, PublicSector sector, int year) =>
        sources.SectorEmployers?.FirstOrDefault(d => d.Year == year && string.Equals(d.SectorCode, sector.Code, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The sector total of the report: the approved estimate (first, so it is the main estimate) beside the published
    /// figures; null when no total was approved (the report then shows the published view).
    /// </summary>
    public static SectorTotalView? Total(ReportSources sources, PublicSector sector, int year, SectorYearFigures published)
    {
        if (For(sources, sector, year) is not { } d) return null;
        var c = d.Approved;
        var p = published.Realised is not null ? SectorTotalView.From(PublishedSectorTotal.From(published)) : null;
        var incomplete = c.EmployersReported < c.EmployersTotal;
        var method = SectorTotalMethodText.TryParse(c.Method, out var m) ? m : SectorTotalMethod.Sum;
        var interval = c.Lower is { } lo && c.Upper is { } hi ? $"{lo.ToString("N0", Nl)} – {hi.ToString("N0", Nl)} (95%-betrouwbaarheidsinterval)" : "geen interval: telling van wat gerapporteerd is";
        var row = new SchattingRegel(c.Method, method.Dutch() + " (goedgekeurd)", (double)c.Estimate,
            c.Estimate.ToString("N0", Nl) + (method == SectorTotalMethod.Sum && incomplete ? " (ondergrens)" : ""),
            (double?)c.StandardError, (double?)c.Lower, (double?)c.Upper, interval, method == SectorTotalMethod.Sum && incomplete, Assumption(method),
            Source(d.SectorName, c), []);
        return new SectorTotalView(sector.Code, sector.Name, year, p?.GepubliceerdeSom, incomplete, CoverageText(c), c.Method, [row, .. p?.Schattingen ?? []],
            p is null ? "sectorregister (Banenmonitor)" : p.Bron + "; sectorregister (Banenmonitor)");
    }

    /// <summary>Where an approved sector total comes from, in Dutch (the report and the scenarios say the same).</summary>
    public static string Source(string sectorName, SectorEstimateChoice c) =>
        $"sectortotaal uit het sectorregister van {sectorName}, gekozen door de sector en goedgekeurd op {c.ApprovedAt:dd-MM-yyyy}";

    private static string Assumption(SectorTotalMethod m) => m switch
    {
        SectorTotalMethod.Ratio => SectorTotalEstimator.RatioAssumption,
        SectorTotalMethod.PostStratified => SectorTotalEstimator.PostStratifiedAssumption,
        _ => SectorTotalEstimator.SumAssumption,
    };

    private static string CoverageText(SectorEstimateChoice c) =>
        $"{c.EmployersReported} van de {c.EmployersTotal} werkgevers, {c.SizeShareReported.ToString("0.0", Nl)}% van de omvang (sectorregister)";

    /// <summary>The distribution over percentage of own target as a bar chart (web page and report).</summary>
    public static string DistributionChart(SectorRegisterOutcome o, string sectorName) =>
        SvgCharts.Bar(new ChartText($"Verdeling van de werkgevers van {sectorName} over hun realisatie als percentage van het eigen doel, {o.Year}",
                $"Aantal werkgevers per klasse van het percentage van hun eigen doel dat zij realiseerden; {o.Summary.Employers} werkgevers in het register.", "werkgevers"),
            [new ChartSeries("Werkgevers", o.Distribution.Select(b => new ChartPoint(b.Label, b.Employers)).ToList())]);

    /// <summary>The section "Verdeling over werkgevers" of one sector as report HTML (also the PDF's source).</summary>
    public static string Html(SectorEmployerDistribution d)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var c = d.Approved;
        var sb = new StringBuilder("<h4>Verdeling over werkgevers</h4>");
        sb.Append($"<p class=\"schatting\">Goedgekeurd sectortotaal uit het sectorregister: <strong>{E(c.Estimate.ToString("N0", Nl))} banen</strong> ")
          .Append($"({E(SectorRegisterEstimates.MethodDutch(c.Method))}); ")
          .Append(E(c.Lower is { } lo && c.Upper is { } hi ? $"95%-betrouwbaarheidsinterval {lo.ToString("N0", Nl)} – {hi.ToString("N0", Nl)}" : "geen interval"))
          .Append($"; dekking {E(CoverageText(c))}; goedgekeurd op {c.ApprovedAt:dd-MM-yyyy}.</p>");
        if (d.Outcome is not { } o)
        {
            sb.Append("<p class=\"opmerking\">Het sectorregister van dit jaar is niet meer te lezen; de verdeling ontbreekt.</p>");
            return sb.ToString();
        }
        if (!SectorRegisterEstimates.StillCurrent(c, o))
            sb.Append("<p class=\"opmerking\">Het sectorregister is gewijzigd na de goedkeuring; de verdeling hieronder is die van het huidige register.</p>");
        var s = o.Summary;
        sb.Append($"<p>Van de {s.Employers} werkgevers in het register rapporteerden er {s.Reported}; {s.WithoutJobs} hebben geen banen voor de doelgroep ")
          .Append($"({s.WithoutJobsOrUnknown} zonder banen of onbekend). {s.BelowHalf} van de {s.WithTargetAndReport} werkgevers met een eigen doel en een rapportage ")
          .Append($"({E(s.BelowHalfPercent is { } bp ? bp.ToString("0.0", Nl) + "%" : "—")}) realiseerden minder dan de helft van hun doel; {s.TargetReached} haalden hun doel")
          .Append(s.MedianPercent is { } med ? $"; de mediaan is {E(med.ToString("0.0", Nl))}% van het eigen doel.</p>" : ".</p>");
        sb.Append($"<table class=\"verdeling\"><caption>Werkgevers van {E(d.SectorName)} {d.Year} naar percentage van het eigen doel</caption>")
          .Append("<thead><tr><th scope=\"col\">Klasse</th><th scope=\"col\" class=\"getal\">Werkgevers</th></tr></thead><tbody>");
        foreach (var b in o.Distribution) sb.Append($"<tr><th scope=\"row\">{E(b.Label)}</th><td class=\"getal\">{b.Employers}</td></tr>");
        sb.Append("</tbody></table>");
        sb.Append("<figure class=\"verdeling\">").Append(DistributionChart(o, d.SectorName)).Append("</figure>");
        return sb.ToString();
    }
}
