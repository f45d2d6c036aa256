using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Planning;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Rules.Units;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Rules.Tests.Planning;

/// <summary>The employer's multi-year plan (issue 24) against the calculator and hand computations.</summary>
public sealed class EmployerPlanTests
{
    private static readonly PlanBasis Basis = new(2023, 600_000m, 3_000m, 2m, true);

    [Fact]
    public void Quotumregeling_years_give_the_calculators_required_jobs_and_levy_with_growing_hours()
    {
        var plan = new EmployerPlan(ParameterSet.Embedded).Compute(Basis, 2024, 2024);
        var y = plan.Single();
        // 600.000 × 1,02 = 612.000 hours in 2024
        Assert.Equal(612_000m, y.PaidHours);
        var expected = new QuotaCalculator(ParameterSet.Embedded).Compute(new QuotaInput(2024, new PaidHours(612_000m), new PaidHours(3_000m), new PaidHours(600_000m)));
        Assert.Equal(expected.RequiredJobs!.Value.Value, y.Quotumregeling.JobsNeeded);
        Assert.Equal(expected.Shortfall.Value, y.Quotumregeling.JobsToAdd);
        Assert.Equal(expected.Levy.Value, y.Quotumregeling.CostOfDoingNothing);
        Assert.True(y.Quotumregeling.CostSuspended);
        // by hand: 612.000 × 2,76% = 16.891,2 h ÷ 1.331 = 12,69 → 12,6 required jobs (down); (16.891,2 − 3.000) ÷ 1.331 = 10,43 → 10,4
        Assert.Equal(12.6m, y.Quotumregeling.JobsNeeded);
        Assert.Equal(10.4m, y.Quotumregeling.JobsToAdd);
        Assert.Equal(52_000m, y.Quotumregeling.CostOfDoingNothing);
        Assert.False(y.WetBanenafspraak.Applies);
        // the LKV banenafspraak existed from 2018: min(1.331 × € 1,01; € 2.000) = € 1.344,31 per job, for the 10,4 jobs to add
        Assert.Equal(1344.31m, y.LkvPerJob);
        Assert.Equal(LegalRounding.Down(10.4m * 1344.31m, 2), y.LkvForJobsToAdd);
        Assert.Contains("doelgroepverklaring", y.LkvExplanation);
        Assert.All(y.LkvParameters.Skip(1), v => Assert.Equal(new DateOnly(2018, 1, 1), v.ValidFrom));
    }

    [Fact]
    public void The_LKV_banenafspraak_is_planned_for_every_year_it_exists_from_its_parameters_and_not_before()
    {
        var plan = new EmployerPlan(ParameterSet.Embedded).Compute(new PlanBasis(2016, 600_000m, 3_000m, 0m, true), 2017, 2027);
        foreach (var y in plan)
        {
            if (!ParameterSet.Embedded.TryGet(P.LkvPerHour, y.Year, out var rate) || !ParameterSet.Embedded.TryGet(P.LkvMaxPerEmployee, y.Year, out var max))
            {
                Assert.Null(y.LkvPerJob);
                continue;
            }
            Assert.Equal(Math.Min(1331m * rate!.Required, max!.Required), y.LkvPerJob);
        }
        Assert.Null(plan.Single(p => p.Year == 2017).LkvPerJob); // before the Wtl's LKV banenafspraak (2018)
        Assert.All(plan.Where(p => p.Year >= 2018), y => Assert.Equal(1344.31m, y.LkvPerJob));
    }

    [Fact]
    public void From_2026_the_quotumregeling_no_longer_applies_and_the_unknown_percentage_is_said_not_guessed()
    {
        var plan = new EmployerPlan(ParameterSet.Embedded).Compute(Basis, 2026, 2028);
        Assert.Equal([2026, 2027, 2028], plan.Select(p => p.Year));
        foreach (var y in plan)
        {
            Assert.False(y.Quotumregeling.Applies);
            Assert.True(y.WetBanenafspraak.Applies);
            Assert.Null(y.WetBanenafspraak.JobsNeeded);
            Assert.Contains("kent geen quotumpercentage per werkgever", y.WetBanenafspraak.Explanation);
            Assert.Null(y.WetBanenafspraak.CostOfDoingNothing);
            // the LKV of 2026: min(1.331 × € 1,01; € 2.000) = € 1.344,31 per job
            Assert.Equal(1344.31m, y.LkvPerJob);
        }
    }

    [Fact]
    public void With_an_assumed_percentage_and_activation_the_jobs_needed_and_the_surcharge_follow_by_hand()
    {
        const string source = "aanname in de test";
        var p = ParameterSet.Embedded
            .WithOverride($"{P.WbaScenarioQuotaPercentage}=2026:2.5:{source}")
            .WithOverride($"{P.WbaActivationYear}=2026:2026:{source}")
            .WithOverride($"{P.WbaSurchargePercentage}=2026:0.5:{source}")
            .WithOverride($"{P.AveragePremiumWage}=2026:38000:{source}")
            .WithOverride($"{P.AveragePremiumWage}=2027:38000:{source}")
            .WithOverride($"{P.AveragePremiumWage}=2028:38000:{source}");
        // a wage bill of € 30 mln is above 25 × € 38.000 = € 950.000: no small employer
        var plan = new EmployerPlan(p).Compute(Basis with { PremiumBase = 30_000_000m }, 2026, 2028);
        var y2026 = plan[0];
        // 600.000 × 1,02³ = 636.724,8 → 636.725 hours; × 2,5% = 15.918,125 → 15.918,12 h; ÷ 1.331 = 11,959… → 11,96 jobs (up)
        Assert.Equal(636_725m, y2026.PaidHours);
        Assert.Equal(15_918.12m, y2026.WetBanenafspraak.HoursNeeded);
        Assert.Equal(11.96m, y2026.WetBanenafspraak.JobsNeeded);
        // to add: (15.918,12 − 3.000) ÷ 1.331 = 9,705… → 9,71
        Assert.Equal(9.71m, y2026.WetBanenafspraak.JobsToAdd);
        Assert.True(y2026.WetBanenafspraak.UsesUnconfirmed);
        // surcharge only from the second year after activation (art. 6): 2026 and 2027 nothing, 2028 0,5% of the premium base
        Assert.Equal(0m, y2026.WetBanenafspraak.CostOfDoingNothing);
        Assert.Equal(0m, plan[1].WetBanenafspraak.CostOfDoingNothing);
        Assert.Equal(150_000m, plan[2].WetBanenafspraak.CostOfDoingNothing);
        // LKV for the jobs to add: 9,71 × € 1.344,31
        Assert.Equal(LegalRounding.Down(9.71m * 1344.31m, 2), y2026.LkvForJobsToAdd);
    }

    [Fact]
    public void Bad_plans_are_refused_in_Dutch()
    {
        var plan = new EmployerPlan(ParameterSet.Embedded);
        Assert.Contains("na het basisjaar", Assert.Throws<ArgumentException>(() => plan.Compute(Basis, 2023, 2025)).Message);
        Assert.Contains("tussen nul", Assert.Throws<ArgumentException>(() => plan.Compute(Basis with { TargetGroupHours = 700_000m }, 2024, 2025)).Message);
        Assert.Contains("groter dan nul", Assert.Throws<ArgumentException>(() => plan.Compute(Basis with { PaidHours = 0 }, 2024, 2025)).Message);
    }
}
