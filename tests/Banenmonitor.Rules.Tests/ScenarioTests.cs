using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Scenarios;

namespace Banenmonitor.Rules.Tests;

/// <summary>
/// What-ifs (issue 24): a scenario changes parameters (distribution key, quota percentage, target path), sector growth,
/// sector targets and SROI counting, and shows today's figures and its own side by side.
/// The national table is Tabel 1 of the letter on the results of the job agreement over 2021 (Kamerstuk 34 352, nr. 255).
/// </summary>
public class ScenarioTests
{
    private static readonly PublishedData Published = PublishedData.FromFolder(Path.GetDirectoryName(NationalMeasurementTests.RepoFile("data/published/landelijke_meting.csv"))!);
    private static ScenarioCalculator Calculator => new(ParameterSet.Embedded, Published);

    private static Scenario Key(decimal governmentShare) => new("Sleutel " + governmentShare,
        [ScenarioOverride.Parse($"verdeelsleutel_overheid=2021:{governmentShare}:andere verdeling uitzendwerk en detachering", ParameterSet.Embedded)]);

    private static ScenarioFigure Cell(ScenarioResult r, MeasurementSector s, EmploymentForm f) =>
        r.Section(ScenarioResult.National).Figure(ScenarioCalculator.CellKey(s, f))!;

    [Theory]
    // Tabel 1, eind 2021 (x 1 baan): sector, vorm, gepubliceerd
    [InlineData(MeasurementSector.Market, EmploymentForm.Formal, 59928)]
    [InlineData(MeasurementSector.Government, EmploymentForm.Formal, 7094)]
    [InlineData(MeasurementSector.Market, EmploymentForm.HiredIn, 1039)]
    [InlineData(MeasurementSector.Government, EmploymentForm.HiredIn, 4748)]
    [InlineData(MeasurementSector.Total, EmploymentForm.HiredIn, 5787)]
    [InlineData(MeasurementSector.Government, EmploymentForm.Total, 11842)]
    [InlineData(MeasurementSector.Total, EmploymentForm.Total, 72809)]
    public void At_the_published_key_the_scenario_reproduces_Tabel_1(MeasurementSector s, EmploymentForm f, int published)
    {
        // A scenario that sets the key to the published 32 % changes nothing: both sides equal the letter.
        var r = Calculator.Compute(Key(32m), 2021);
        var cell = Cell(r, s, f);
        Assert.Equal(published, Math.Round(cell.Scenario!.Value, 0, MidpointRounding.AwayFromZero));
        Assert.Equal(cell.Today, cell.Scenario);
        Assert.False(cell.Changed);
    }

