using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Quota;

namespace Banenmonitor.Rules.Tests;

/// <summary>The period rule of the register (Wfsv art. 38g lid 8) and the one quota question.</summary>
public sealed class StoredQuotaRulesTests
{
    private static RegistrationInterval R(string start, string? end = null) =>
        new(DateOnly.Parse(start), end is null ? null : DateOnly.Parse(end));

    [Theory]
    [InlineData("2022-03-01", "2022-03-31", "2022-03-31", null, PeriodRuleOutcome.Counts)]            // registered on the period's last day
    [InlineData("2022-03-01", "2022-03-31", "2020-01-01", "2022-03-01", PeriodRuleOutcome.Counts)]    // ended on its first day
    [InlineData("2022-03-01", "2022-03-31", "2022-04-01", null, PeriodRuleOutcome.RegisteredAfterPeriod)]
    [InlineData("2022-03-01", "2022-03-31", "2020-01-01", "2022-02-28", PeriodRuleOutcome.EndedBeforePeriod)]
    // A four-week period over New Year belongs to 2022; a registration from 5 January 2023 is after the year.
    [InlineData("2022-12-18", "2023-01-14", "2023-01-05", null, PeriodRuleOutcome.RegisteredAfterPeriod)]
    [InlineData("2022-12-18", "2023-01-14", "2022-12-31", null, PeriodRuleOutcome.Counts)]
    public void A_period_counts_when_the_person_was_registered_at_any_moment_of_it_within_the_year(string from, string to, string regStart, string? regEnd, PeriodRuleOutcome expected) =>
        Assert.Equal(expected, TargetGroupPeriodRule.Apply(DateOnly.Parse(from), DateOnly.Parse(to), 2022, [R(regStart, regEnd)]));

    [Fact]
    public void Several_intervals_and_no_registration()
    {
        var gap = new[] { R("2018-01-01", "2022-02-28"), R("2022-09-01") };
        Assert.Equal(PeriodRuleOutcome.NotRegisteredDuringPeriod, TargetGroupPeriodRule.Apply(new(2022, 5, 1), new(2022, 5, 31), 2022, gap));
        Assert.Equal(PeriodRuleOutcome.Counts, TargetGroupPeriodRule.Apply(new(2022, 9, 1), new(2022, 9, 30), 2022, gap));
        Assert.Equal(PeriodRuleOutcome.NotRegistered, TargetGroupPeriodRule.Apply(new(2022, 9, 1), new(2022, 9, 30), 2022, []));
        Assert.Equal("ingeschreven na de periode", TargetGroupPeriodRule.Dutch(PeriodRuleOutcome.RegisteredAfterPeriod));
    }

    [Fact]
    public void The_quota_question_validates_once_and_converts_fte_with_its_trace()
    {
        var p = ParameterSet.Embedded;
        Assert.Equal("Vul verloonde uren óf fte in, niet allebei.", new QuotaQuestion(2022, 600_000m, Fte: 300m, HoursPerWeek: 38m).Validate(p)["omvang"]);
        Assert.Contains("vanaf 2018", new QuotaQuestion(2017, 600_000m).Validate(p)["jaar"]);
        var blocked = new QuotaQuestion(2026, 600_000m).Validate(p);
        Assert.NotNull(blocked.YearBlock);
        Assert.Contains("niet groter zijn dan de totale verloonde uren", new QuotaQuestion(2022, 100m, TargetGroupHours: 200m).Validate(p)["doelgroep"]);
        Assert.Throws<ArgumentException>(() => new QuotaQuestion(2022).ToInput(p));

        // fte × hours per week: the conversion is the first step of the trace, and equals the same paid hours typed in.
        var byFte = new QuotaQuestion(2022, Fte: 300m, HoursPerWeek: 38m, PaidHoursPreviousYear: 600_000m, TargetGroupHours: 15_000m).Compute(p);
        Assert.StartsWith("Omrekening van fte", byFte.Trace.Steps[0].Description);
        var hours = byFte.Trace.Steps[0].Value!.Value;
        var byHours = new QuotaQuestion(2022, hours, PaidHoursPreviousYear: 600_000m, TargetGroupHours: 15_000m).Compute(p);
        Assert.Equal(byHours.Figures, byFte.Figures);
        Assert.True(new QuotaQuestion(2022, 600_000m, Market: true).Compute(p).Exempt);
    }
}
