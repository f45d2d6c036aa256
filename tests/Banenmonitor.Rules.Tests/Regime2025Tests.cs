using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Regimes;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Rules.Tests;

/// <summary>Worked cases of the Wet banenafspraak 2025 (BWBR0051018) and the Wtl, side by side with the quotumregeling.</summary>
public class Regime2025Tests
{
    private static readonly ParameterSet Base = ParameterSet.Embedded;
    private static ParameterSet Activated(int year = 2026, string pct = "2.5", string surcharge = "0.5") => Base
        .WithOverride($"wba_activeringsjaar=2026:{year}:test: aangenomen activering")
        .WithOverride($"scenario_quotumpercentage_wba=2026:{pct}:test: aangenomen quotumpercentage (scenario)")
        .WithOverride($"wba_inclusiviteitsopslag_percentage=2026:{surcharge}:test: aangenomen opslag");

    /// <summary>Activated, with an assumed average premium wage of € 40,000 for 2026–2028 (limit of the small-employer test: 25 × € 40,000 = € 1,000,000).</summary>
    private static ParameterSet ActivatedWithAverageWage(int year = 2026, string pct = "2.5") => Activated(year, pct)
        .WithOverride("gemiddeld_premieloon_per_werknemer=2026:40000:test: aangenomen gemiddeld premieloon")
        .WithOverride("gemiddeld_premieloon_per_werknemer=2027:40000:test: aangenomen gemiddeld premieloon")
        .WithOverride("gemiddeld_premieloon_per_werknemer=2028:40000:test: aangenomen gemiddeld premieloon");

    /// <summary>A wage bill of t−2 well above the small-employer limit of <see cref="ActivatedWithAverageWage"/>.</summary>
    private static readonly Euros LargeWageBill = new(30_000_000);

    [Fact]
    public void LKV_is_1_01_per_paid_hour_capped_at_2000_per_employee_per_year_Wtl_2_10_2_13()
    {
        // Wtl art. 2.10 and 2.13 (from 1 January 2026): € 1.01 per paid hour, at most € 2,000 per employee per year.
        var e = new EmployerYear(2026, new PaidHours(100_000), new PaidHours(2_500), TargetGroupEmployees:
            [new TargetGroupEmployee("W1", new PaidHours(1_000)), new TargetGroupEmployee("W2", new PaidHours(1_500))]);
        var r = new WetBanenafspraak2025Rules(Base).Compute(e);
        Assert.Equal(1_010m + 1_515m, r.Receivable.Value);
        var big = new EmployerYear(2026, new PaidHours(100_000), new PaidHours(2_500), TargetGroupEmployees: [new TargetGroupEmployee("W3", new PaidHours(2_500))]);
        Assert.Equal(2_000m, new WetBanenafspraak2025Rules(Base).Compute(big).Receivable.Value);
        Assert.Contains(r.Trace.Steps, s => s.Legal == "Wtl art. 2.10 en 2.13");
    }

    [Fact]
    public void Without_activation_there_is_no_surcharge_and_no_bonus_Wet_banenafspraak_art_5()
    {
        var r = new WetBanenafspraak2025Rules(Base).Compute(new EmployerYear(2026, new PaidHours(1_000_000), PaidHours.Zero, PremiumBase: new Euros(40_000_000)));
        Assert.Equal(0m, r.Payable.Value);
        Assert.Equal(0m, r.Receivable.Value);
        Assert.Contains(r.Trace.Steps, s => s.Legal == "Wet banenafspraak art. 5");
    }

    [Fact]
    public void Bonus_is_5000_per_25_5_hour_job_pro_rata_Wtl_2_13_lid_2()
    {
        // 2,662 target-group hours = 2 jobs of 1,331 hours a year (25.5 h/week) → € 10,000.
        var r = new WetBanenafspraak2025Rules(Activated()).Compute(new EmployerYear(2026, new PaidHours(1_000_000), new PaidHours(2_662)));
        Assert.Equal(10_000m, r.Receivable.Value);
        Assert.Contains(r.Trace.Steps, s => s.Legal!.StartsWith("Wtl art. 2.13 lid 2"));
    }