    [Fact]
    public void At_40_percent_the_hired_in_split_moves_as_computed_by_hand()
    {
        var r = Calculator.Compute(Key(40m), 2021);

        // Baseline (eind 2012): 36.206 inleenbanen, verdeelsleutel 24,0 % overheid (Kamerstuk 34 352, nr. 255).
        //   overheid 36.206 × 0,24 = 8.689,44; markt 36.206 − 8.689,44 = 27.516,56.
        // End 2021 at the scenario's key 40 %: 41.993 inleenbanen.
        //   overheid 41.993 × 0,40 = 16.797,2; markt 41.993 − 16.797,2 = 25.195,8.
        // Increase against the baseline:
        //   overheid 16.797,2 − 8.689,44 = 8.107,76;  markt 25.195,8 − 27.516,56 = −2.320,76;  totaal 5.787 (the key only moves jobs).
        Assert.Equal(8_107.76m, Cell(r, MeasurementSector.Government, EmploymentForm.HiredIn).Scenario);
        Assert.Equal(-2_320.76m, Cell(r, MeasurementSector.Market, EmploymentForm.HiredIn).Scenario);
        Assert.Equal(5_787m, Cell(r, MeasurementSector.Total, EmploymentForm.HiredIn).Scenario);
        // Today (32 %): overheid 41.993 × 0,32 − 8.689,44 = 13.437,76 − 8.689,44 = 4.748,32; markt 28.555,24 − 27.516,56 = 1.038,68.
        Assert.Equal(4_748.32m, Cell(r, MeasurementSector.Government, EmploymentForm.HiredIn).Today);
        Assert.Equal(1_038.68m, Cell(r, MeasurementSector.Market, EmploymentForm.HiredIn).Today);
        // The difference is 41.993 × (40 − 32) % = 3.359,44 jobs from market to government.
        Assert.Equal(3_359.44m, Cell(r, MeasurementSector.Government, EmploymentForm.HiredIn).Difference);
        Assert.Equal(-3_359.44m, Cell(r, MeasurementSector.Market, EmploymentForm.HiredIn).Difference);
        // Totals per sector: overheid 7.094 + 8.107,76 = 15.201,76; markt 59.928 − 2.320,76 = 57.607,24; formal jobs untouched.
        Assert.Equal(15_201.76m, Cell(r, MeasurementSector.Government, EmploymentForm.Total).Scenario);
        Assert.Equal(57_607.24m, Cell(r, MeasurementSector.Market, EmploymentForm.Total).Scenario);
        Assert.False(Cell(r, MeasurementSector.Market, EmploymentForm.Formal).Changed);
        Assert.Equal(0m, Cell(r, MeasurementSector.Total, EmploymentForm.Total).Difference);
        // Government against its target of 20.000 (doelstelling_overheid 2021): 15.201,76 − 20.000 = −4.798,24.
        Assert.Equal(-4_798.24m, r.Section(ScenarioResult.National).Figure("verschil/overheid")!.Scenario);
    }

    [Fact]
    public void The_baseline_key_can_be_changed_too()
    {
        var s = new Scenario("Nulmeting 30", [ScenarioOverride.Parse("nulmeting_verdeelsleutel_overheid=2013:30:andere nulmeting", ParameterSet.Embedded)]);
        var r = Calculator.Compute(s, 2021);
        // Baseline at 30 %: overheid 36.206 × 0,30 = 10.861,8; end 2021 at 32 %: 13.437,76; increase 13.437,76 − 10.861,8 = 2.575,96.
        Assert.Equal(2_575.96m, Cell(r, MeasurementSector.Government, EmploymentForm.HiredIn).Scenario);
    }

    [Fact]
    public void Every_scenario_figure_has_a_trace_naming_the_scenario_as_source_of_its_value()
    {
        var r = Calculator.Compute(Key(40m), 2021);
        var cell = Cell(r, MeasurementSector.Government, EmploymentForm.HiredIn);
        var used = cell.ScenarioTrace!.ParametersUsed.Single(p => p.Name == ParameterNames.GovernmentShareHiredIn);
        Assert.Equal(40m, used.Value);
        Assert.Equal("Scenario 'Sleutel 40': andere verdeling uitzendwerk en detachering", used.Source);
        Assert.Equal(32m, cell.TodayTrace!.ParametersUsed.Single(p => p.Name == ParameterNames.GovernmentShareHiredIn).Value);
        Assert.All(r.Section(ScenarioResult.National).Figures, f => { Assert.NotNull(f.TodayTrace); Assert.NotNull(f.ScenarioTrace); });
        // Every parameter a side read is shown in a step of its trace, in every section.
        var all = Calculator.Compute(Key(40m) with { Growth = [SectorGrowth.Parse("totaal=1000:2026"), SectorGrowth.Parse("gemeenten=3%:2025")], CountSroi = true }, 2021);
        Assert.All(all.Sections.SelectMany(x => x.Figures), f =>
        {
            Assert.Empty(f.TodayTrace?.UnexplainedReads ?? []);
            Assert.Empty(f.ScenarioTrace?.UnexplainedReads ?? []);
        });
    }

    [Fact]
    public void A_scenario_never_changes_the_real_parameters_or_published_figures()
    {
        var before = ParameterSet.Embedded.AllValues.ToList();
        var publishedBefore = Published.National.Rows.ToList();
        var r = Calculator.Compute(Key(40m), 2021);
        Assert.Equal(40m, r.ScenarioValues.Single().Value);
        Assert.Equal(before, ParameterSet.Embedded.AllValues.ToList());
        Assert.Equal(32m, ParameterSet.Embedded.Get(ParameterNames.GovernmentShareHiredIn, 2021).Value);
        Assert.Equal(publishedBefore, Published.National.Rows.ToList());
    }

