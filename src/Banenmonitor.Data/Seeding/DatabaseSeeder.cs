using System.Security.Cryptography;
using System.Text;
using Banenmonitor.Data.Audit;
using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Parameters;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PublicSectors = Banenmonitor.Rules.Published.PublicSectors;

namespace Banenmonitor.Data.Seeding;

/// <summary>A published sector figure (from data/published), for seeding.</summary>
public sealed record PublishedSectorFigure(
    string SectorCode, int Year, decimal? TargetJobs, decimal? RealisedJobs, decimal? Percentage,
    decimal? SroiJobs, decimal? PercentageIncludingSroi, string Source);

/// <summary>Source of the published sector figures (implemented over the parser of data/published).</summary>
public interface IPublishedSectorFigures
{
    IEnumerable<PublishedSectorFigure> Load();
}

/// <summary>Seeding options. Demo data and demo accounts are created only when <see cref="Demo"/> is set.</summary>
public sealed record SeedOptions
{
    public bool Demo { get; init; }
    /// <summary>One password for every demo account (configuration <c>Banenmonitor:DemoWachtwoord</c>); without it each demo account has its listed demo password.</summary>
    public string? DemoPassword { get; init; }
}

/// <summary>
/// A demo account as shown on the login page in demo mode. A sector representative is scoped to
/// <paramref name="SectorCode"/>, an employer user to the demo employer with <paramref name="PayrollTaxNumber"/>.
/// </summary>
public sealed record DemoAccount(string UserName, string Password, string Role, string Description, string? SectorCode = null, string? PayrollTaxNumber = null);

/// <summary>What the seeder did.</summary>
public sealed record SeedResult(bool WasEmpty, int PublishedReports, int DemoEmployers, int DemoUsers);

/// <summary>
/// Fills an empty database: the roles, the published sector figures, and (in demo mode) a small synthetic demo set —
/// employers named "Demo …" with paid hours and target-group registrations — plus one demo account per role.
/// Demo persons are synthetic pseudonyms (SHA-256 of "demo-persoon-N"), never derived from a real BSN.
/// </summary>
public sealed class DatabaseSeeder(BanenmonitorDbContext db, IPublishedSectorFigures? published = null)
{
    public const string DemoPrefix = "Demo ";
    public const string DemoEmailDomain = "demo.banenmonitor.nl";

    /// <summary>
    /// The demo accounts: at least one per role, two sectors and two employers so scope can be tried out. Created only in
    /// demo mode; the login page lists them with their (public, demo-only) passwords. <see cref="SeedOptions.DemoPassword"/>
    /// replaces every password.
    /// </summary>
    public static readonly IReadOnlyList<DemoAccount> DemoAccounts =
    [
        new($"beheerder@{DemoEmailDomain}", "Demo-Beheer-2024!", Roles.Administrator, "Beheerder (parameters, gebruikers, audit)"),
        new($"analist@{DemoEmailDomain}", "Demo-Analist-2024!", Roles.Analyst, "Analist van het ministerie (beoordeelt aanleveringen)"),
        new($"gemeenten@{DemoEmailDomain}", "Demo-Sector-2024!", Roles.SectorRepresentative, "Sectorvertegenwoordiger gemeenten", SectorCode: "gemeenten"),
        new($"rijk@{DemoEmailDomain}", "Demo-Sector-2024!", Roles.SectorRepresentative, "Sectorvertegenwoordiger Rijk", SectorCode: "rijk"),
        new($"werkgever@{DemoEmailDomain}", "Demo-Werkgever-2024!", Roles.Employer, "Werkgever Demo Gemeente Voorbeeldstad", PayrollTaxNumber: "900000001L01"),
        new($"werkgever2@{DemoEmailDomain}", "Demo-Werkgever-2024!", Roles.Employer, "Werkgever Demo Provincie Proefland", PayrollTaxNumber: "900000006L01"),
        new($"publiek@{DemoEmailDomain}", "Demo-Publiek-2024!", Roles.Public, "Geregistreerde bezoeker (alleen openbare cijfers)"),
    ];

