using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Rules.Scenarios;

/// <summary>
/// Computes a year twice — with today's parameters and with the scenario's — and puts the figures side by side with
/// their traces and differences: the national table (Kamerstuk 34 352, nr. 255, Tabel 1: market, government and total
/// × formal, hired-in and total, against the target), the sectors' realisation against their targets, the growth
/// against the target path, and (with the stored employers' outcomes, <see cref="ScenarioLevy"/>) the levy totals.
/// Nothing is written anywhere: today's <see cref="ParameterSet"/> and the published figures stay as they are.
/// </summary>
public sealed class ScenarioCalculator(ParameterSet today, PublishedData published)
{
    /// <param name="forecast">
    /// Today's expectation of a growing series (the statistical forecast the edge computes, <c>Survey.Forecasts</c>), per
    /// subject and year; without it, today's side of the growth is the last realisation.
    /// </param>
    /// <param name="approved">
    /// The sector totals analysts approved from the sectors' registers (read by the edge from its database); where one
    /// exists for a year it is the sector's realisation of that year, marked as such, else the published figure.
    /// </param>
    /// <param name="todayParameters">Which parameter set today's side is, in Dutch (<see cref="ScenarioResult.TodayParameters"/>).</param>
    public ScenarioResult Compute(Scenario scenario, int year, ScenarioLevyInput? levy = null, ForecastLookup? forecast = null,
        IReadOnlyList<ApprovedSectorTotal>? approved = null, string todayParameters = ScenarioResult.BuiltInParameters)
    {
        var changed = scenario.Apply(today);
        var values = scenario.Overrides.Select(o => changed.History(o.Parameter).First(v => v.ValidFrom == o.ValidFrom)).ToList();
        var sections = new List<ScenarioSection>
        {
            National(changed, year),
            Sectors(scenario, year, approved ?? []),
            Growth(scenario, changed, forecast),
            ScenarioLevy.Compute(levy, year, today, changed),
        };
        return new ScenarioResult(scenario, year, sections, values, todayParameters);
    }

    // ---- the national table ----

    private static readonly MeasurementSector[] SectorOrder = [MeasurementSector.Market, MeasurementSector.Government, MeasurementSector.Total];
    private static readonly EmploymentForm[] FormOrder = [EmploymentForm.Formal, EmploymentForm.HiredIn, EmploymentForm.Total];

    public static string CellKey(MeasurementSector s, EmploymentForm f) => $"{s.Dutch()}/{f.Dutch()}";

    private ScenarioSection National(ParameterSet changed, int year)
    {
        const string title = "Landelijke meting: extra banen ten opzichte van de nulmeting";
        var input = published.National.InputFor(year);
        if (input is null)
            return new ScenarioSection(ScenarioResult.National, title, [],
                [$"Voor {year} is de toename niet naar formele dienstverbanden en inleenverbanden uitgesplitst gepubliceerd (alleen voor " +
                 $"{string.Join(", ", published.National.Years.Where(y => published.National.InputFor(y) is not null))}); de tabel kan niet opnieuw worden berekend."]);
        var notes = new List<string>();
        NationalMeasurementResult? Side(ParameterSet set, string who)
        {
            try { return new NationalMeasurement(set).Compute(input, published.National.PublishedCells(year)); }
            catch (MissingParameterException e) { notes.Add($"{who}: {e.Message}"); return null; }
        }
        var t = Side(today, "Vandaag");
        var s = Side(changed, "Scenario");
        var figures = new List<ScenarioFigure>();
        foreach (var sector in SectorOrder)
            foreach (var form in FormOrder)
                figures.Add(new ScenarioFigure(CellKey(sector, form), $"{Cap(sector.Dutch())}, {FormLabel(form)}",
                    t?.Cell(sector, form).Computed, s?.Cell(sector, form).Computed, "banen", 0, t?.Trace, s?.Trace));
        foreach (var sector in SectorOrder)
        {
            figures.Add(new ScenarioFigure($"doel/{sector.Dutch()}", $"{Cap(sector.Dutch())}, doelstelling {year}",
                t?.Target(sector).Value, s?.Target(sector).Value, "banen", 0, t?.Trace, s?.Trace));
            figures.Add(new ScenarioFigure($"verschil/{sector.Dutch()}", $"{Cap(sector.Dutch())}, toename min doelstelling",
                t is null ? null : t.Cell(sector, EmploymentForm.Total).Computed - t.Target(sector).Value,
                s is null ? null : s.Cell(sector, EmploymentForm.Total).Computed - s.Target(sector).Value, "banen", 0, t?.Trace, s?.Trace));
        }
        figures.Add(new ScenarioFigure("banen_totaal", $"Banen eind {year}, inclusief de nulmeting", t?.TotalJobs.Value, s?.TotalJobs.Value, "banen", 0, t?.Trace, s?.Trace));
        notes.Add($"Invoer: {input.Source}.");
        return new ScenarioSection(ScenarioResult.National, title, figures, notes);
    }