    [Fact]
    public void A_year_without_the_split_by_form_says_so_instead_of_guessing()
    {
        var r = Calculator.Compute(Key(40m), 2021) with { };
        var other = Calculator.Compute(new Scenario("x", [ScenarioOverride.Parse("verdeelsleutel_overheid=2020:40:test", ParameterSet.Embedded)]), 2020);
        Assert.Empty(other.Section(ScenarioResult.National).Figures);
        Assert.Contains("niet naar formele dienstverbanden en inleenverbanden uitgesplitst", other.Section(ScenarioResult.National).Notes[0]);
        Assert.NotEmpty(r.Section(ScenarioResult.National).Figures);
    }

    [Fact]
    public void Counting_SROI_and_a_sector_target_move_the_sector_figures()
    {
        var s = new Scenario("SROI telt", [], Targets: [ScenarioTarget.Parse("defensie=2020:700")], CountSroi: true);
        var r = Calculator.Compute(s, 2020).Section(ScenarioResult.Sectors);
        // Defensie 2020 (brief over 2020): 346 banen in eigen dienst en via detachering, 210 via SROI, quotum 633.
        // Today: 346 ÷ 633 × 100 = 54,66 %. Scenario: (346 + 210) ÷ 700 × 100 = 79,43 %.
        Assert.Equal(346m, r.Figure("defensie/banen")!.Today);
        Assert.Equal(556m, r.Figure("defensie/banen")!.Scenario);
        Assert.Equal(633m, r.Figure("defensie/doel")!.Today);
        Assert.Equal(700m, r.Figure("defensie/doel")!.Scenario);
        Assert.Equal(54.66m, Math.Round(r.Figure("defensie/percentage")!.Today!.Value, 2));
        Assert.Equal(79.43m, Math.Round(r.Figure("defensie/percentage")!.Scenario!.Value, 2));
        Assert.Contains(r.Figure("defensie/banen")!.ScenarioTrace!.Steps, x => x.Description.Contains("SROI"));
    }

    [Fact]
    public void An_approved_register_total_is_the_sectors_realisation_of_its_year_marked_with_its_source()
    {
        var s = new Scenario("SROI telt", [], CountSroi: true);
        ApprovedSectorTotal[] approved =
        [
            new("defensie", 2020, 400m, "ratioschatting naar omvang", "ratioschatting naar omvang; sectortotaal uit het sectorregister van Defensie, gekozen door de sector en goedgekeurd op 01-03-2021"),
            new("defensie", 2030, 999m, "som", "na het jaar van het scenario: telt niet"),
        ];
        var r = Calculator.Compute(s, 2020, approved: approved).Section(ScenarioResult.Sectors);
        // Defensie 2020: the approved 400 instead of the published 346; the published target 633 and SROI 210 stay.
        var jobs = r.Figure("defensie/banen")!;
        Assert.Equal((400m, 610m), (jobs.Today, jobs.Scenario));
        Assert.Contains("goedgekeurd sectortotaal", jobs.Label);
        Assert.Equal(633m, r.Figure("defensie/doel")!.Today);
        Assert.Contains(jobs.TodayTrace!.Steps, x => x.Description.Contains("goedgekeurd sectortotaal") && x.Note!.Contains("goedgekeurd op 01-03-2021"));
        Assert.Contains(r.Notes, n => n.StartsWith("Defensie 2020: de realisatie is het goedgekeurde sectortotaal", StringComparison.Ordinal) && n.Contains("(346)"));
        // Another sector keeps its published figure, unmarked.
        Assert.DoesNotContain("goedgekeurd", r.Figure("politie/banen")!.Label);
        Assert.Equal(Calculator.Compute(s, 2020).Section(ScenarioResult.Sectors).Figure("politie/banen")!.Today, r.Figure("politie/banen")!.Today);
        // An approved total of a later year than the last published realisation becomes the latest year.
        var later = Calculator.Compute(s, 2030, approved: approved).Section(ScenarioResult.Sectors);
        Assert.Equal(999m, later.Figure("defensie/banen")!.Today);
        Assert.Contains("(2030)", later.Figure("defensie/banen")!.Label);
    }

