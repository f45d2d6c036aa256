using Banenmonitor.Data.Model;
using Banenmonitor.Data.WorkAgendas;
using Banenmonitor.Reports.Progress;
using Banenmonitor.Reports.Rendering;
using Banenmonitor.Rules.Published;
using MiniExcelLibs;

namespace Banenmonitor.Reports.Tests;

/// <summary>
/// Issue 21's report annex and sections: figures a resolution settled show the value that stands (marked, the published
/// value beside it); every computed figure has its explanation in the annex (formula, inputs with sources, result,
/// rounding, the rules core's trace for the national measurement); the work-agenda section per sector (PDCA phase,
/// 0–12 score, forecast against realised) from the work agenda feature's own monitoring.
/// </summary>
public class ReportAnnexTests
{
    private static readonly ReportSources Published = ReportSources.Embedded();
    private static readonly DateTime At = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    private static List<Resolution> ResolveAll(ReportBuilder b, Func<Finding, Resolution?>? special = null) =>
        b.Findings(2023).Select((f, i) => special?.Invoke(f) is { } r ? r with { Id = i + 1 }
            : new Resolution(i + 1, 2023, f.Key, f.Check.Figure, ResolutionChoice.Recomputed, f.Check.Computed, null, "De herberekening geldt", "analist@test", At, null)).ToList();

    private static ReportValue Figure(ProgressReport r, string sector, string label) =>
        r.Sectors.Single(s => s.Sector.Code == sector).Realisation.Single(x => x.Label == label).Value!;

    [Fact]
    public void A_resolved_figure_shows_the_value_that_stands_marked_with_its_resolution_not_the_published_value()
    {
        var builder = new ReportBuilder(Published);
        var report = builder.Build(2023, resolutions: ResolveAll(builder));

        // Kamerbrief BZK 2024 over 2023 prints 56,6% for the water boards while 329 ÷ 552 = 59,6%: the recomputed value stands.
        var pct = Figure(report, "waterschappen", "Realisatiepercentage");
        Assert.Equal(59.6m, pct.Value);
        Assert.NotNull(pct.Resolved);
        Assert.Equal(56.6m, pct.Resolved!.Published);
        Assert.Null(pct.Flag);
        Assert.Equal(59.6m, report.Overview.Single(o => o.Sector.Code == "waterschappen").Percentage!.Value);

        var html = HtmlReportRenderer.Render(report);
        Assert.Contains("opgelost: geldt de herberekende waarde; gepubliceerd 56,6%", html);
        Assert.Contains($"href=\"#o{pct.Resolved.Number}\"", html);

        using var ms = new MemoryStream(XlsxReportRenderer.Render(report));
        var rows = MiniExcel.Query(ms, useHeaderRow: true, sheetName: XlsxReportRenderer.SheetSectorFigures).Cast<IDictionary<string, object?>>()
            .Where(r => (string?)r["code"] == "waterschappen" && (string?)r["cijfer"] == "Realisatiepercentage").ToList();
        Assert.Equal(59.6, Convert.ToDouble(Assert.Single(rows)["waarde"]), 6);
        Assert.Equal(56.6, Convert.ToDouble(rows[0]["gepubliceerde_waarde"]), 6);
        Assert.Equal(pct.Resolved.Reference, rows[0]["opgelost"]);
    }

    [Fact]
    public void A_corrected_value_stands_with_its_own_source_and_the_published_value_stays_when_that_is_chosen()
    {
        var builder = new ReportBuilder(Published);
        const string erratum = "Correctie van de sector hbo, brief van 3 juni 2024";
        var report = builder.Build(2023, resolutions: ResolveAll(builder, f => f.Key switch
        {
            "hbo:percentage_incl_sroi:realisatiepercentage-inclusief-sroi" =>
                new Resolution(0, 2023, f.Key, f.Check.Figure, ResolutionChoice.Corrected, 36.4m, erratum, "De sector corrigeerde het cijfer", "analist@test", At, null),
            "umc:aantal_organisaties:aantal-organisaties-in-de-sector-2021-en-2023" =>
                new Resolution(0, 2023, f.Key, f.Check.Figure, ResolutionChoice.Published, f.Check.Published, null, "Een umc kwam erbij", "analist@test", At, null),
            _ => null,
        }));
        var hbo = Figure(report, "hbo", "Realisatiepercentage inclusief SROI");
        Assert.Equal(36.4m, hbo.Value);
        Assert.Equal(36.6m, hbo.Resolved!.Published);
        Assert.Contains(hbo.Sources, n => report.Sources.Single(s => s.Number == n).Quote == erratum);

        var umc = report.Sectors.Single(s => s.Sector.Code == "umc").Coverage.Single(r => r.Label == "Organisaties in de sector").Value!;
        Assert.Equal(8m, umc.Value);
        Assert.Equal("de gepubliceerde waarde", umc.Resolved!.Choice);
    }