    private static string Cap(string s) => char.ToUpperInvariant(s[0]) + s[1..];
    private static string FormLabel(EmploymentForm f) => f switch
    {
        EmploymentForm.Formal => "formele dienstverbanden", EmploymentForm.HiredIn => "inleenverbanden", _ => "totaal",
    };

    // ---- the sectors ----

    private ScenarioSection Sectors(Scenario scenario, int year, IReadOnlyList<ApprovedSectorTotal> approvedTotals)
    {
        var figures = new List<ScenarioFigure>();
        var notes = new List<string>();
        foreach (var sector in PublicSectors.All)
        {
            // The latest year up to the scenario's with a realisation: an approved sector total, else a published figure.
            var history = published.SectorFigures.History(sector);
            var latestPublished = history.LastOrDefault(h => h.Year <= year && h.Realised is not null);
            var approved = approvedTotals.Where(a => a.SectorCode == sector.Code && a.Year <= year).MaxBy(a => a.Year);
            if (latestPublished is null && approved is null) { notes.Add($"{sector.Name}: geen realisatie gepubliceerd of goedgekeurd tot en met {year}."); continue; }
            var y = Math.Max(latestPublished?.Year ?? 0, approved?.Year ?? 0);
            var figuresOfYear = history.FirstOrDefault(h => h.Year == y);
            var fromApproved = approved is not null && approved.Year == y ? approved : null;
            var sroi = figuresOfYear?.Sroi;
            var target = figuresOfYear?.Target;
            var own = scenario.TargetsOrEmpty.FirstOrDefault(x => x.Sector == sector.Code && x.Year == y);
            if (fromApproved is not null)
                notes.Add($"{sector.Name} {y}: de realisatie is het goedgekeurde sectortotaal uit het sectorregister ({fromApproved.Source})" +
                          (figuresOfYear?.Realised is { } pub ? $", niet het gepubliceerde cijfer ({DutchFormat.Number(pub.Value, 0)})." : "."));
            (decimal counted, decimal? goal, Trace trace) Side(bool countSroi, bool scenarioTarget)
            {
                var tr = new Trace();
                decimal counted;
                if (fromApproved is not null)
                {
                    counted = fromApproved.Jobs;
                    tr.Add($"Realisatie {sector.Name} {y}: goedgekeurd sectortotaal uit het sectorregister", "goedgekeurd sectortotaal", counted, "banen",
                        note: fromApproved.Source);
                }
                else
                {
                    counted = latestPublished!.Realised!.Value;
                    tr.Add($"Realisatie {sector.Name} {y}, zonder SROI (zoals de sectorrapportage telt)", "gepubliceerd", counted, "banen",
                        note: $"{latestPublished.Realised.Quote} ({published.SectorFigures.NameOf(latestPublished.Realised.Document)})");
                }
                if (countSroi && sroi is not null)
                {
                    counted += sroi.Value;
                    tr.Add($"SROI-banen {y} meegeteld bij de aanbestedende sector", "realisatie + SROI", counted, "banen",
                        [new("SROI", sroi.Value, "banen")],
                        note: $"Scenario '{scenario.Name}': SROI telt mee. Onder de quotumregeling tellen SROI-banen bij de leverancier (sector markt). {sroi.Quote}");
                }
                decimal? goal = scenarioTarget && own is not null ? own.Jobs : target?.Value;
                if (goal is { } g)
                {
                    tr.Add($"Doel {sector.Name} {y}", scenarioTarget && own is not null ? "scenario" : "gepubliceerd", g, "banen",
                        note: scenarioTarget && own is not null ? $"Scenario '{scenario.Name}': doelpad" : $"{target!.Quote} ({published.SectorFigures.NameOf(target.Document)})");
                    if (g > 0) tr.Add("Realisatie in procenten van het doel", "geteld ÷ doel × 100", counted / g * 100m, "%");
                }
                return (counted, goal, tr);
            }
            var t = Side(false, false);
            var s = Side(scenario.CountSroi, true);
            if (scenario.CountSroi && sroi is null) notes.Add($"{sector.Name} {y}: geen SROI-banen gepubliceerd; SROI meetellen verandert niets.");
            var name = $"{sector.Name} ({y})";
            figures.Add(new ScenarioFigure($"{sector.Code}/banen", $"{name}: banen geteld{(fromApproved is null ? "" : " (goedgekeurd sectortotaal)")}",
                t.counted, s.counted, "banen", 0, t.trace, s.trace));
            figures.Add(new ScenarioFigure($"{sector.Code}/doel", $"{name}: doel", t.goal, s.goal, "banen", 0, t.trace, s.trace));
            figures.Add(new ScenarioFigure($"{sector.Code}/percentage", $"{name}: realisatie in % van het doel",
                t.goal is > 0 ? t.counted / t.goal.Value * 100m : null, s.goal is > 0 ? s.counted / s.goal.Value * 100m : null, "%", 1, t.trace, s.trace));
        }
        foreach (var x in scenario.TargetsOrEmpty)
            if (!figures.Any(f => f.Key == $"{x.Sector}/doel" && f.Label.Contains($"({x.Year})")))
                notes.Add($"Doel {ScenarioSubjects.NameOf(x.Sector)} {x.Year}: niet het jaar van de laatste realisatie; het telt mee in de groei tegen het doelpad.");
        return new ScenarioSection(ScenarioResult.Sectors, "Sectoren: realisatie tegen het doel (laatste jaar met een realisatie)", figures, notes);
    }

