using Banenmonitor.Data.Model;
using Banenmonitor.Data.Seeding;
using Banenmonitor.Data.Sroi;
using Banenmonitor.Rules.Parameters;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Tests;

/// <summary>SROI placements become jobs: the demo contract's placements, hand-computed, and the sector's "incl. SROI" figure.</summary>
public sealed class SroiRollupTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Demo_contract_placements_give_hours_divided_by_1331_and_the_sector_incl_sroi_follows(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "sroi");
        await using var db = t.Context();
        await new DatabaseSeeder(db).SeedAsync(new SeedOptions { Demo = true });
        var gemeenten = await db.Sectors.SingleAsync(s => s.Code == "gemeenten");
        // An approved 2024 report of the municipalities: target 100, realised 80, a typed SROI total of 9 that the
        // placements replace.
        db.SectorReports.RemoveRange(db.SectorReports.Where(r => r.SectorId == gemeenten.Id && r.Year == 2024));
        db.SectorReports.Add(new SectorReport { SectorId = gemeenten.Id, Year = 2024, TargetJobs = 100m, RealisedJobs = 80m, SroiJobs = 9m, Status = ReportStatus.Approved, Source = "test" });
        await db.SaveChangesAsync();

        var year = await SroiRollup.ComputeAsync(db, ParameterSet.Embedded, 2024);

        // By hand: placements 1 800 h (one person) + 1 600 h (two persons) = 3 400 h; 3 400 ÷ 1 331 = 2,554470…
        var contract = Assert.Single(year.Contracts);
        Assert.Equal("DEMO-SROI-2024-001", contract.Reference);
        Assert.Equal(3400m, contract.Result.Hours);
        Assert.Equal(3, contract.Result.Persons);
        Assert.Equal(2.554470m, Math.Round(contract.Result.Jobs.Value, 6));
        var norm = Assert.Single(contract.Result.Trace.ParametersUsed);
        Assert.Equal(ParameterNames.HoursPerJobPerYear, norm.Name);
        Assert.Equal(1331m, norm.Value);
        // The obligation is stated in euros (100 000): realised in euros cannot be derived from hours — said, not zero.
        Assert.Equal(100_000m, contract.Result.Fulfilment.Required.Amount);
        Assert.Null(contract.Result.Fulfilment.Fulfilment);
        Assert.NotNull(contract.Result.Fulfilment.NotDeterminable);

        var employer = Assert.Single(year.Employers);
        Assert.Equal("900000001L01", employer.PayrollTaxNumber);
        Assert.Equal(contract.Result.Jobs, employer.Jobs);

        // Incl. SROI = (80 + 3 400 ÷ 1 331) ÷ 100 × 100 = 82,554470… %, not (80 + 9) from the typed total.
        var sector = Assert.Single(year.Sectors);
        Assert.Equal("gemeenten", sector.Code);
        Assert.Equal(9m, sector.ReportedSroiJobs);
        Assert.NotNull(sector.Realisation);
        Assert.Equal(82.554470m, Math.Round(sector.Realisation!.PercentageIncludingSroi!.Value.Points, 6));
        Assert.Equal(80m, sector.Realisation.Percentage.Points);

        // Another year has no placements; a sector filter to another sector finds none.
        Assert.Empty((await SroiRollup.ComputeAsync(db, ParameterSet.Embedded, 2023)).Contracts);
        Assert.Empty((await SroiRollup.ComputeAsync(db, ParameterSet.Embedded, 2024, "po")).Contracts);
    }
}