    [Fact]
    public void Every_computed_figure_has_its_explanation_in_the_annex_with_formula_inputs_sources_and_rounding()
    {
        var builder = new ReportBuilder(Published);
        var report = builder.Build(2023, resolutions: ResolveAll(builder));
        var values = report.Sectors.SelectMany(s => s.Realisation.Concat(s.Comparison).Concat(s.Composition).Concat(s.Coverage)).Select(r => r.Value)
            .Concat(report.Overview.SelectMany(o => new[] { o.Target, o.Realised, o.Percentage, o.ComputedPercentage, o.Sroi, o.PercentageIncludingSroi, o.PreviousPercentage }))
            .Concat(report.National!.Table.SelectMany(r => r.Cells))
            .Concat(report.Regimes!.Sectors.SelectMany(x => new[] { x.Percentage, x.PercentageSroiScenario, x.Difference }))
            .Where(v => v is { Computed: true }).ToList();
        Assert.True(values.Count > 20, $"verwacht veel berekende cijfers, gevonden {values.Count}");
        Assert.All(values, v => Assert.Contains(report.Explanations, t => t.Number == v!.Trace));
        Assert.All(report.Explanations, t =>
        {
            Assert.NotEmpty(t.Inputs);
            Assert.All(t.Inputs, i => Assert.NotEmpty(i.Sources));
            Assert.All(t.Sources, n => Assert.Contains(report.Sources, s => s.Number == n));
        });

        // Water boards 2023: 329 ÷ 552 × 100 = 59,60…, rounded once to 59,6%.
        var computed = report.Overview.Single(o => o.Sector.Code == "waterschappen").ComputedPercentage!;
        var trace = report.Explanations.Single(t => t.Number == computed.Trace);
        Assert.Equal("realisatie ÷ doel × 100", trace.Formula);
        Assert.Contains(trace.Inputs, i => i.Value == "329 fta");
        Assert.Contains(trace.Inputs, i => i.Value == "552 fta");
        Assert.Equal("59,6014%, afgerond op 1 decimaal (half van nul af): 59,6%", trace.Result);
        // The SROI scenario names the law it belongs to.
        var scenario = report.Regimes.Sectors.First(x => x.PercentageSroiScenario is not null).PercentageSroiScenario!;
        Assert.Contains("Wet banenafspraak", report.Explanations.Single(t => t.Number == scenario.Trace).Legal);

        var html = HtmlReportRenderer.Render(report);
        Assert.Contains("Bijlage: uitleg van de berekende cijfers", html);
        Assert.Contains($"id=\"u{trace.Number}\"", html);
        Assert.Contains($"href=\"#u{trace.Number}\"", html);
        using var ms = new MemoryStream(XlsxReportRenderer.Render(report));
        var rows = MiniExcel.Query(ms, useHeaderRow: true, sheetName: XlsxReportRenderer.SheetExplanations).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(report.Explanations.Sum(t => t.Inputs.Count + t.Steps.Count), rows.Count);
        Assert.Contains(rows, r => (string?)r["nummer"] == trace.Reference && (string?)r["waarde"] == "329 fta");
    }

    [Fact]
    public void The_national_measurement_in_the_annex_is_the_rules_core_trace()
    {
        var report = new ReportBuilder(Published).Build(2021, concept: true);
        var computed = report.National!.Table.SelectMany(r => r.Cells).Where(c => c is { Computed: true, Trace: not null }).ToList();
        Assert.NotEmpty(computed);
        var measurement = report.Explanations.Single(t => t.Figure.StartsWith("Landelijke meting 2021: toename banen", StringComparison.Ordinal));
        Assert.True(measurement.Steps.Count >= 5);
        Assert.Contains(measurement.Steps, s => s.Omschrijving.Contains("verdeelsleutel"));
        Assert.Contains(measurement.Steps.SelectMany(s => s.Bronnen), b => b.Bron.Length > 0);
        Assert.Contains("Totaal aantal banen", HtmlReportRenderer.Render(report));
    }