    public async Task<SeedResult> SeedAsync(SeedOptions options, CancellationToken ct = default)
    {
        var previous = db.Actor;
        db.Actor = new AuditActor("systeem", "seeding bij eerste start");
        try
        {
            await EnsureRolesAsync(ct);
            var empty = !await db.Employers.AnyAsync(ct) && !await db.SectorReports.AnyAsync(ct) && !await db.SectorTargets.AnyAsync(ct);
            var reports = 0; var employers = 0; var users = 0;
            if (empty)
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                reports = await SeedPublishedAsync(ct);
                if (options.Demo) employers = await SeedDemoDataAsync(ct);
                await WorkAgendas.WorkAgendaSeed.SeedAsync(db, ct: ct); // starting work agendas derived from the documents
                await tx.CommitAsync(ct);
            }
            if (options.Demo) users = await SeedDemoUsersAsync(options.DemoPassword, ct);
            return new SeedResult(empty, reports, employers, users);
        }
        finally { db.Actor = previous; }
    }

    private async Task EnsureRolesAsync(CancellationToken ct)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(ct);
        foreach (var role in Roles.All.Where(r => !existing.Contains(r)))
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        await db.SaveChangesAsync(ct);
    }

    private async Task<int> SeedPublishedAsync(CancellationToken ct)
    {
        if (published is null) return 0;
        var sectors = await db.Sectors.ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase, ct);
        var n = 0;
        foreach (var f in published.Load())
        {
            if (!sectors.TryGetValue(f.SectorCode, out var sectorId)) continue;
            if (f.TargetJobs is { } t && !db.SectorTargets.Local.Any(x => x.SectorId == sectorId && x.Year == f.Year))
                db.SectorTargets.Add(new SectorTarget { SectorId = sectorId, Year = f.Year, TargetJobs = t, Source = f.Source });
            if (db.SectorReports.Local.Any(x => x.SectorId == sectorId && x.Year == f.Year)) continue;
            db.SectorReports.Add(new SectorReport
            {
                SectorId = sectorId, Year = f.Year, TargetJobs = f.TargetJobs, RealisedJobs = f.RealisedJobs, Percentage = f.Percentage,
                SroiJobs = f.SroiJobs, PercentageIncludingSroi = f.PercentageIncludingSroi, Status = ReportStatus.Approved, Source = f.Source,
            });
            n++;
        }
        await db.SaveChangesAsync(ct);
        return n;
    }

    /// <summary>A synthetic demo person's pseudonym (not derived from any BSN).</summary>
    public static string DemoPerson(int n) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes($"demo-persoon-{n}")));

    private async Task<int> SeedDemoDataAsync(CancellationToken ct)
    {
        int Sector(string code) => PublicSectors.OfPlatform(code)!.Id!.Value;
        var employers = new[]
        {
            new Employer { PayrollTaxNumber = "900000001L01", Name = DemoPrefix + "Gemeente Voorbeeldstad", SectorId = Sector("gemeenten"), SizeClass = SizeClass.Large, LenderType = LenderType.None },
            new Employer { PayrollTaxNumber = "900000006L01", Name = DemoPrefix + "Provincie Proefland", SectorId = Sector("provincies"), SizeClass = SizeClass.Large, LenderType = LenderType.None },
            new Employer { PayrollTaxNumber = "900000002L01", Name = DemoPrefix + "Schoolbestuur De Leerboom", SectorId = Sector("po"), SizeClass = SizeClass.Medium, LenderType = LenderType.None },
            new Employer { PayrollTaxNumber = "900000003L01", Name = DemoPrefix + "Uitzendbureau Inzet", SectorId = Sector(PublicSectors.Market.Code), SizeClass = SizeClass.Large, LenderType = LenderType.Agency },
            new Employer { PayrollTaxNumber = "900000004L01", Name = DemoPrefix + "Sw-bedrijf Samen Werkt", SectorId = Sector(PublicSectors.ShelteredEmployment.Code), SizeClass = SizeClass.Large, LenderType = LenderType.ShelteredEmployment },
            new Employer { PayrollTaxNumber = "900000005L01", Name = DemoPrefix + "Bouwbedrijf Sociaal Bouwen", SectorId = Sector(PublicSectors.Market.Code), SizeClass = SizeClass.Medium, LenderType = LenderType.None },
        };
        // Saved one by one so the ids follow this order (the municipality is employer 1, the province employer 2).
        foreach (var e in employers) { db.Employers.Add(e); await db.SaveChangesAsync(ct); }
        var (municipality, province, school, agency, sheltered, builder) = (employers[0], employers[1], employers[2], employers[3], employers[4], employers[5]);

        var grounds = new[] { RegistrationGround.Wajong, RegistrationGround.Participatiewet, RegistrationGround.Wsw, RegistrationGround.Praktijkroute };
        for (var p = 1; p <= 12; p++)
            db.TargetGroupRegistrations.Add(new TargetGroupRegistration { Pseudonym = DemoPerson(p), Ground = grounds[p % grounds.Length], StartDate = new DateOnly(2015 + p % 8, 1 + p % 12, 1) });
        // Persons 1–12 are in the register; 13–20 are other employees. Monthly hours in 2024.
        var assignment = new (Employer Employer, int FirstPerson, int LastPerson, WorkingRelation Form, decimal Hours)[]
        {
            (municipality, 1, 4, WorkingRelation.Direct, 112m), (municipality, 13, 16, WorkingRelation.Direct, 140m),
            (school, 5, 6, WorkingRelation.Direct, 86m), (school, 17, 18, WorkingRelation.Direct, 130m),
            (agency, 7, 9, WorkingRelation.Agency, 120m), (sheltered, 10, 11, WorkingRelation.Direct, 125m),
            (builder, 12, 12, WorkingRelation.Direct, 150m), (builder, 19, 20, WorkingRelation.Direct, 160m),
        };
        foreach (var (employer, first, last, form, hours) in assignment)
            for (var p = first; p <= last; p++)
                for (var m = 1; m <= 12; m++)
                {
                    var start = new DateOnly(2024, m, 1);
                    db.PaidHours.Add(new PaidHoursRecord { EmployerId = employer.Id, Pseudonym = DemoPerson(p), PeriodStart = start, PeriodEnd = start.AddMonths(1).AddDays(-1), Hours = hours, Form = form });
                }
        db.HiredInHours.Add(new HiredInHoursRecord { LenderId = agency.Id, HirerId = municipality.Id, Pseudonym = DemoPerson(7), Year = 2024, Hours = 1440m, AgreedOn = new DateOnly(2025, 6, 30) });
        var contract = new SroiContract { Reference = "DEMO-SROI-2024-001", ProcurerId = municipality.Id, SupplierName = builder.Name, SupplierPayrollTaxNumber = builder.PayrollTaxNumber, Value = 2_000_000m, Obligation = 100_000m };
        contract.Placements.Add(new SroiPlacement { Reference = "1", Pseudonym = DemoPerson(12), Year = 2024, Hours = 1800m });
        contract.Placements.Add(new SroiPlacement { Reference = "2", PersonCount = 2, Year = 2024, Hours = 1600m });
        db.SroiContracts.Add(contract);
        db.EmployerReports.Add(new EmployerReport { EmployerId = school.Id, Year = 2024, RealisedJobs = 1.6m, TargetJobs = 2m, Note = "Synthetische demotelling.", Source = DemoPrefix + "eigen telling" });
        AddDemoQuotaReports(municipality, province);
        db.Scenarios.Add(Scenarios.ScenarioStore.Demo($"analist@{DemoEmailDomain}"));
        await db.SaveChangesAsync(ct);
        return employers.Length;
    }

    /// <summary>
    /// Approved quota figures (paid hours) 2019–2023 of the two demo government employers, as their HR would enter them:
    /// a municipality of about 300 fte growing slowly (cf. research report De Beleidsonderzoekers 2023 footnote 20) and a province of 1,200 fte; hours are
    /// fte × 36 h × 52 weeks, target-group hours a number of jobs × the hours per job of the year.
    /// </summary>
    private void AddDemoQuotaReports(Employer municipality, Employer province)
    {
        var years = new[] { 2019, 2020, 2021, 2022, 2023 };
        for (var i = 0; i < years.Length; i++)
        {
            var hoursPerJob = ParameterSet.Embedded.Get(ParameterNames.HoursPerJobPerYear, years[i]).Required;
            decimal Hours(decimal fte) => Math.Round(fte * 36m * 52m);
            db.EmployerReports.Add(new EmployerReport
            {
                EmployerId = municipality.Id, Year = years[i], TotalPaidHours = Hours(300m + 5 * i), PreviousYearPaidHours = Hours(300m + 5 * Math.Max(i - 1, 0)),
                TargetGroupHours = Math.Round((6m + 1.5m * i) * hoursPerJob), Source = DemoPrefix + "opgave HR", Status = ReportStatus.Approved,
            });
            db.EmployerReports.Add(new EmployerReport
            {
                EmployerId = province.Id, Year = years[i], TotalPaidHours = Hours(1200m), PreviousYearPaidHours = Hours(1200m),
                TargetGroupHours = Math.Round((20m + 2 * i) * hoursPerJob), Source = DemoPrefix + "opgave HR", Status = ReportStatus.Approved,
            });
        }
    }

    private async Task<int> SeedDemoUsersAsync(string? password, CancellationToken ct)
    {
        var hasher = new PasswordHasher<AppUser>();
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var employers = await db.Employers.Where(e => e.PayrollTaxNumber.StartsWith("900000")).ToDictionaryAsync(e => e.PayrollTaxNumber, e => e.Id, ct);
        var created = 0;
        foreach (var a in DemoAccounts)
        {
            if (await db.Users.AnyAsync(u => u.NormalizedUserName == a.UserName.ToUpperInvariant(), ct)) continue;
            var user = new AppUser
            {
                UserName = a.UserName, NormalizedUserName = a.UserName.ToUpperInvariant(), Email = a.UserName, NormalizedEmail = a.UserName.ToUpperInvariant(),
                EmailConfirmed = true, DisplayName = a.Description, IsDemo = true, LockoutEnabled = true,
                SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
                SectorId = a.SectorCode is { } code ? PublicSectors.OfPlatform(code)!.Id!.Value : null,
                EmployerId = a.PayrollTaxNumber is { } number && employers.TryGetValue(number, out var id) ? id : null,
            };
            user.PasswordHash = hasher.HashPassword(user, password ?? a.Password);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[a.Role] });
            created++;
        }
        await db.SaveChangesAsync(ct);
        return created;
    }
}