    [Fact]
    public void Surcharge_starts_in_the_second_calendar_year_after_activation_Wet_banenafspraak_art_6()
    {
        var p = ActivatedWithAverageWage(2026);
        var e = new EmployerYear(2027, new PaidHours(1_000_000), new PaidHours(1_000), PremiumBase: new Euros(40_000_000), PremiumBaseTwoYearsBefore: LargeWageBill);
        Assert.Equal(0m, new WetBanenafspraak2025Rules(p).Compute(e).Payable.Value);
        var r = new WetBanenafspraak2025Rules(p).Compute(e with { Year = 2028 });
        Assert.Equal(40_000_000m * 0.5m / 100m, r.Payable.Value);
        Assert.True(r.UsesUnconfirmed);
    }

    [Fact]
    public void Surcharge_excludes_lent_out_non_lent_Wsw_and_sheltered_work_wages_and_small_employers()
    {
        var p = ActivatedWithAverageWage(2026);
        var e = new EmployerYear(2028, new PaidHours(1_000_000), new PaidHours(1_000), PremiumBase: new Euros(40_000_000), PremiumBaseExcluded: new Euros(10_000_000),
            PremiumBaseTwoYearsBefore: LargeWageBill);
        Assert.Equal(30_000_000m * 0.005m, new WetBanenafspraak2025Rules(p).Compute(e).Payable.Value);
        // Small by its wage bill of t−2 (at most 25 × € 40,000), whatever its hours.
        var small = e with { PremiumBaseTwoYearsBefore = new Euros(1_000_000) };
        Assert.Equal(0m, new WetBanenafspraak2025Rules(p).Compute(small).Payable.Value);
    }

    [Fact]
    public void The_small_employer_test_is_the_wage_bill_of_t_minus_2_against_25_times_the_average_premium_wage_Besluit_Wfsv_2_19d()
    {
        // Activated in 2024, so the surcharge applies in 2026 (art. 6); average premium wage 2026 supplied: limit 25 × € 40,000 = € 1,000,000.
        var p = Activated(2024).WithOverride("gemiddeld_premieloon_per_werknemer=2026:40000:test: aangenomen gemiddeld premieloon");
        // A million paid hours: large by the hours approximation, yet small by its wage bill of 2024.
        var e = new EmployerYear(2026, new PaidHours(1_000_000), new PaidHours(1_000), PremiumBase: new Euros(40_000_000), PremiumBaseTwoYearsBefore: new Euros(1_000_000));
        var small = new WetBanenafspraak2025Rules(p).Compute(e);
        Assert.Equal(0m, small.Payable.Value);
        Assert.False(small.SubjectToQuota);
        var step = Assert.Single(small.Trace.Steps, s => s.Legal == "Besluit Wfsv art. 2.19d; Wet banenafspraak art. 6");
        Assert.Equal(1m, step.Value);
        Assert.Contains(step.Parameters, v => v.Name == ParameterNames.WbaSmallEmployerFactor && v.Value == 25m && v.Status == ParameterStatus.Law);
        Assert.DoesNotContain(small.Trace.ParametersUsed, v => v.Name == ParameterNames.AverageEmployeeHoursPerYear || v.Name.Contains("drempel", StringComparison.Ordinal));
        // One euro above the limit: not small, the surcharge is levied.
        var large = new WetBanenafspraak2025Rules(p).Compute(e with { PremiumBaseTwoYearsBefore = new Euros(1_000_001) });
        Assert.True(large.SubjectToQuota);
        Assert.Equal(40_000_000m * 0.5m / 100m, large.Payable.Value);
    }

    [Fact]
    public void Without_the_average_premium_wage_the_small_employer_test_is_refused_not_guessed()
    {
        // The average premium wage of 2027 has no value in the parameter files (2026: € 43.300, published).
        var e = new EmployerYear(2027, new PaidHours(1_000_000), new PaidHours(1_000), PremiumBase: new Euros(40_000_000), PremiumBaseTwoYearsBefore: new Euros(5_000_000));
        var r = new WetBanenafspraak2025Rules(Activated(2024)).Compute(e);
        Assert.Equal(0m, r.Payable.Value);
        Assert.Equal(WetBanenafspraak2025Rules.SmallEmployerTestWithoutAverageWage(2027), r.Incomplete);
        Assert.Contains("gemiddelde premieloon per werknemer voor 2027 is niet bekend", r.Incomplete);
    }

