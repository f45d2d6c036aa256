using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Rules.Regimes;
using Banenmonitor.Rules.Units;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Banenmonitor.Rules.Tests;

/// <summary>One employer year for both regimes, with the parameter set and the year of the new law's parameters.</summary>
public sealed record RegimeCase(bool Activated, EmployerYear Employer, int RegimeYear)
{
    public override string ToString() =>
        $"geactiveerd={Activated}, regimejaar={RegimeYear}, {Employer with { TargetGroupEmployees = null, Attributions = null }}, " +
        $"werknemers=[{string.Join("; ", (Employer.TargetGroupEmployees ?? []).Select(w => w.Hours.Value))}], toerekeningen={Employer.Attributions?.Count ?? 0}";
}

/// <summary>
/// The trace-free figures of both regimes (<see cref="RegimeComparison.Figures"/>, used per employer by the national
/// comparison inside DuckDB) equal the figures of the traced outcomes, on every branch of both regimes.
/// </summary>
public class RegimeFiguresPropertyTests
{
    /// <summary>The new law's unconfirmed values supplied as an administrator would (test values), so surcharge and bonus apply.</summary>
    private static readonly ParameterSet Activated = ParameterSet.Embedded
        .WithOverride("wba_activeringsjaar=2026:2026:test: aangenomen activering")
        .WithOverride("scenario_quotumpercentage_wba=2026:2.5:test: aangenomen quotumpercentage")
        .WithOverride("wba_inclusiviteitsopslag_percentage=2026:0.5:test: aangenomen opslag")
        .WithOverride("gemiddeld_premieloon_per_werknemer=2026:40000:test: aangenomen gemiddeld premieloon")
        .WithOverride("gemiddeld_premieloon_per_werknemer=2027:40000:test: aangenomen gemiddeld premieloon")
        .WithOverride("gemiddeld_premieloon_per_werknemer=2028:40000:test: aangenomen gemiddeld premieloon");

    private static readonly RegimeComparison ActivatedRules = new(Activated);
    private static readonly RegimeComparison EmbeddedRules = new(ParameterSet.Embedded);

    // 2025 lacks the government quota percentage (quotumregeling not computable above the threshold). As a regime year,
    // 2017 precedes the wage cost advantage (LKV banenafspraak from 2018: the new law's what-if is not computable), 2025
    // precedes the new law but has the LKV; 2026–2027 are before the surcharge year, 2028 after it.
    private static readonly int[] Years = [2018, 2020, 2022, 2024, 2025];
    private static readonly int[] RegimeYears = [2017, 2025, 2026, 2027, 2028, 2028];

    private static Gen<decimal> Hours(int max) =>
        from whole in Gen.Choose(0, max)
        from frac in Gen.Choose(0, 9999)
        select whole + frac / 10000m;

    public static Arbitrary<RegimeCase> Cases() =>
        (from activated in Gen.Choose(0, 3)
         from yi in Gen.Choose(0, Years.Length - 1)
         from ri in Gen.Choose(0, RegimeYears.Length - 1)
         from size in Gen.Elements(2_000, 40_000, 200_000, 5_000_000)
         from a in Hours(size)
         from cPermille in Gen.Elements(0, 5, 12, 20, 25, 30, 60, 500)
         from prev in Gen.Choose(0, 4)
         from government in Gen.Choose(0, 2)
         from agency in Gen.Choose(0, 5)
         from persons in Gen.ListOf(Hours(3_000)).Select(l => l.Take(5).ToList())
         from attributed in Hours(2_000)
         from premium in Gen.Choose(0, 3)
         from wage in Gen.Choose(10, 60)
         from bill in Gen.Choose(0, 3)
         let y = Years[yi]
         let c = LegalRounding.Down(a * cPermille / 1000m, 4)
         let agreed = new DateOnly(y + 1, 3, 1)
         let atts = prev % 2 == 0 ? null : new HiredInAttribution[]
         {
             new("persoon 1", AttributionSide.Hirer, new(attributed), new(attributed / 2), agreed),
             new("persoon 2", AttributionSide.Lender, new(c / 3), new(c), agreed.AddYears(1)),
             new("persoon 3", AttributionSide.Lender, new(c / 5), new(c), agreed),
         }
         select new RegimeCase(activated != 0, new EmployerYear(y, new PaidHours(a), new PaidHours(c),
             prev == 0 ? null : new PaidHours(prev == 1 ? a / 100 : a),
             government != 0,
             premium == 0 ? null : new Euros(LegalRounding.Down(a * wage, 2)),
             premium < 2 ? null : new Euros(LegalRounding.Down(a * wage / (premium == 2 ? 10 : 1) * 11 / 10, 2)),
             persons.Select((h, i) => new TargetGroupEmployee($"persoon {i + 1}", new PaidHours(h))).ToList(),
             null, atts, agency == 0 ? new PaidHours(a / 3) : agency == 1 ? new PaidHours(a * 2) : null,
             bill == 0 ? null : new Euros(bill == 1 ? 800_000m : 50_000_000m)),
             RegimeYears[ri])).ToArbitrary();

