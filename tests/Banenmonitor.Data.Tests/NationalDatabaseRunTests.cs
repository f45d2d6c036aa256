using Banenmonitor.Analytics;
using Banenmonitor.Reports.National;
using Banenmonitor.Data.Computations;
using Banenmonitor.Data.Export;
using Banenmonitor.Rules.Parameters;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Tests;

/// <summary>
/// The national engine on the database (<c>landelijk --database</c>, <see cref="NationalDatabaseRun"/>): its stored run
/// equals the engine on the same rows as Parquet for every employer, and carries run id, fingerprints and parameters.
/// </summary>
public sealed class NationalDatabaseRunTests
{
    private const int Year = StoredQuotaSamples.Year;
    private static readonly ParameterSet Parameters = ParameterSet.Embedded;

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_stored_run_equals_the_engine_on_parquet_for_every_employer(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "nationalrun");
        await using var db = t.Context();
        await StoredQuotaSamples.SeedAsync(db);
        // Two employers with a municipality: one in the published division, one formed after it (counted as "onbekend").
        var byNumber = await db.Employers.OrderBy(e => e.PayrollTaxNumber).ToListAsync();
        byNumber[0].Municipality = "Amsterdam";
        byNumber[1].Municipality = "Gooise Meren";
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var steps = new List<string>();
        var outcome = await NationalDatabaseRun.RunAsync(db, Parameters, Year, "test", steps.Add);
        Assert.Contains("uitkomsten in de database schrijven", steps);
        Assert.Contains(steps, s => s.StartsWith("quotum per werkgever", StringComparison.Ordinal));

        // The same rows as Parquet, the engine run on the files.
        var csv = Path.Combine(Path.GetTempPath(), "banenmonitor-tests", "nr-csv-" + Guid.NewGuid().ToString("N"));
        var parquet = csv.Replace("nr-csv-", "nr-parquet-", StringComparison.Ordinal);
        NationalRunResult onParquet;
        try
        {
            await NationalInputExport.ExportAsync(db, csv, Year);
            ParquetInput.Convert(csv, parquet);
            Assert.True(File.Exists(Path.Combine(parquet, "verloning.parquet")));
            onParquet = new NationalEngine(Parameters).Run(new NationalRunOptions(parquet, Year, KeepEmployers: true));
        }
        finally
        {
            foreach (var d in new[] { csv, parquet }) if (Directory.Exists(d)) Directory.Delete(d, true);
        }

        await using var read = t.Context();
        var run = await NationalRuns.LatestAsync(read, Year);
        Assert.NotNull(run);
        Assert.Equal(outcome.Run.RunId, run.RunId);
        Assert.Equal(32, run.RunId.Length);
        Assert.Equal(64, run.InputsFingerprint.Length);
        Assert.Equal(64, run.ParametersFingerprint.Length);
        Assert.Contains(ParameterNames.QuotaPercentageGovernment, run.Parameters, StringComparison.Ordinal);
        Assert.Equal(ComputationRecords.SoftwareVersion, run.SoftwareVersion);
        Assert.Equal(onParquet.PayrollRows, run.PayrollRows);

        var stored = await NationalRuns.EmployersAsync(read, run.Id);
        var expected = onParquet.Employers!.ToDictionary(e => e.Input.PayrollTaxNumber);
        Assert.Equal(await read.Employers.CountAsync(), stored.Count);
        Assert.Equal(expected.Keys.Order(), stored.Keys.Order());
        foreach (var (lhn, x) in expected)
        {
            var s = stored[lhn];
            Assert.Equal((x.Input.SectorCode, x.Input.TotalPaidHours, x.Input.AgencyStaffHours, x.Input.TargetGroupHours, x.Input.TotalPaidHoursPreviousYear, x.Input.Attributions.Count),
                (s.SectorCode, s.TotalPaidHours, s.AgencyStaffHours, s.TargetGroupHours, s.TotalPaidHoursPreviousYear, s.Attributions));
            Assert.Equal((x.A, x.RequiredJobs, x.RealisedJobs, x.Shortfall, x.Levy, x.Exempt),
                (s.A, s.RequiredJobs, s.RealisedJobs, s.Shortfall, s.Levy, s.Exempt));
        }
        // The national table.
        var q = onParquet.Quota;
        Assert.Equal((q.Employers, q.Government, q.Liable, q.WithShortfall, q.RequiredJobs, q.RealisedJobs, q.Shortfall, q.Levy),
            (run.EmployerCount, run.GovernmentEmployers, run.LiableEmployers, run.EmployersWithShortfall, run.RequiredJobs, run.RealisedJobs, run.Shortfall, run.Levy));
        var summary = NationalSummary.Build(Parameters, onParquet);
        Assert.Equal((summary.Jobs, summary.FormalMarket, summary.FormalGovernment, summary.HiredIn, summary.Persons),
            (run.TotalJobs, run.FormalMarketJobs, run.FormalGovernmentJobs, run.HiredInJobs, run.PersonsWorking));
        Assert.Equal(onParquet.Measurement.Count, run.Measurement.Count);
        Assert.True(run.TotalJobs > 0 && run.EmployersWithShortfall >= 2, $"{run.TotalJobs} banen, {run.EmployersWithShortfall} met tekort");

        // Quarters and regions: stored with the run; their sums equal the yearly national total.
        var yearly = run.Measurement.Where(m => m.CountsNationally).Sum(m => m.HoursLastMonth);
        Assert.Equal([1, 2, 3, 4], run.Quarters.OrderBy(x => x.Quarter).Select(x => x.Quarter));
        Assert.Equal(yearly, run.Quarters.Single(x => x.Quarter == 4).HoursEndOfQuarter);
        Assert.Equal(run.PersonsWorking, run.Quarters.Single(x => x.Quarter == 4).Persons);
        foreach (var quarter in run.Quarters)
        {
            var regions = run.Regions.Where(x => x.Quarter == quarter.Quarter).ToList();
            Assert.Equal(quarter.HoursEndOfQuarter, regions.Sum(x => x.HoursEndOfQuarter));
            Assert.Equal(quarter.HoursInQuarter, regions.Sum(x => x.HoursInQuarter));
        }
        Assert.Equal(run.EmployerCount - 1, run.EmployersWithoutRegion);
        Assert.Contains("Besluit werkgebieden UWV 2015", run.RegionSource, StringComparison.Ordinal);
        Assert.All(run.Regions, x => Assert.True(x.RegionNumber is 0 or 10, x.RegionName)); // Groot Amsterdam or onbekend
        Assert.Contains("Landelijke meting per kwartaal", run.Summary, StringComparison.Ordinal);

        // A second run is a new record (runs are kept); with unchanged data it has the same inputs' fingerprint.
        var second = await NationalDatabaseRun.RunAsync(db, Parameters, Year, "test");
        Assert.NotEqual(run.RunId, second.Run.RunId);
        Assert.Equal(run.InputsFingerprint, second.Run.InputsFingerprint);
        Assert.Equal(2, await read.NationalRuns.CountAsync());
        Assert.Equal(second.Run.RunId, (await NationalRuns.LatestAsync(read, Year))!.RunId);
    }
}