    // ---- growth against the target path ----

    private ScenarioSection Growth(Scenario scenario, ParameterSet changed, ForecastLookup? forecast)
    {
        var figures = new List<ScenarioFigure>();
        var notes = new List<string>();
        foreach (var g in scenario.GrowthOrEmpty)
        {
            var name = ScenarioSubjects.NameOf(g.Sector);
            var history = History(g.Sector);
            if (history.Count == 0) { notes.Add($"{name}: geen gerealiseerde reeks; groei kan niet worden doorgerekend."); continue; }
            var (last, value, source) = history[^1];
            if (g.UntilYear <= last) { notes.Add($"{name}: het eindjaar {g.UntilYear} ligt niet na het laatste gerealiseerde jaar {last}."); continue; }
            var tToday = new Trace();
            var tScen = new Trace();
            foreach (var tr in new[] { tToday, tScen })
                tr.Add($"{name}: laatste realisatie {last}", "gepubliceerd", value, "banen", note: source);
            var projected = value;
            for (var y = last + 1; y <= g.UntilYear; y++)
            {
                var before = projected;
                projected = g.Unit == GrowthUnit.Jobs ? projected + g.PerYear : projected * (1m + g.PerYear / 100m);
                tScen.Add($"{name} {y}: verwacht met de groei van het scenario",
                    g.Unit == GrowthUnit.Jobs ? "vorig jaar + extra banen per jaar" : "vorig jaar × (1 + groei ÷ 100)", projected, "banen",
                    [new("vorig jaar", before, "banen"), new("groei", g.PerYear, g.Unit == GrowthUnit.Jobs ? "banen" : "%")]);
                var expected = forecast?.Invoke(g.Sector, y);
                var todayJobs = expected?.Jobs ?? value;
                if (expected is not null)
                    tToday.Add($"{name} {y}: statistische prognose van de reeks", "prognose", expected.Jobs, "banen", note: expected.Description);
                else
                    tToday.Add($"{name} {y}: zonder extra groei blijft de laatste realisatie staan", "laatste realisatie", value, "banen");
                var goalToday = Target(g.Sector, y, today, null, tToday);
                var goalScen = Target(g.Sector, y, changed, scenario, tScen);
                figures.Add(new ScenarioFigure($"{g.Sector}/{y}/banen", $"{name} {y}: banen", todayJobs, projected, "banen", 0, tToday, tScen));
                figures.Add(new ScenarioFigure($"{g.Sector}/{y}/doel", $"{name} {y}: doel", goalToday, goalScen, "banen", 0, tToday, tScen));
                figures.Add(new ScenarioFigure($"{g.Sector}/{y}/verschil", $"{name} {y}: verschil met het doel",
                    goalToday is { } a ? todayJobs - a : null, goalScen is { } b ? projected - b : null, "banen", 0, tToday, tScen));
            }
            var years = g.UntilYear - last;
            decimal? Needed(decimal? goal) => goal is { } x ? Math.Max(0m, (x - value) / years) : null;
            var endToday = figures.Last(f => f.Key == $"{g.Sector}/{g.UntilYear}/doel");
            tToday.Add($"{name}: extra banen per jaar nodig om het doel van {g.UntilYear} te halen", "(doel − laatste realisatie) ÷ jaren", Needed(endToday.Today), "banen per jaar");
            tScen.Add($"{name}: extra banen per jaar nodig om het doel van {g.UntilYear} te halen", "(doel − laatste realisatie) ÷ jaren", Needed(endToday.Scenario), "banen per jaar");
            figures.Add(new ScenarioFigure($"{g.Sector}/nodig", $"{name}: extra banen per jaar nodig tot {g.UntilYear}", Needed(endToday.Today), Needed(endToday.Scenario),
                "banen per jaar", 0, tToday, tScen));
            notes.Add(forecast is null
                ? $"{name}: vandaag = de laatste realisatie ({last}) zonder extra groei; scenario = {DescribeGrowth(g)}. De statistische prognose staat op de pagina Prognose."
                : $"{name}: vandaag = de statistische prognose van de reeks (pagina Prognose), waar die er is, anders de laatste realisatie ({last}); scenario = de laatste realisatie met {DescribeGrowth(g)}.");
        }
        if (scenario.GrowthOrEmpty.Count == 0) notes.Add("Het scenario geeft geen groei op.");
        return new ScenarioSection(ScenarioResult.Growth, "Groei tegen het doelpad", figures, notes);
    }