    [Fact]
    public void Growth_projects_from_the_last_realisation_against_the_target_path()
    {
        var s = new Scenario("Politie groeit", [], Growth: [SectorGrowth.Parse("politie=50:2025"), SectorGrowth.Parse("overheid=10%:2025")]);
        var r = Calculator.Compute(s, 2023).Section(ScenarioResult.Growth);
        var last = Published.SectorFigures.History(PublicSectors.Politie).Last(h => h.Realised is not null);
        // Politie: last realisation L in year Y; +50 per year: Y+1 → L + 50, Y+2 → L + 100.
        Assert.Equal(last.Realised!.Value + 50m, r.Figure($"politie/{last.Year + 1}/banen")!.Scenario);
        Assert.Equal(last.Realised.Value, r.Figure($"politie/{last.Year + 1}/banen")!.Today);
        Assert.Equal(last.Realised.Value + 100m, r.Figure($"politie/{last.Year + 2}/banen")!.Scenario);
        // Overheid (national increase) last published: 11.634 eind 2023 (Kamerstuk 34 352); +10 % a year: 2024 12.797,4; 2025 14.077,14.
        Assert.Equal(12_797.4m, r.Figure("overheid/2024/banen")!.Scenario);
        Assert.Equal(14_077.14m, r.Figure("overheid/2025/banen")!.Scenario);
        var target = ParameterSet.Embedded.Get(ParameterNames.TargetGovernment, 2025).Required;
        Assert.Equal(target, r.Figure("overheid/2025/doel")!.Today);
        Assert.Equal(14_077.14m - target, r.Figure("overheid/2025/verschil")!.Scenario);
        // Needed per year to reach the 2025 target from 11.634 in two years: (target − 11.634) ÷ 2.
        Assert.Equal((target - 11_634m) / 2m, r.Figure("overheid/nodig")!.Today);
    }

    [Fact]
    public void With_a_forecast_today_is_the_forecast_and_the_scenario_the_growth()
    {
        var s = new Scenario("Groei tegen prognose", [], Growth: [SectorGrowth.Parse("overheid=1.000:2025")]);
        // A stand-in forecast: 12.000 in 2024, 12.500 in 2025.
        GrowthExpectation? Forecast(string code, int year) => code == "overheid" ? new(11_000m + 500m * (year - 2022), "testprognose") : null;
        var r = Calculator.Compute(s, 2023, forecast: Forecast).Section(ScenarioResult.Growth);
        // Scenario: 11.634 (eind 2023) + 1.000 per year: 12.634 in 2024, 13.634 in 2025; today the forecast.
        Assert.Equal(12_000m, r.Figure("overheid/2024/banen")!.Today);
        Assert.Equal(12_634m, r.Figure("overheid/2024/banen")!.Scenario);
        Assert.Equal(1_134m, r.Figure("overheid/2025/banen")!.Difference);
        var target = ParameterSet.Embedded.Get(ParameterNames.TargetGovernment, 2025).Required;
        Assert.Equal(12_500m - target, r.Figure("overheid/2025/verschil")!.Today);
        Assert.Contains(r.Figure("overheid/2025/banen")!.TodayTrace!.Steps, x => x.Note == "testprognose");
    }

    [Fact]
    public void The_target_path_is_a_parameter_and_shows_with_the_scenario_as_source()
    {
        var s = new Scenario("Lager doel", [ScenarioOverride.Parse("doelstelling_overheid=2021:15.000:lager doelpad", ParameterSet.Embedded)]);
        var r = Calculator.Compute(s, 2021).Section(ScenarioResult.National);
        // 5.000 jobs less target: the government's gap shrinks from 11.842 − 20.000 to 11.842 − 15.000.
        Assert.Equal(15_000m, r.Figure("doel/overheid")!.Scenario);
        Assert.Equal(5_000m, r.Figure("verschil/overheid")!.Difference);
    }

