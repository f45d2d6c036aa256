using Banenmonitor.Rules.Parameters;

namespace Banenmonitor.Analytics.Tests;

/// <summary>
/// The national measurement per quarter and labour-market region: its sums equal the yearly national total, the year's
/// outputs do not change when it is asked for, and Parquet (two reads) and CSV (one read) give the same rows.
/// </summary>
public sealed class QuartersAndRegionsTests(SmallYear data) : IClassFixture<SmallYear>
{
    private NationalRunResult Detailed(string dir) =>
        new NationalEngine(ParameterSet.Embedded).Run(new NationalRunOptions(dir, SmallYear.Year, KeepEmployers: true, QuartersAndRegions: true));

    [Fact]
    public void Quarter_and_region_sums_equal_the_yearly_national_total()
    {
        var r = Detailed(data.Dir);
        var d = r.QuartersAndRegions!;
        var yearly = data.Result.Measurement.Where(m => NationalEngine.CountsNationally(m.SectorCode, m.Form)).Sum(m => m.HoursLastMonth);
        Assert.True(yearly > 0);

        // Four national rows; the fourth quarter's end is the year's end: the same hours and persons as the yearly measurement.
        Assert.Equal([1, 2, 3, 4], d.National.Select(q => q.Quarter));
        var q4 = d.National.Single(q => q.Quarter == 4);
        Assert.Equal(yearly, q4.HoursEndOfQuarter);
        Assert.Equal(data.Result.PersonsWorking, q4.Persons);

        // Per quarter, the regions add up to the national row exactly (hours at the end of the quarter and over it).
        foreach (var q in d.National)
        {
            var regions = d.Regional.Where(x => x.Quarter == q.Quarter).ToList();
            Assert.Equal(q.HoursEndOfQuarter, regions.Sum(x => x.HoursEndOfQuarter));
            Assert.Equal(q.HoursInQuarter, regions.Sum(x => x.HoursInQuarter));
            Assert.True(regions.Select(x => x.Region!.Number).Distinct().Count() > 20); // the synthetic employers are spread over the regions
        }

        // The quarters' hours add up to the year's target-group hours that count nationally (as the regime comparison sums them).
        var comparison = new NationalRegimeComparison(ParameterSet.Embedded).Run(new NationalComparisonOptions(data.Dir, SmallYear.Year));
        var perYear = ParameterSet.Embedded.Get(ParameterNames.HoursPerJobPerYear, SmallYear.Year).Required;
        Assert.Equal(comparison.Measurement.JobsFromYearHours, d.National.Sum(q => q.HoursInQuarter) / perYear);
    }

    [Fact]
    public void The_yearly_outcomes_are_the_same_with_quarters_and_regions()
    {
        var r = Detailed(data.Dir);
        Assert.Equal(data.Result.Measurement, r.Measurement);
        Assert.Equal(data.Result.Quota, r.Quota with { LargestLevies = data.Result.Quota.LargestLevies });
        Assert.Equal(data.Result.Quota.LargestLevies, r.Quota.LargestLevies);
        Assert.Equal(data.Result.Employers!.Select(e => (e.Input.PayrollTaxNumber, e.A, e.Shortfall, e.Levy)),
            r.Employers!.Select(e => (e.Input.PayrollTaxNumber, e.A, e.Shortfall, e.Levy)));
        Assert.Null(data.Result.QuartersAndRegions);
        Assert.Equal(PayrollFormat.Parquet, r.Payroll!.Format);
        Assert.True(r.Payroll.Months);
    }

    [Fact]
    public void Csv_gives_the_same_quarters_and_regions_as_parquet()
    {
        var dir = data.CopyAsCsv();
        try
        {
            var csv = Detailed(dir);
            Assert.Equal(PayrollFormat.Csv, csv.Payroll!.Format);
            Assert.Equal(Detailed(data.Dir).QuartersAndRegions!.Rows, csv.QuartersAndRegions!.Rows);
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>
    /// The region comes from the employer's municipality through the published division: a municipality in it gets its
    /// region, one that is not (formed after 2015) or an empty one is counted under "onbekend" and reported, never guessed.
    /// Without the column every employer is "onbekend".
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Region_from_the_municipality_and_unknown_ones_reported(bool withColumn)
    {
        var dir = Path.Combine(Path.GetTempPath(), "bm-regions-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "werkgevers.csv"), withColumn
                ? "loonheffingennummer,sector,uitlenertype,gemeente\n111111111L01,64,geen,Amsterdam\n222222222L01,markt,geen,Gooise Meren\n333333333L01,markt,geen,\n"
                : "loonheffingennummer,sector,uitlenertype\n111111111L01,64,geen\n222222222L01,markt,geen\n333333333L01,markt,geen\n");
            File.WriteAllText(Path.Combine(dir, "doelgroepregister.csv"), "persoon,begindatum,einddatum\n1,2023-01-01,\n2,2023-01-01,\n3,2023-08-01,\n");
            var lines = new List<string> { "loonheffingennummer,persoon,periode_begin,periode_einde,uren,vorm" };
            for (var m = 1; m <= 12; m++)
            {
                var b = new DateOnly(2023, m, 1);
                var e = b.AddMonths(1).AddDays(-1);
                lines.Add($"111111111L01,1,{b:yyyy-MM-dd},{e:yyyy-MM-dd},100,dienstverband");
                lines.Add($"222222222L01,2,{b:yyyy-MM-dd},{e:yyyy-MM-dd},50.5,dienstverband");
                lines.Add($"333333333L01,3,{b:yyyy-MM-dd},{e:yyyy-MM-dd},20,uitzending");
            }
            File.WriteAllText(Path.Combine(dir, "verloning.csv"), string.Join('\n', lines) + "\n");
            var d = Detailed(dir).QuartersAndRegions!;
            Assert.Equal(withColumn ? 2 : 3, d.EmployersWithoutRegion);
            var q1 = d.Regional.Where(x => x.Quarter == 1).ToDictionary(x => x.Region!.Name, x => x.HoursEndOfQuarter);
            var q4 = d.Regional.Where(x => x.Quarter == 4).ToDictionary(x => x.Region!.Name, x => x.HoursEndOfQuarter);
            if (withColumn)
            {
                Assert.Equal(100m, q1["Groot Amsterdam"]);
                Assert.Equal(50.5m, q1["onbekend"]); // person 3 is registered from August only
                Assert.Equal(70.5m, q4["onbekend"]);
            }
            else Assert.Equal(170.5m, Assert.Single(q4).Value);
            // Over the quarter: persons 1 and 2 every month, person 3 from August (registered from 1 August).
            Assert.Equal(3 * 100m + 3 * 50.5m + 2 * 20m, d.National.Single(x => x.Quarter == 3).HoursInQuarter);
            Assert.Equal(3 * 100m + 3 * 50.5m + 3 * 20m, d.National.Single(x => x.Quarter == 4).HoursInQuarter);
        }
        finally { Directory.Delete(dir, true); }
    }
}
