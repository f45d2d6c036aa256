using Banenmonitor.Data.Model;
using Banenmonitor.Data.Seeding;
using Banenmonitor.Rules.Published;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PublicSectors = Banenmonitor.Rules.Published.PublicSectors;

namespace Banenmonitor.Data.Tests;

public class SeederTests
{
    private sealed class FakePublished : IPublishedSectorFigures
    {
        public IEnumerable<PublishedSectorFigure> Load() =>
        [
            new("defensie", 2020, 633m, 346m, 54.7m, 210m, 88m, "seed 002"),
            new("rijk", 2020, 4072m, 2663m, 65m, null, null, "seed 002"),
            new("onbekende-sector", 2020, 1m, 1m, null, null, null, "genegeerd"),
        ];
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_empty_database_gets_published_figures_demo_data_and_one_demo_account_per_role(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "seed");
        await using var db = t.Context();
        var seeder = new DatabaseSeeder(db, new FakePublished());
        var r = await seeder.SeedAsync(new SeedOptions { Demo = true });
        Assert.True(r.WasEmpty);
        Assert.Equal(2, r.PublishedReports);
        Assert.Equal(DatabaseSeeder.DemoAccounts.Count, r.DemoUsers);
        var employers = await db.Employers.ToListAsync();
        Assert.NotEmpty(employers);
        Assert.All(employers, e => Assert.StartsWith("Demo ", e.Name));
        Assert.True(await db.PaidHours.CountAsync() > 100);
        Assert.True(await db.TargetGroupRegistrations.CountAsync() > 5);
        var defensie = await db.SectorReports.Include(s => s.Sector).SingleAsync(s => s.Sector!.Code == "defensie" && s.Year == 2020);
        Assert.Equal(346m, defensie.RealisedJobs);
        Assert.Equal(ReportStatus.Approved, defensie.Status);

        var users = await db.Users.ToListAsync();
        Assert.All(users, u => Assert.True(u.IsDemo));
        var hasher = new PasswordHasher<AppUser>();
        var rep = users.Single(u => u.UserName == "gemeenten@" + DatabaseSeeder.DemoEmailDomain);
        Assert.Equal(PublicSectors.OfPlatform("gemeenten")!.Id!.Value, rep.SectorId);
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(rep, rep.PasswordHash!, DatabaseSeeder.DemoAccounts.Single(a => a.UserName == rep.UserName).Password));
        // Each employer account is scoped to its own demo employer, and the two are different employers.
        var employerUsers = users.Where(u => u.UserName!.StartsWith("werkgever")).Select(u => u.EmployerId).ToList();
        Assert.Equal(2, employerUsers.Distinct().Count());
        Assert.All(employerUsers, id => Assert.NotNull(id));
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, ro => ro.Id, (ur, ro) => ro.Name).Distinct().ToListAsync();
        Assert.Equal(Roles.All.Order(), roles.Order());
        // The demo government employers have approved quota figures (paid hours) over several years.
        var quota = await db.EmployerReports.Where(e => e.TotalPaidHours != null && e.Status == ReportStatus.Approved).CountAsync();
        Assert.True(quota >= 10, $"{quota} demo-opgaven met uren");

        var audit = await db.AuditEntries.CountAsync();
        var again = await seeder.SeedAsync(new SeedOptions { Demo = true });
        Assert.False(again.WasEmpty);
        Assert.Equal(0, again.DemoUsers);
        Assert.Equal(audit, await db.AuditEntries.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Without_demo_mode_there_are_roles_but_no_demo_data_or_accounts(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "seed-geen-demo");
        await using var db = t.Context();
        var r = await new DatabaseSeeder(db).SeedAsync(new SeedOptions());
        Assert.Equal(0, r.DemoUsers);
        Assert.Empty(await db.Users.ToListAsync());
        Assert.Empty(await db.Employers.ToListAsync());
        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync());
    }
}

public class PublishedSeedTests
{
    [Fact]
    public async Task The_published_figures_of_data_published_are_seeded_one_report_per_sector_and_year()
    {
        var published = PublishedData.TryFind();
        Assert.NotNull(published);
        var source = new PublishedFiguresSource(published.SectorFigures);
        var rows = source.Load().ToList();
        Assert.NotEmpty(rows);
        await using var t = await TestDatabases.CreateAsync(TestDatabases.Sqlite, "gepubliceerd");
        await using var db = t.Context();
        var r = await new DatabaseSeeder(db, source).SeedAsync(new SeedOptions());
        Assert.Equal(rows.Count, r.PublishedReports);
        var reports = await db.SectorReports.Include(s => s.Sector).ToListAsync();
        foreach (var row in rows)
        {
            var rep = Assert.Single(reports, x => x.Sector!.Code == row.SectorCode && x.Year == row.Year);
            Assert.Equal(row.RealisedJobs, rep.RealisedJobs);
            Assert.Equal(row.TargetJobs, rep.TargetJobs);
            Assert.Equal(ReportStatus.Approved, rep.Status);
        }
        // Seed 002: "Het doel van de provincies gezamenlijk was in 2020 331 banen."
        Assert.Equal(331m, reports.Single(x => x.Sector!.Code == "provincies" && x.Year == 2020).TargetJobs);
        Assert.Equal(rows.Count(x => x.TargetJobs is not null), await db.SectorTargets.CountAsync());
        Assert.All(await db.AuditEntries.Where(a => a.EntityType == nameof(Banenmonitor.Data.Model.SectorReport)).ToListAsync(), a => Assert.Equal("seeding bij eerste start", a.Cause));
    }
}