    [Fact]
    public void Without_the_wage_bill_of_t_minus_2_the_small_employer_test_is_not_made_and_no_hours_or_employee_count_stands_in()
    {
        // A million paid hours, but no wage bill of 2026: the test of Besluit Wfsv art. 2.19d cannot be made, so no surcharge is computed.
        var e = new EmployerYear(2028, new PaidHours(1_000_000), new PaidHours(1_000), PremiumBase: new Euros(40_000_000));
        var r = new WetBanenafspraak2025Rules(ActivatedWithAverageWage(2026)).Compute(e);
        Assert.Equal(WetBanenafspraak2025Rules.SmallEmployerTestWithoutWageBill(2028), r.Incomplete);
        Assert.Contains("premieloon van 2026 (jaar t−2) ontbreekt", r.Incomplete);
        Assert.Equal(0m, r.Payable.Value);
        Assert.False(r.SubjectToQuota);
        var step = Assert.Single(r.Trace.Steps, s => s.Legal == "Besluit Wfsv art. 2.19d; Wet banenafspraak art. 6");
        Assert.Null(step.Value);
        Assert.DoesNotContain(r.Trace.ParametersUsed, v => v.Name == ParameterNames.AverageEmployeeHoursPerYear || v.Name == ParameterNames.ThresholdEmployees);
        // The same employer with its wage bill: the test is made and the surcharge levied.
        var withBill = new WetBanenafspraak2025Rules(ActivatedWithAverageWage(2026)).Compute(e with { PremiumBaseTwoYearsBefore = LargeWageBill });
        Assert.Null(withBill.Incomplete);
        Assert.Equal(40_000_000m * 0.5m / 100m, withBill.Payable.Value);
    }

    [Fact]
    public void The_quota_percentage_of_the_new_law_is_only_a_scenario_input()
    {
        var def = Base.Definition(ParameterNames.WbaScenarioQuotaPercentage);
        Assert.Equal("scenario", def.Regime);
        Assert.StartsWith("SCENARIO-INVOER", def.Description);
        Assert.All(Base.History(ParameterNames.WbaScenarioQuotaPercentage), v => { Assert.Null(v.Value); Assert.Equal(ParameterStatus.NotApplicable, v.Status); });
        Assert.DoesNotContain(Base.Definitions, d => d.Name == "wba_" + "quotumpercentage" || d.Name == "wba_drempel_aantal_werknemers");
        // Without a scenario every non-small employer pays the surcharge; with an assumed 2.5% one above it is spared, and the trace says it is a scenario.
        var noScenario = Base.WithOverride("wba_activeringsjaar=2026:2026:test").WithOverride("wba_inclusiviteitsopslag_percentage=2026:0.5:test")
            .WithOverride("gemiddeld_premieloon_per_werknemer=2026:40000:test").WithOverride("gemiddeld_premieloon_per_werknemer=2027:40000:test")
            .WithOverride("gemiddeld_premieloon_per_werknemer=2028:40000:test");
        var e = new EmployerYear(2028, new PaidHours(1_000_000), new PaidHours(25_000), PremiumBase: new Euros(40_000_000), PremiumBaseTwoYearsBefore: LargeWageBill);
        Assert.Equal(200_000m, new WetBanenafspraak2025Rules(noScenario).Compute(e).Payable.Value);
        var scenario = new WetBanenafspraak2025Rules(ActivatedWithAverageWage(2026, pct: "2.5")).Compute(e);
        Assert.Equal(0m, scenario.Payable.Value);
        Assert.Contains(scenario.Trace.Steps, s => s.Description.StartsWith("Scenario:", StringComparison.Ordinal) && s.Note!.Contains("scenario-aanname"));
        Assert.Contains(scenario.Summary, l => l.StartsWith("Scenario:", StringComparison.Ordinal));
    }

    [Fact]
    public void Comparison_shows_both_regimes_and_the_difference()
    {
        var p = Activated(2026).WithOverride("quotumpercentage_overheid=2026:2.76:test: waarde 2024 aangehouden");
        var e = new EmployerYear(2028, new PaidHours(1_000_000), new PaidHours(13_310), new PaidHours(1_000_000), PremiumBase: new Euros(40_000_000),
            SroiHours: new PaidHours(6_655));
        // Quotumregeling needs a 2028 percentage: not available → not computable, said so.
        var c = new RegimeComparison(p).Compare(e);
        Assert.False(c.Quotumregeling.Computable);
        Assert.Contains(c.Explanation, x => x.Contains("Quotumregeling niet te berekenen"));
        var c2 = new RegimeComparison(p).Compare(e with { Year = 2026 });
        Assert.True(c2.Quotumregeling.Computable);
        Assert.True(c2.Quotumregeling.PayableSuspended);
        // 1,000,000 × 2.76% = 27,600 h; C = 13,310 → (27,600 − 13,310)/1,331 = 10.73… → 10.7 jobs → € 53,500
        Assert.Equal(53_500m, c2.Quotumregeling.Payable.Value);
        // SROI scenario: C + 6,655 = 19,965 → (27,600 − 19,965)/1,331 = 5.73… → 5.7 jobs
        Assert.Equal(28_500m, c2.QuotumregelingSroiScenario!.Payable.Value);
        Assert.Equal(50_000m, c2.WetBanenafspraak2025.Receivable.Value); // 10 jobs × € 5,000
        Assert.Contains(c2.Explanation, x => x.Contains("verschil"));
    }

