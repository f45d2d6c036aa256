using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Rules.Sectors;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Rules.Tests;

public class ConversionAndSectorTests
{
    private static readonly JobConversion Conv = new(ParameterSet.Embedded);

    [Theory]
    [InlineData(PeriodLength.Week, "25.5", "1")]
    [InlineData(PeriodLength.Month, "110.92", "1")]
    [InlineData(PeriodLength.Quarter, "665.5", "2")]
    [InlineData(PeriodLength.Year, "2662", "2")]
    public void Jobs_from_paid_hours_per_period(PeriodLength period, string hours, string jobs)
    {
        var h = decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture);
        var expected = decimal.Parse(jobs, System.Globalization.CultureInfo.InvariantCulture);
        var r = Conv.JobsFromHours(new PaidHours(h), period, 2022);
        Assert.Equal(expected, Math.Round(r.Value.Value, 1));
        Assert.Single(r.Trace.Steps);
    }

    [Fact]
    public void Weekly_and_yearly_job_definitions_agree_for_a_workforce_in_fte()
    {
        var yearly = Conv.YearlyHoursFromFte(10m, 25.5m, 2022).Value;
        Assert.Equal(10m, Math.Round(Conv.JobsFromHours(yearly, PeriodLength.Year, 2022).Value.Value, 10));
    }

    [Fact]
    public void Persons_versus_jobs_seed_003_8_1_4()
    {
        // Seed 003 §8.1.4: in Q1 2022, 149,272 jobs were held by 129,532 persons: 1.15 jobs per person.
        var r = JobConversion.JobsPerPerson(new Jobs(149_272), 129_532);
        Assert.Equal(1.15m, Math.Round(r.Value, 2));
        Assert.Equal(149_272m, Math.Round(JobConversion.JobsFromPersons(129_532, r.Value).Value.Value, 6));
    }

    [Fact]
    public void Sector_realisation_with_and_without_SROI_Defensie_2023()
    {
        // Seed 001: Defensie 2023 target 822, realised 508.5, via SROI 235.8 — 90.5% including SROI.
        var r = SectorRealisation.Compute(new Jobs(822), new Jobs(508.5m), new Jobs(235.8m));
        Assert.Equal(61.9m, Math.Round(r.Percentage.Points, 1));
        Assert.Equal(90.5m, Math.Round(r.PercentageIncludingSroi!.Value.Points, 1));
    }

    [Fact]
    public void Interval_arithmetic_distinguishes_rounding_from_substance()
    {
        // Rijk 2021: 3,203 / 4,674 = 68.5%, published as 69% (rounding); water boards 2023: 329 / 552 = 59.6%, published 56.6% (substantive).
        var rijk = ValueInterval.Rounded(3203, 0) / ValueInterval.Rounded(4674, 0) * 100m;
        Assert.True(rijk.Overlaps(ValueInterval.Rounded(69, 0)));
        var ws = ValueInterval.Rounded(329, 0) / ValueInterval.Rounded(552, 0) * 100m;
        Assert.False(ws.Overlaps(ValueInterval.Rounded(56.6m, 1)));
        Assert.Equal(1, ValueInterval.DecimalsOf(56.6m));
    }

    [Fact]
    public void Dutch_number_formatting()
    {
        Assert.Equal("5.250", DutchFormat.Number(5250m, 1));
        Assert.Equal("110,4%", DutchFormat.Percent(110.4m));
        Assert.Equal("1.038,68", DutchFormat.Number(1038.68m));
    }
}