    private static RegimeComparison RulesOf(RegimeCase x) => x.Activated ? ActivatedRules : EmbeddedRules;

    [Property(MaxTest = 1000, Arbitrary = [typeof(RegimeFiguresPropertyTests)])]
    public bool Figures_without_trace_equal_the_traced_outcomes(RegimeCase x)
    {
        var rules = RulesOf(x);
        var figures = rules.Figures(x.Employer, x.RegimeYear);
        var traced = rules.Compare(x.Employer, x.RegimeYear);
        return figures.Quotumregeling == RegimeFigures.Of(traced.Quotumregeling)
               && figures.WetBanenafspraak2025 == RegimeFigures.Of(traced.WetBanenafspraak2025)
               && figures.Quotumregeling == RegimeFigures.Of(rules.Quotumregeling(x.Employer))
               && figures.WetBanenafspraak2025 == RegimeFigures.Of(rules.WetBanenafspraak2025(x.Employer with { Year = x.RegimeYear }));
    }

    /// <summary>The generator reaches every branch of both regimes, so the property above is not vacuous.</summary>
    [Fact]
    public void The_cases_reach_every_branch_of_both_regimes()
    {
        var outcomes = FsCheck.FSharp.Gen.Sample(3000, Cases().Generator)
            .Select(x => (x, f: RulesOf(x).Figures(x.Employer, x.RegimeYear))).ToList();
        var branches = new (string Name, Func<RegimeCase, RegimeFigures, RegimeFigures, bool> Hit)[]
        {
            ("quotumregeling niet te berekenen", (_, q, _) => !q.Computable && q.NotComputableReason is not null),
            ("quotumregeling vrijgesteld", (_, q, _) => q.Computable && !q.SubjectToQuota),
            ("quotumregeling met tekort", (_, q, _) => q.SubjectToQuota && q.Shortfall!.Value.Value > 0 && q.Levy > 0),
            ("quotumregeling zonder tekort", (_, q, _) => q.SubjectToQuota && q.Shortfall!.Value.Value == 0),
            ("wba niet te berekenen", (_, _, w) => !w.Computable && w.NotComputableReason is not null),
            ("wba niet geactiveerd", (x, _, w) => !x.Activated && w.Computable && w.WageCostAdvantage > 0),
            ("wba loonkostenvoordeel begrensd", (x, _, w) => w.Computable && x.Employer.TargetGroupEmployees!.Any(e => e.Hours.Value > 2000)),
            ("wba bonus", (_, _, w) => w.Bonus > 0),
            ("wba opslag nog niet", (x, _, w) => x.Activated && w.Computable && x.RegimeYear < 2028 && !w.SubjectToQuota),
            ("wba kleine werkgever", (x, _, w) => x.Activated && x.RegimeYear == 2028 && w.Computable && !w.SubjectToQuota && w.Incomplete is null
                && x.Employer.PremiumBaseTwoYearsBefore is { Value: <= 1_000_000m }),
            ("wba quotum gehaald", (x, _, w) => w.SubjectToQuota && x.Employer.PremiumBase is null && w.Incomplete is null),
            ("wba opslag", (_, _, w) => w.Surcharge > 0),
            ("wba opslag zonder premieloon", (_, _, w) => w.Incomplete is not null && w.Incomplete == WetBanenafspraak2025Rules.SurchargeWithoutPremiumBase),
            ("wba kleinewerkgeverstoets zonder premieloon t−2", (x, _, w) => x.Employer.PremiumBaseTwoYearsBefore is null && w.Incomplete is not null
                && w.Incomplete == WetBanenafspraak2025Rules.SmallEmployerTestWithoutWageBill(x.RegimeYear)),
            ("wba opslag nul (uitgezonderd ≥ premieloon)", (x, _, w) => w.SubjectToQuota && w.Incomplete is null && w.Surcharge == 0
                && x.Employer.PremiumBaseExcluded is { } ex && ex.Value >= x.Employer.PremiumBase!.Value.Value),
            ("uitzendkrachten", (x, q, _) => q.Computable && x.Employer.AgencyStaffHours is not null),
            ("toerekeningen", (x, q, _) => q.SubjectToQuota && x.Employer.Attributions is not null),
        };
        var missing = branches.Where(b => !outcomes.Any(o => b.Hit(o.x, o.f.Quotumregeling, o.f.WetBanenafspraak2025))).Select(b => b.Name).ToList();
        Assert.True(missing.Count == 0, "niet bereikt: " + string.Join(", ", missing));
    }
}
