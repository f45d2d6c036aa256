using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Planning;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Rules.Tests.Planning;

/// <summary>The employer's dated duties (issue 24) from the parameters, against the dates the law gives.</summary>
public sealed class EmployerDeadlinesTests
{
    [Fact]
    public void Every_levy_year_of_the_quotumregeling_has_its_attribution_cut_off_and_its_levy_decision_in_the_year_after()
    {
        var cal = new EmployerDeadlines(ParameterSet.Embedded).Between(2019, 2028, governmentEmployer: true);
        for (var levyYear = 2018; levyYear <= 2025; levyYear++)
        {
            // Besluit Wfsv art. 2.27–2.31: agreed before 1 August of the year after, so 31 July is the last day
            var attribution = cal.Deadlines.Single(d => d.Kind == DutyKind.HiredInAttribution && d.LevyYear == levyYear);
            Assert.Equal(new DateOnly(levyYear + 1, 8, 1), attribution.Before);
            Assert.Equal(new DateOnly(levyYear + 1, 7, 31), attribution.LastDay);
            Assert.Contains("Besluit Wfsv art. 2.27", attribution.LegalText);
            Assert.Contains(attribution.Parameters, p => p.Name == P.AttributionDeadlineMonth && p.Source.Contains("2.27"));
            // Wfsv art. 38h: imposed before 1 November of the year after; suspended every year (art. 122na)
            var decision = cal.Deadlines.Single(d => d.Kind == DutyKind.LevyDecision && d.LevyYear == levyYear);
            Assert.Equal(new DateOnly(levyYear + 1, 11, 1), decision.Before);
            Assert.Equal(new DateOnly(levyYear + 1, 10, 31), decision.LastDay);
            Assert.True(decision.Suspended);
            Assert.Contains("122na", decision.Description);
            Assert.Contains(decision.Parameters, p => p.Name == P.LevyDecisionDeadlineMonth);
        }
        Assert.Equal(16, cal.Deadlines.Count);
        Assert.DoesNotContain(cal.Deadlines, d => d.LastDay.Year > 2026);
        // under the Wet banenafspraak (2026 on) neither applies, and the surcharge has no date: each said with its source
        foreach (var y in new[] { 2026, 2027 })
        {
            Assert.Contains(cal.Undated, u => u.LevyYear == y && u.Kind == DutyKind.HiredInAttribution && u.Reason.Contains("art. 12"));
            Assert.Contains(cal.Undated, u => u.LevyYear == y && u.Kind == DutyKind.LevyDecision && u.Parameters.Any(p => p.Name == P.QuotumregelingLastYear));
            Assert.Contains(cal.Undated, u => u.LevyYear == y && u.Kind == DutyKind.Surcharge && u.Reason.Contains("niet geactiveerd"));
        }
    }

    [Fact]
    public void A_market_employer_keeps_the_attribution_cut_off_but_gets_no_levy_decision()
    {
        var cal = new EmployerDeadlines(ParameterSet.Embedded).Between(2026, 2026, governmentEmployer: false);
        var only = Assert.Single(cal.Deadlines);
        Assert.Equal(DutyKind.HiredInAttribution, only.Kind);
        Assert.Equal(new DateOnly(2026, 7, 31), only.LastDay);
        Assert.Contains(cal.Undated, u => u.Kind == DutyKind.LevyDecision && u.LevyYear == 2025 && u.Reason.Contains("sector markt"));
    }

    [Fact]
    public void The_dates_come_from_the_parameters_and_years_without_a_levy_have_none()
    {
        var p = ParameterSet.Embedded.WithOverride($"{P.AttributionDeadlineMonth}=2013:7:test: andere maand");
        var cal = new EmployerDeadlines(p).Between(2024, 2024, governmentEmployer: true);
        Assert.Equal(new DateOnly(2024, 6, 30), cal.Deadlines.Single(d => d.Kind == DutyKind.HiredInAttribution).LastDay);

        // the levy started with the activation for the government sector (2018): no duties over 2016 and 2017
        var early = new EmployerDeadlines(ParameterSet.Embedded).Between(2017, 2018, governmentEmployer: true);
        Assert.Empty(early.Deadlines);
        Assert.Contains(early.Undated, u => u.LevyYear == 2017 && u.Reason.Contains("geen quotumheffing"));
        Assert.Throws<ArgumentException>(() => new EmployerDeadlines(ParameterSet.Embedded).Between(2028, 2026, true));
    }
}