    public static string DescribeGrowth(SectorGrowth g) => g.Unit == GrowthUnit.Jobs
        ? $"{DutchFormat.Number(g.PerYear, 0)} extra banen per jaar tot en met {g.UntilYear}"
        : $"{DutchFormat.Number(g.PerYear, 1)}% groei per jaar tot en met {g.UntilYear}";

    /// <summary>The realised series: the national increase (market, government, total) or the sector's realisation.</summary>
    private IReadOnlyList<(int Year, decimal Value, string Source)> History(string code)
    {
        if (ScenarioSubjects.National.Contains(code))
        {
            var s = MeasurementText.ParseSector(code);
            return published.National.Rows.Where(r => r.Sector == s && r.Form == EmploymentForm.Total && r.Quantity == NationalFigures.Increase)
                .OrderBy(r => r.Year).Select(r => (r.Year, r.Value, r.Source)).ToList();
        }
        var sector = PublicSectors.All.First(x => x.Code == code);
        return published.SectorFigures.History(sector).Where(h => h.Realised is not null)
            .Select(h => (h.Year, h.Realised!.Value, $"{h.Realised.Quote} ({published.SectorFigures.NameOf(h.Realised.Document)})")).ToList();
    }

    /// <summary>
    /// The target of a year: for the national three the target path parameters (read through the trace, so the scenario's
    /// value shows with its source); for a sector the scenario's target, else the published one, else the last published one carried forward.
    /// </summary>
    private decimal? Target(string code, int year, ParameterSet set, Scenario? scenario, Trace trace)
    {
        if (ScenarioSubjects.National.Contains(code))
        {
            var goal = MeasurementParameters.For(set, year, trace).TargetPath(code)?.Value;
            trace.Add($"Doel {ScenarioSubjects.NameOf(code)} {year}", "doelpad (parameters)", goal, "banen",
                note: goal is null ? $"Geen doelstelling voor {year} in de parameters." : null);
            return goal;
        }
        if (scenario?.TargetsOrEmpty.FirstOrDefault(t => t.Sector == code && t.Year == year) is { } own)
        {
            trace.Add($"Doel {ScenarioSubjects.NameOf(code)} {year}", "scenario", own.Jobs, "banen", note: $"Scenario '{scenario.Name}': doelpad");
            return own.Jobs;
        }
        var sector = PublicSectors.All.First(x => x.Code == code);
        var targets = published.SectorFigures.History(sector).Where(h => h.Target is not null && h.Year <= year).ToList();
        if (targets.Count == 0) { trace.Add($"Doel {sector.Name} {year}", "geen doel gepubliceerd", null, "banen"); return null; }
        var last = targets[^1];
        trace.Add($"Doel {sector.Name} {year}", last.Year == year ? "gepubliceerd" : $"doel {last.Year} doorgetrokken", last.Target!.Value, "banen",
            note: $"{last.Target.Quote} ({published.SectorFigures.NameOf(last.Target.Document)})");
        return last.Target.Value;
    }
}