    [Fact]
    public void Regime_is_selected_by_year()
    {
        Assert.Equal([Regime.Quotumregeling], Regime.For(2022));
        Assert.Equal([Regime.WetBanenafspraak2025], Regime.For(2026));
        Assert.Equal(Regime.WetBanenafspraak2025, Regime.Parse("wba2025"));
        Assert.Throws<ArgumentException>(() => Regime.Parse("onbekend"));
    }

    [Fact]
    public void Agency_staff_hours_are_left_out_of_A_for_the_surcharge_Wet_banenafspraak_art_6()
    {
        // 1,000,000 paid hours of which 900,000 agency staff lent out: A = 100,000; C = 2,000 → 2.0% < 2.5% (scenario) → surcharge.
        var p = ActivatedWithAverageWage(2026);
        var e = new EmployerYear(2028, new PaidHours(1_000_000), new PaidHours(2_000), PremiumBase: new Euros(1_000_000), AgencyStaffHours: new PaidHours(900_000),
            PremiumBaseTwoYearsBefore: LargeWageBill);
        var r = new WetBanenafspraak2025Rules(p).Compute(e);
        Assert.Equal(5_000m, r.Payable.Value); // € 1,000,000 × 0.5%
        Assert.Contains(r.Trace.Steps, s => s.Formula == "C ÷ A × 100" && s.Value == 2m);
        // A wage bill of t−2 of € 900,000 ≤ 25 × € 40,000: a small employer, no surcharge.
        var small = new WetBanenafspraak2025Rules(p).Compute(e with { PremiumBaseTwoYearsBefore = new Euros(900_000) });
        Assert.Equal(0m, small.Payable.Value);
        Assert.False(small.SubjectToQuota);
        Assert.True(r.SubjectToQuota);
    }

    [Fact]
    public void Missing_premium_base_leaves_the_surcharge_uncomputed_but_keeps_bonus_and_LKV()
    {
        var p = Activated(2026);
        var e = new EmployerYear(2028, new PaidHours(1_000_000), new PaidHours(2_662),
            TargetGroupEmployees: [new TargetGroupEmployee("W1", new PaidHours(2_662))]);
        var r = new RegimeComparison(p).WetBanenafspraak2025(e);
        Assert.True(r.Computable);
        Assert.NotNull(r.Incomplete);
        Assert.Equal(0m, r.Amount(RegimeAmountKind.Surcharge));
        Assert.Equal(10_000m, r.Amount(RegimeAmountKind.Bonus)); // 2 jobs × € 5,000 (Wtl art. 2.13 lid 2)
        Assert.Equal(2_000m, r.Amount(RegimeAmountKind.WageCostAdvantage)); // capped (Wtl art. 2.13)
        Assert.Equal(12_000m, r.Receivable.Value);
    }

    [Fact]
    public void Data_of_2023_is_computed_with_the_new_laws_first_year_parameters()
    {
        Assert.Equal(2026, Regime.WetBanenafspraak2025.ParameterYearFor(2023));
        Assert.Equal(2028, Regime.WetBanenafspraak2025.ParameterYearFor(2028));
        var e = new EmployerYear(2023, new PaidHours(1_000_000), new PaidHours(1_331), new PaidHours(1_000_000),
            TargetGroupEmployees: [new TargetGroupEmployee("W1", new PaidHours(1_331))]);
        var c = new RegimeComparison(Base).Compare(e, 2026);
        Assert.True(c.Quotumregeling.Computable);
        Assert.Equal(2023, c.Quotumregeling.Year);
        Assert.Equal(2026, c.WetBanenafspraak2025.Year);
        Assert.Equal(1_331m * 1.01m, c.WetBanenafspraak2025.Receivable.Value); // LKV only: activation unknown (art. 5)
        Assert.Contains(c.Explanation, l => l.Contains("parameters van 2026 op de gegevens van 2023", StringComparison.Ordinal));
    }
}