    [Fact]
    public void The_levy_total_under_another_quota_percentage_is_recomputed_per_employer()
    {
        var employers = new List<StoredEmployerOutcome>
        {
            // Government employer: 1.000.000 paid hours (also last year), 10.000 target-group hours, no attributions.
            new(true, 1_000_000m, 0m, 10_000m, 1_000_000m, 0, 12.6m, 63_000m),
            // Market employer: no quota.
            new(false, 2_000_000m, 0m, 0m, 2_000_000m, 0, 0m, 0m),
            // Government employer with attributions: stored only.
            new(true, 500_000m, 0m, 0m, 500_000m, 2, 4.1m, 20_500m),
        };
        var input = new ScenarioLevyInput(2022, "run1", new DateTime(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc), employers);
        var s = new Scenario("Quotum 3,5", [ScenarioOverride.Parse("quotumpercentage_overheid=2022:3,5:hoger quotum", ParameterSet.Embedded)]);
        var r = Calculator.Compute(s, 2022, input).Section(ScenarioResult.Levy);
        // Today 2022: B = 2,69 %. A × B = 1.000.000 × 2,69 % = 26.900 uur; (26.900 − 10.000) ÷ 1.331 = 12,697 → 12,6 banen; × € 5.000 = € 63.000.
        Assert.Equal(12.6m, r.Figure("tekort")!.Today);
        Assert.Equal(63_000m, r.Figure("heffing")!.Today);
        // Scenario: B = 3,5 %. A × B = 35.000 uur; (35.000 − 10.000) ÷ 1.331 = 18,78 → 18,7 banen; × € 5.000 = € 93.500.
        Assert.Equal(18.7m, r.Figure("tekort")!.Scenario);
        Assert.Equal(93_500m, r.Figure("heffing")!.Scenario);
        Assert.Equal(30_500m, r.Figure("heffing")!.Difference);
        Assert.Equal(20_500m, r.Figure("heffing_niet_herberekend")!.Today);
        Assert.Null(r.Figure("heffing_niet_herberekend")!.Scenario);
        Assert.Contains(r.Notes, n => n.Contains("toerekeningen van inleenverbanden"));
        Assert.Equal(3.5m, r.Figure("heffing")!.ScenarioTrace!.ParametersUsed.Single(p => p.Name == ParameterNames.QuotaPercentageGovernment).Value);
    }

    [Fact]
    public void Without_a_stored_national_run_the_levy_says_so_plainly()
    {
        var r = Calculator.Compute(Key(40m), 2021).Section(ScenarioResult.Levy);
        Assert.Empty(r.Figures);
        Assert.Contains("Geen landelijke berekening over 2021 in de database", r.Notes[0]);
    }

    [Theory]
    [InlineData("verdeelsleutel_overheid=2021:veertig:x", "Ongeldige waarde 'veertig'")]
    [InlineData("verdeelsleutel_overheid=2021:40", "verwacht naam=jaar:waarde:reden")]
    [InlineData("bestaat_niet=2021:40:x", "Onbekende parameter 'bestaat_niet'")]
    [InlineData("verdeelsleutel_overheid=2021:40: ", "reden")]
    public void Bad_scenario_values_are_refused_in_Dutch(string spec, string message)
    {
        var e = Assert.Throws<FormatException>(() => ScenarioOverride.Parse(spec, ParameterSet.Embedded));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Bad_growth_and_targets_are_refused_in_Dutch()
    {
        Assert.Contains("Onbekende sector 'zee'", Assert.Throws<FormatException>(() => SectorGrowth.Parse("zee=5:2025")).Message);
        Assert.Contains("doelstelling_markt", Assert.Throws<FormatException>(() => ScenarioTarget.Parse("markt=2024:5")).Message);
        Assert.Equal("politie=12,5%:2026", SectorGrowth.Parse("politie=12,5%:2026").Spec);
    }
}