    private static AgendaMonitor Agenda(string sector, WorkAgendaStatus status, string title, int from, int to, bool derived, params (ActionType Type, decimal? Forecast, decimal Realised)[] actions)
    {
        var s = PublicSectors.Find(sector)!;
        var agenda = new WorkAgenda
        {
            Id = Math.Abs(HashCode.Combine(sector, title)) % 100000, SectorId = PublicSectors.OfPlatform(sector)!.Id!.Value, Sector = new Sector { Code = s.Code, Name = s.Name },
            Title = title, PeriodStart = new DateOnly(from, 1, 1), PeriodEnd = new DateOnly(to, 12, 31), Status = status, DerivedFromDocuments = derived, Source = derived ? "Rapport De Beleidsonderzoekers 2023, §4.1" : null,
        };
        var n = 0;
        foreach (var (type, forecast, realised) in actions)
            agenda.Actions.Add(new WorkAgendaAction
            {
                Id = ++n, Title = $"Actie {n}", Type = type, Owner = "HR", ForecastJobs = forecast, Start = new DateOnly(from, 1, 1), End = new DateOnly(to, 12, 31),
                Progress = realised > 0 ? [new WorkAgendaProgress { Date = new DateOnly(from, 6, 1), JobsRealised = realised }] : [],
            });
        return WorkAgendaMonitor.Monitor(agenda, new DateOnly(2026, 12, 1));
    }

    [Fact]
    public void The_work_agenda_section_shows_per_sector_the_PDCA_phase_the_score_and_forecast_against_realised()
    {
        var sources = Published.WithWorkAgendas(
        [
            Agenda("waterschappen", WorkAgendaStatus.Vastgesteld, "Werkagenda waterschappen 2023–2024", 2023, 2024, false,
                (ActionType.JobCarving, 10m, 4m), (ActionType.ProcurementSroi, 6m, 2m), (ActionType.JobCarving, null, 0m)),
            Agenda("waterschappen", WorkAgendaStatus.Geevalueerd, "Werkagenda waterschappen 2021–2022", 2021, 2022, false, (ActionType.Ambassadorship, 3m, 3m)),
            Agenda("gemeenten", WorkAgendaStatus.Concept, "Geheim concept gemeenten", 2023, 2024, false, (ActionType.JobCarving, 50m, 0m)),
            Agenda("rijk", WorkAgendaStatus.Concept, "Werkagenda Rijk (uit de brondocumenten)", 2021, 2022, true, (ActionType.BoardCommitment, null, 0m), (ActionType.SharingGoodExamples, null, 0m)),
        ]);
        var builder = new ReportBuilder(sources);
        var report = builder.Build(2023, resolutions: ResolveAll(builder));
        var section = report.WorkAgendas!;
        var water = section.Rows.Single(r => r.Sector.Code == "waterschappen");
        Assert.Equal("Werkagenda waterschappen 2023–2024", water.Title);
        Assert.StartsWith("Check", water.Phase);
        Assert.Equal(2m, water.Score!.Value);
        Assert.Equal(16m, water.Forecast!.Value);
        Assert.Equal(6m, water.Realised!.Value);
        Assert.Equal(37.5m, water.PercentOfForecast!.Value);
        Assert.Contains(report.Explanations, t => t.Number == water.PercentOfForecast.Trace && t.Formula == "gerealiseerde banen ÷ prognose banen × 100");

        var gemeenten = section.Rows.Single(r => r.Sector.Code == "gemeenten");
        Assert.Null(gemeenten.Title);
        Assert.StartsWith("Plan", gemeenten.Phase);
        var rijk = section.Rows.Single(r => r.Sector.Code == "rijk");
        Assert.Equal(2m, rijk.Score!.Value);
        Assert.Null(rijk.Forecast);

        var html = HtmlReportRenderer.Render(report);
        Assert.Contains("<h2>Werkagenda's</h2>", html);
        Assert.Contains("Werkagenda waterschappen 2023–2024", html);
        Assert.DoesNotContain("Geheim concept gemeenten", html);
        Assert.Contains("37,5%", html);
        using var ms = new MemoryStream(XlsxReportRenderer.Render(report));
        var rows = MiniExcel.Query(ms, useHeaderRow: true, sheetName: XlsxReportRenderer.SheetWorkAgendas).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(section.Rows.Count, rows.Count);
        Assert.Equal(37.5, Convert.ToDouble(rows.Single(r => (string?)r["code"] == "waterschappen")["percentage_van_prognose"]), 6);

        // The agendas are part of the data version a publication records.
        Assert.NotEqual(ReportVersions.Data(Published), ReportVersions.Data(sources));
    }
}
