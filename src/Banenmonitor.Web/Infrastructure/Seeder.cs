using System.Globalization;
using System.Reflection;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Infrastructure;

/// <summary>A demo account as shown on the login page in demo mode.</summary>
public sealed record DemoAccount(string UserName, string Password, string Role, string Description, string? Sector = null, int? EmployerId = null);

/// <summary>Creates the database, the roles, the published sector figures and — in demo mode — demo accounts and employers.</summary>
public static class Seeder
{
    /// <summary>Demo accounts: only created when demo mode is on; the login page lists them, clearly marked.</summary>
    public static readonly IReadOnlyList<DemoAccount> DemoAccounts =
    [
        new("beheerder@demo.banenmonitor.nl", "Demo-Beheer-2024!", Roles.Administrator, "Beheerder (parameters, gebruikers, audit)"),
        new("analist@demo.banenmonitor.nl", "Demo-Analist-2024!", Roles.Analyst, "Analist van het ministerie (beoordeelt aanleveringen)"),
        new("gemeenten@demo.banenmonitor.nl", "Demo-Sector-2024!", Roles.SectorRepresentative, "Sectorvertegenwoordiger gemeenten", Sector: "gemeenten"),
        new("rijk@demo.banenmonitor.nl", "Demo-Sector-2024!", Roles.SectorRepresentative, "Sectorvertegenwoordiger Rijk", Sector: "rijk"),
        new("werkgever@demo.banenmonitor.nl", "Demo-Werkgever-2024!", Roles.Employer, "Werkgever Gemeente Voorbeeldstad", EmployerId: 1),
        new("werkgever2@demo.banenmonitor.nl", "Demo-Werkgever-2024!", Roles.Employer, "Werkgever Provincie Proefland", EmployerId: 2),
        new("publiek@demo.banenmonitor.nl", "Demo-Publiek-2024!", Roles.Public, "Geregistreerde bezoeker (alleen openbare cijfers)"),
    ];

    public static async Task SeedAsync(IServiceProvider services, bool demo)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<WebDbContext>();
        await db.Database.EnsureCreatedAsync();
        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var r in Roles.All)
            if (!await roles.RoleExistsAsync(r)) await roles.CreateAsync(new IdentityRole(r));

        if (!await db.SectorReports.AnyAsync())
        {
            foreach (var r in PublishedSectorReports()) db.SectorReports.Add(r);
            db.Audit.Add(new AuditEntry { At = DateTime.UtcNow, User = "systeem", Action = "geladen", Subject = "sectorrapportages", Details = "Gepubliceerde sectorcijfers geladen uit data/published/sectoren.csv." });
            await db.SaveChangesAsync();
        }

        if (!demo) return;
        if (!await db.Employers.AnyAsync())
        {
            db.Employers.Add(new Employer { Id = 1, Name = "Gemeente Voorbeeldstad (demo)", SectorCode = "gemeenten" });
            db.Employers.Add(new Employer { Id = 2, Name = "Provincie Proefland (demo)", SectorCode = "provincies" });
            var hoursPerYear = ParameterSet.Embedded.Get(ParameterNames.HoursPerJobPerYear, 2020).Required;
            // Demo figures: an organisation of about 300 fte growing slowly (cf. seed 003 footnote 20), hours from fte × 36 h × 52.
            var years = new[] { 2019, 2020, 2021, 2022, 2023 };
            for (var i = 0; i < years.Length; i++)
            {
                var total = Math.Round((300m + 5 * i) * 36m * 52m);
                var tg = Math.Round((6m + 1.5m * i) * hoursPerYear);
                db.EmployerReports.Add(new EmployerReport { EmployerId = 1, Year = years[i], TotalPaidHours = total, TargetGroupHours = tg,
                    TotalPaidHoursPreviousYear = i == 0 ? total : Math.Round((300m + 5 * (i - 1)) * 36m * 52m), Status = ReportStatus.Goedgekeurd,
                    Source = "demo-gegevens", CreatedAt = DateTime.UtcNow, CreatedBy = "systeem" });
                db.EmployerReports.Add(new EmployerReport { EmployerId = 2, Year = years[i], TotalPaidHours = 1200m * 36m * 52m, TargetGroupHours = Math.Round((20m + 2 * i) * hoursPerYear),
                    TotalPaidHoursPreviousYear = 1200m * 36m * 52m, Status = ReportStatus.Goedgekeurd, Source = "demo-gegevens", CreatedAt = DateTime.UtcNow, CreatedBy = "systeem" });
            }
            await db.SaveChangesAsync();
        }
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        foreach (var a in DemoAccounts)
        {
            if (await users.FindByNameAsync(a.UserName) is not null) continue;
            var u = new AppUser { UserName = a.UserName, Email = a.UserName, EmailConfirmed = true, DisplayName = a.Description, SectorCode = a.Sector, EmployerId = a.EmployerId, IsDemo = true };
            var res = await users.CreateAsync(u, a.Password);
            if (!res.Succeeded) throw new InvalidOperationException("Demo-account aanmaken mislukt: " + string.Join("; ", res.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(u, a.Role);
        }
    }

    /// <summary>
    /// The published sector figures (data/published/sectoren.csv and documenten.csv, parsed by
    /// Banenmonitor.Rules.Published): per sector and year the primary target, realisation and SROI figure.
    /// </summary>
    public static IEnumerable<SectorReport> PublishedSectorReports()
    {
        var published = PublishedFigures.Value;
        foreach (var year in published.Years)
        foreach (var f in published.ForYear(year))
        {
            if (f.IsEmpty || (f.Target is null && f.Realised is null && f.Percentage is null)) continue;
            var sroi = f.Sroi?.Value ?? (f.RealisedIncludingSroi is { } i && f.Realised is { } r ? i.Value - r.Value : null);
            var quotes = new[] { f.Target, f.Realised, f.Sroi, f.Percentage }.Where(x => x is not null)
                .Select(x => $"{x!.Document}: '{x.Quote}'").Distinct();
            yield return new SectorReport
            {
                Year = year, SectorCode = f.Sector.Code, Target = f.Target?.Value, Realised = f.Realised?.Value, Sroi = sroi,
                PublishedPercentage = f.Percentage?.Value, PublishedPercentageInclSroi = f.PercentageIncludingSroi?.Value,
                Source = "Brondocument " + string.Join("; ", quotes), Status = ReportStatus.Gepubliceerd, CreatedAt = DateTime.UtcNow, CreatedBy = "systeem",
            };
        }
    }

    private static readonly Lazy<PublishedSectorFigures> PublishedFigures = new(() =>
        PublishedSectorFigures.Parse(Resource("documenten.csv"), "data/published/documenten.csv", Resource("sectoren.csv"), "data/published/sectoren.csv"));

    private static string Resource(string name)
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream("Banenmonitor.Web." + name)
                      ?? throw new InvalidOperationException(name + " ontbreekt");
        using var reader = new StreamReader(s);
        return reader.ReadToEnd();
    }
}
