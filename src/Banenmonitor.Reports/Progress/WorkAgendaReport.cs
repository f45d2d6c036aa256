using System.Globalization;
using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.WorkAgendas;
using Banenmonitor.Reports.Charts;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Units;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Reports.Progress;

/// <summary>
/// The report's section "Werkagenda's": per sector the agenda that covers the year (else its latest earlier one), where it
/// is in the plan-do-check-act cycle, its 0–12 score, and the forecast of jobs against what its actions realised. The
/// figures are those of the work agenda feature (<see cref="WorkAgendaMonitor"/>), not computed again here. Public are the
/// signed agendas and those derived from the public source documents; a sector's own concept is not.
/// </summary>
public sealed record WorkAgendaSection(int Year, IReadOnlyList<WorkAgendaRow> Rows, int MaxScore, string? ScoreChart);

/// <summary>One sector's line; <see cref="Title"/> is null when the sector has no agenda that can be shown.</summary>
public sealed record WorkAgendaRow(
    PublicSector Sector,
    string? Title,
    string? Period,
    string Status,
    string Phase,
    ReportValue? Score,
    ReportValue? Forecast,
    ReportValue? Realised,
    ReportValue? PercentOfForecast,
    int Actions,
    int Overdue);

/// <summary>Reads the work agendas with their monitoring from the database, through the feature's own service.</summary>
public static class WorkAgendaStore
{
    public static async Task<IReadOnlyList<AgendaMonitor>> LoadAsync(BanenmonitorDbContext db, DateOnly today, CancellationToken ct = default)
    {
        var agendas = await new WorkAgendaService(db).Agendas.AsNoTracking().ToListAsync(ct);
        return agendas.OrderBy(a => a.SectorId).ThenBy(a => a.PeriodStart).ThenBy(a => a.Id).Select(a => WorkAgendaMonitor.Monitor(a, today)).ToList();
    }
}

public sealed partial class ReportBuilder
{
    /// <summary>
    /// The work-agenda section, or null when no agendas were given (a report from the published figures alone). A sector's
    /// own concept agenda is not public: its line says one is being prepared, without its content.
    /// </summary>
    private static WorkAgendaSection? WorkAgendas(Context ctx, IReadOnlyList<PublicSector> sectors, int year)
    {
        if (ctx.Sources.WorkAgendas is not { } all) return null;
        var rows = new List<WorkAgendaRow>();
        foreach (var s in sectors)
        {
            var mine = all.Where(m => (m.Agenda.Sector?.Code ?? PublicSectors.OfPlatform(m.Agenda.SectorId)?.Code) == s.Code).ToList();
            var shown = mine.Where(m => m.Agenda.Status != WorkAgendaStatus.Concept || m.Agenda.DerivedFromDocuments).ToList();
            var chosen = shown.Where(m => m.Agenda.PeriodStart.Year <= year && year <= m.Agenda.PeriodEnd.Year).OrderByDescending(m => m.Agenda.PeriodStart).FirstOrDefault()
                         ?? shown.Where(m => m.Agenda.PeriodStart.Year <= year).OrderByDescending(m => m.Agenda.PeriodStart).FirstOrDefault();
            if (chosen is null)
            {
                var concept = mine.Count > 0;
                rows.Add(new WorkAgendaRow(s, null, null, concept ? "concept" : "geen", concept ? "Plan: werkagenda in voorbereiding (nog niet vastgesteld)" : "geen werkagenda vastgelegd",
                    null, null, null, null, 0, 0));
                continue;
            }
            var a = chosen.Agenda;
            var followedUp = mine.Any(m => m.Agenda.PreviousAgendaId == a.Id);
            var phase = a.Status switch
            {
                WorkAgendaStatus.Concept => "Plan: afgeleid uit de brondocumenten, niet door de sector vastgesteld",
                WorkAgendaStatus.Geevalueerd when followedUp => "Act: geëvalueerd; de volgende werkagenda bouwt erop voort",
                WorkAgendaStatus.Geevalueerd => "Act: geëvalueerd, nog geen volgende werkagenda",
                _ when chosen.Actions.Any(x => x.Action.Progress.Count > 0) => "Check: vastgesteld, voortgang gemeten",
                _ => "Do: vastgesteld, nog geen voortgang gemeten",
            };
            // A derived agenda cites the documents its actions come from (by their names), a sector's own agenda its record here.
            var documents = a.Actions.Select(x => x.Source).Where(x => !string.IsNullOrWhiteSpace(x)).Distinct().ToList();
            var cite = ctx.Cite("werkagenda", $"Werkagenda {a.Title} ({s.Name})",
                a.DerivedFromDocuments && documents.Count > 0 ? "afgeleid uit " + string.Join("; ", documents) : $"vastgelegd in Banenmonitor, status {a.Status.Dutch()}", null);
            var score = new ReportValue(chosen.Score, 0, "aantal", false, false, [cite]);
            var forecast = chosen.Actions.Any(x => x.Forecast is not null) ? new ReportValue(chosen.ForecastJobs, ValueInterval.DecimalsOf(chosen.ForecastJobs), "banen", false, false, [cite]) : null;
            var realised = new ReportValue(chosen.RealisedJobs, ValueInterval.DecimalsOf(chosen.RealisedJobs), "banen", false, false, [cite]);
            var percent = forecast is { Value: > 0 } f
                ? ctx.Derived($"{s.Name}: werkagenda, gerealiseerd als percentage van de prognose", "gerealiseerde banen ÷ prognose banen × 100", null,
                    realised.Value / f.Value * 100m, 1, "%", false, [new("gerealiseerde banen (som van de acties)", realised.Text, [cite]), new("prognose banen (som van de acties)", f.Text, [cite])])
                : null;
            rows.Add(new WorkAgendaRow(s, a.Title, $"{a.PeriodStart.Year}–{a.PeriodEnd.Year}", a.Status.Dutch(), phase, score, forecast, realised, percent,
                chosen.Actions.Count, chosen.Overdue.Count()));
        }
        var scored = rows.Where(r => r.Score is not null).ToList();
        var chart = scored.Count == 0 ? null : SvgCharts.Bar(
            new ChartText($"Score van de werkagenda per sector (0–{ActionTypes.MaxScore}), {year}",
                $"Het aantal verschillende typen acties in de werkagenda van elke sector: {string.Join("; ", scored.Select(r => $"{ShortName(r.Sector)} {r.Score!.Number}"))}.", "typen"),
            [new ChartSeries("Score", scored.Select(r => new ChartPoint(ShortName(r.Sector), r.Score!.Value)).ToList())], 720, 320);
        return new WorkAgendaSection(year, rows, ActionTypes.MaxScore, chart);
    }
}

/// <summary>The lines of the work agendas in <see cref="ReportVersions.Data"/>: what the section shows, so a changed agenda changes the version.</summary>
internal static class WorkAgendaVersion
{
    public static IEnumerable<object?[]> Lines(IReadOnlyList<AgendaMonitor>? agendas) =>
        (agendas ?? []).Select(m => new object?[]
        {
            "w", m.Agenda.Id, m.Agenda.SectorId, m.Agenda.Title, m.Agenda.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            m.Agenda.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.Agenda.Status, m.Score, m.ForecastJobs, m.RealisedJobs, m.Actions.Count,
        });
}
