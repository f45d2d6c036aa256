using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.WorkAgendas;
using Banenmonitor.Reports.Charts;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Units;
using Banenmonitor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Banenmonitor.Web.Features.Werkagenda;

/// <summary>The sector's own target and realisation in one year of the agenda's period (from the approved/published sector reports).</summary>
public sealed record SectorYear(int Year, decimal? Target, decimal? Realised);

/// <summary>Everything the detail page, the document and the spreadsheet show of one agenda.</summary>
public sealed record AgendaView(AgendaMonitor Monitor, IReadOnlyList<SectorYear> Sector, string SectorName)
{
    public WorkAgenda Agenda => Monitor.Agenda;
}

/// <summary>One row of the cross-sector comparison.</summary>
public sealed record SectorScore(string SectorCode, string SectorName, WorkAgenda? FromDocuments, WorkAgenda? Latest)
{
    public int? DocumentScore => FromDocuments is null ? null : WorkAgendaMonitor.Score(FromDocuments);
    public int? LatestScore => Latest is null ? null : WorkAgendaMonitor.Score(Latest);
}

/// <summary>Queries, views and exports of the work agenda feature.</summary>
public sealed class WerkagendaQuery(WorkAgendaService service, SectorFigures figures, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<WorkAgenda>> AllAsync(CancellationToken ct) =>
        (await service.Agendas.AsNoTracking().ToListAsync(ct)).OrderBy(a => a.SectorId).ThenByDescending(a => a.PeriodStart).ThenByDescending(a => a.Id).ToList();

    public async Task<AgendaView?> ViewAsync(int id, CancellationToken ct)
    {
        var agenda = await service.Agendas.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agenda is null) return null;
        var code = agenda.SectorCode();
        var years = Enumerable.Range(agenda.PeriodStart.Year, agenda.PeriodEnd.Year - agenda.PeriodStart.Year + 1).ToList();
        var all = (await figures.AllAsync(ct)).Where(f => f.SectorCode == code).ToList();
        var sector = years.Select(y => all.FirstOrDefault(f => f.Year == y) is { } f ? new SectorYear(y, f.Target, f.Realised) : new SectorYear(y, null, null)).ToList();
        return new AgendaView(WorkAgendaMonitor.Monitor(agenda, Today), sector, ReportingLines.NameOf(code));
    }

    /// <summary>Per reporting line: the agenda derived from the documents and the latest agenda.</summary>
    public static IReadOnlyList<SectorScore> Comparison(IReadOnlyList<WorkAgenda> all) =>
        PublicSectors.All.Select(s =>
        {
            var mine = all.Where(a => a.SectorId == s.Id).ToList();
            return new SectorScore(s.Code, ReportingLines.NameOf(s.Code),
                mine.Where(a => a.DerivedFromDocuments).OrderByDescending(a => a.PeriodStart).FirstOrDefault(),
                mine.OrderByDescending(a => a.PeriodStart).ThenByDescending(a => a.Id).FirstOrDefault());
        }).Where(s => s.Latest is not null).ToList();

    public static string TypeChart(IReadOnlyList<SectorScore> rows)
    {
        var docs = WorkAgendaMonitor.TypeCounts(rows.Where(r => r.FromDocuments is not null).Select(r => r.FromDocuments!).ToList());
        var latest = WorkAgendaMonitor.TypeCounts(rows.Select(r => r.Latest!).ToList());
        return SvgCharts.Bar(
            new ChartText("Typen acties: in hoeveel werkagenda's", $"Per type actie het aantal werkagenda's dat het noemt: volgens de brondocumenten (van {docs[0].OutOf}) en in de laatste werkagenda per sector (van {latest[0].OutOf}).", "werkagenda's"),
            [
                new ChartSeries("Brondocumenten (rapport De Beleidsonderzoekers 2023)", docs.Select(c => new ChartPoint(c.Type.ShortLabel(), c.Agendas)).ToList()),
                new ChartSeries("Laatste werkagenda per sector", latest.Select(c => new ChartPoint(c.Type.ShortLabel(), c.Agendas)).ToList(), SeriesStyle.Dashed),
            ], 900, 420);
    }

    public static string ScoreChart(IReadOnlyList<SectorScore> rows) =>
        SvgCharts.Bar(
            new ChartText("Score per sector (0–12)", "Het aantal verschillende typen acties in de werkagenda per sector, zoals het onderzoek (rapport De Beleidsonderzoekers 2023, §4.1.1) scoorde.", "typen"),
            [
                new ChartSeries("Brondocumenten", rows.Select(r => new ChartPoint(r.SectorName, r.DocumentScore)).ToList()),
                new ChartSeries("Laatste werkagenda", rows.Select(r => new ChartPoint(r.SectorName, r.LatestScore)).ToList(), SeriesStyle.Dashed),
            ], 900, 420);

    public static string Number(decimal? v, int decimals = 1) => v is { } x ? DutchFormat.Number(x, decimals) : "—";

    /// <summary>
    /// The agenda as a document a board can sign: plan (actions, goals, forecasts, problems), monitoring, evaluation and
    /// signature lines. <paramref name="inlineStyle"/> for the PDF (printed from a file without the site's style sheet).
    /// </summary>
    public static string Document(AgendaView v, bool inlineStyle)
    {
        static string H(string? s) => WebUtility.HtmlEncode(s ?? "");
        var a = v.Agenda;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(H(a.Title)).Append("</title>");
        // The PDF: A4 landscape, and tables with fixed column widths whose text wraps (a long word or source breaks
        // anywhere) so the nine columns of the action table fit the page width instead of running off its right edge.
        if (inlineStyle)
            sb.Append("<style>@page{size:A4 landscape;margin:1.5cm}body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:10.5pt;margin:0;color:#000}h1{color:#154273}" +
                      "table{border-collapse:collapse;width:100%;margin:1em 0;table-layout:fixed}" +
                      "th,td{border:1px solid #999;padding:4px;text-align:left;vertical-align:top;overflow-wrap:anywhere}table.acties{font-size:8.5pt}" +
                      "td.getal{text-align:right}.handtekening{height:3em}thead{display:table-header-group}tr{break-inside:avoid}" +
                      string.Concat(ActionColumnWidths.Select((w, i) => $"table.acties th:nth-child({i + 1}){{width:{w}%}}")) + "</style>");
        else sb.Append("<link rel=\"stylesheet\" href=\"/css/banenmonitor.css\">");
        sb.Append("</head><body><main class=\"bm-main\">");
        sb.Append($"<h1>{H(a.Title)}</h1><p>Sector: {H(v.SectorName)} · Periode {a.PeriodStart:dd-MM-yyyy} t/m {a.PeriodEnd:dd-MM-yyyy} · Status: {a.Status.Dutch()} · Score {v.Monitor.Score} van {ActionTypes.MaxScore}</p>");
        if (a.DerivedFromDocuments) sb.Append($"<p><strong>Afgeleid uit de brondocumenten.</strong> {H(a.Source)}</p>");
        if (!string.IsNullOrWhiteSpace(a.ProblemAnalysis))
            sb.Append("<h2>Probleemanalyse (uit de evaluatie van de vorige werkagenda)</h2><p>").Append(H(a.ProblemAnalysis).Replace("\n", "<br>")).Append("</p>");
        sb.Append("<h2>Acties</h2><table class=\"acties\"><thead><tr><th>Actie</th><th>Type</th><th>Eigenaar</th><th>Planning</th><th>Knelpunt</th><th>Doelstellingen</th><th>Prognose banen</th><th>Gerealiseerd</th><th>Evaluatie</th></tr></thead><tbody>");
        foreach (var m in v.Monitor.Actions)
        {
            var x = m.Action;
            sb.Append($"<tr><td>{H(x.Title)}{(x.SourceQuote is { } q ? $"<br><em>“{H(q)}” ({H(x.Source)})</em>" : "")}</td><td>{H(x.Type.Label())}</td><td>{H(x.Owner)}</td>");
            sb.Append($"<td>{x.Start:dd-MM-yyyy} – {x.End:dd-MM-yyyy}{string.Concat(x.Milestones.OrderBy(ms => ms.Due).Select(ms => $"<br>{ms.Due:dd-MM-yyyy}: {H(ms.Description)}"))}</td><td>{H(x.Problem)}</td>");
            sb.Append("<td>").Append(string.Join("<br>", m.Goals.Select(g => $"{H(g.Goal.Level.Dutch())}: {H(g.Goal.Description)}{(g.Goal.Target is { } t ? $" ({Number(g.Realised)} van {Number(t)} {H(g.Goal.Unit)})" : g.Done ? " (uitgevoerd)" : "")}"))).Append("</td>");
            sb.Append($"<td class=\"getal\">{Number(m.Forecast)}</td><td class=\"getal\">{Number(m.Realised)}</td><td>{(x.Evaluation is { } e ? H(e.Dutch()) + (x.EvaluationReason is { } r ? ": " + H(r) : "") : "")}</td></tr>");
        }
        sb.Append($"</tbody><tfoot><tr><th colspan=\"6\">Totaal</th><td class=\"getal\">{Number(v.Monitor.ForecastJobs)}</td><td class=\"getal\">{Number(v.Monitor.RealisedJobs)}</td><td></td></tr></tfoot></table>");
        sb.Append("<h2>De sector: doel en realisatie (fta)</h2><table><thead><tr><th>Jaar</th><th>Doel</th><th>Realisatie</th></tr></thead><tbody>");
        foreach (var y in v.Sector) sb.Append($"<tr><td>{y.Year}</td><td class=\"getal\">{Number(y.Target)}</td><td class=\"getal\">{Number(y.Realised)}</td></tr>");
        sb.Append("</tbody></table><h2>Ondertekening door het bestuur</h2><table><thead><tr><th>Naam</th><th>Functie</th><th>Datum</th><th>Handtekening</th></tr></thead><tbody>");
        foreach (var s in a.Signatures.OrderBy(s => s.SignedOn)) sb.Append($"<tr><td>{H(s.Name)}</td><td>{H(s.Role)}</td><td>{s.SignedOn:dd-MM-yyyy}</td><td class=\"handtekening\"></td></tr>");
        for (var i = a.Signatures.Count; i < 2; i++) sb.Append("<tr><td class=\"handtekening\"></td><td></td><td></td><td></td></tr>");
        sb.Append("</tbody></table></main></body></html>");
        return sb.ToString();
    }

    /// <summary>Widths (percent of the page width) of the nine columns of the document's action table: text columns wide, numbers narrow.</summary>
    private static readonly int[] ActionColumnWidths = [18, 10, 8, 10, 12, 14, 8, 10, 10];

    /// <summary>The agenda as a workbook: one sheet each for the agenda, actions, goals, progress and signatures (Dutch headers).</summary>
    public static byte[] Workbook(AgendaView v)
    {
        var a = v.Agenda;
        var sheets = new Dictionary<string, object>
        {
            ["Werkagenda"] = new[]
            {
                new Dictionary<string, object?> { ["titel"] = a.Title, ["sector"] = v.SectorName, ["periode_begin"] = a.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["periode_eind"] = a.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["status"] = a.Status.Dutch(), ["score"] = v.Monitor.Score,
                    ["prognose_banen"] = v.Monitor.ForecastJobs, ["gerealiseerde_banen"] = v.Monitor.RealisedJobs, ["afgeleid_uit_brondocumenten"] = a.DerivedFromDocuments ? "ja" : "nee",
                    ["probleemanalyse"] = a.ProblemAnalysis, ["bron"] = a.Source },
            },
            ["Acties"] = v.Monitor.Actions.Select(m => new Dictionary<string, object?>
            {
                ["actie"] = m.Action.Title, ["type"] = m.Action.Type.Label(), ["eigenaar"] = m.Action.Owner, ["begin"] = m.Action.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["eind"] = m.Action.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["knelpunt"] = m.Action.Problem, ["prognose_banen"] = m.Forecast, ["gerealiseerde_banen"] = m.Realised,
                ["achter_op_planning"] = m.Overdue || m.OverdueMilestones.Count > 0 ? "ja" : "nee", ["evaluatie"] = m.Action.Evaluation?.Dutch(), ["waarom"] = m.Action.EvaluationReason,
                ["bron"] = m.Action.Source, ["citaat"] = m.Action.SourceQuote,
            }).ToList(),
            ["Doelstellingen"] = v.Monitor.Actions.SelectMany(m => m.Goals.Select(g => new Dictionary<string, object?>
            {
                ["actie"] = m.Action.Title, ["niveau"] = g.Goal.Level.Dutch(), ["doelstelling"] = g.Goal.Description, ["streefwaarde"] = g.Goal.Target, ["eenheid"] = g.Goal.Unit,
                ["gerealiseerd"] = g.Realised, ["behaald"] = g.Done ? "ja" : "nee",
            })).ToList(),
            ["Voortgang"] = v.Monitor.Actions.SelectMany(m => m.Action.Progress.OrderBy(p => p.Date).Select(p => new Dictionary<string, object?>
            {
                ["actie"] = m.Action.Title, ["datum"] = p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["banen"] = p.JobsRealised,
                ["doelstelling"] = m.Action.Goals.FirstOrDefault(g => g.Id == p.GoalId)?.Description, ["waarde"] = p.GoalValue, ["toelichting"] = p.Note, ["vastgelegd_door"] = p.RecordedBy,
            })).ToList(),
            ["Ondertekening"] = a.Signatures.OrderBy(s => s.SignedOn).Select(s => new Dictionary<string, object?>
                { ["naam"] = s.Name, ["functie"] = s.Role, ["datum"] = s.SignedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }).ToList(),
        };
        // MiniExcel writes no header for an empty sheet; give empty sheets one explanatory row.
        foreach (var k in sheets.Keys.ToList())
            if (sheets[k] is List<Dictionary<string, object?>> { Count: 0 }) sheets[k] = new[] { new Dictionary<string, object?> { ["opmerking"] = "(nog niets vastgelegd)" } };
        using var ms = new MemoryStream();
        ms.SaveAs(sheets);
        return ms.ToArray();
    }

    public static string FileName(WorkAgenda a, string ext) =>
        $"werkagenda-{a.SectorCode()}-{a.PeriodStart.Year}-{a.PeriodEnd.Year}-{a.Id}.{ext}";

    public static IEnumerable<WorkAgenda> Visible(IEnumerable<WorkAgenda> all, ClaimsPrincipal user) => all.Where(user.MayRead);
}
