using System.Globalization;
using System.Security.Claims;
using Banenmonitor.Rules.Parameters;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Infrastructure;

/// <summary>The parameters in force: the embedded files plus the values administrators supplied (with source).</summary>
public sealed class ParameterProvider(IServiceScopeFactory scopes)
{
    private ParameterSet? _current;
    private readonly Lock _lock = new();

    public ParameterSet Current
    {
        get
        {
            var c = _current;
            if (c is not null) return c;
            lock (_lock)
            {
                if (_current is not null) return _current;
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<WebDbContext>();
                _current = Apply(ParameterSet.Embedded, db.ParameterOverrides.AsNoTracking().OrderBy(o => o.Id).ToList());
                return _current;
            }
        }
    }

    public static ParameterSet Apply(ParameterSet set, IEnumerable<ParameterOverride> overrides)
    {
        foreach (var o in overrides)
        {
            ParameterStatusText.TryParse(o.Status, out var status);
            set = set.WithOverride(new ParameterValue(o.Name, o.ValidFrom, o.Value, status, o.Source,
                set.Definition(o.Name).Unit, $"opgegeven door {o.CreatedBy} op {o.CreatedAt:yyyy-MM-dd}"));
        }
        return set;
    }

    public void Invalidate() { lock (_lock) _current = null; }
}

/// <summary>Writes the audit trail.</summary>
public sealed class AuditLog(WebDbContext db, TimeProvider clock)
{
    public void Add(ClaimsPrincipal? user, string action, string subject, string details) =>
        db.Audit.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime, User = user?.Identity?.Name ?? "systeem", Action = action, Subject = subject, Details = details,
        });

    public static string SectorSubject(int year, string sector) => $"sectorrapportage:{year}:{sector}";
    public static string EmployerSubject(int employerId, int year) => $"werkgever:{employerId}:{year}";
}

/// <summary>A sector's figure for one year as shown publicly: the latest approved report, else the published one.</summary>
public sealed record SectorFigure(string SectorCode, int Year, decimal? Target, decimal? Realised, decimal? Sroi,
    decimal? PublishedPercentage, decimal? PublishedPercentageInclSroi, string Source, ReportStatus Status, int ReportId);

public sealed class SectorFigures(WebDbContext db)
{
    public static bool IsOfficial(ReportStatus s) => s is ReportStatus.Goedgekeurd or ReportStatus.Gepubliceerd;

    public async Task<IReadOnlyList<SectorFigure>> AllAsync(CancellationToken ct = default)
    {
        var reports = await db.SectorReports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Goedgekeurd || r.Status == ReportStatus.Gepubliceerd).ToListAsync(ct);
        return reports.GroupBy(r => (r.SectorCode, r.Year))
            .Select(g => g.OrderByDescending(r => r.Status == ReportStatus.Goedgekeurd).ThenByDescending(r => r.ReviewedAt).ThenByDescending(r => r.Id).First())
            .Select(r => new SectorFigure(r.SectorCode, r.Year, r.Target, r.Realised, r.Sroi, r.PublishedPercentage, r.PublishedPercentageInclSroi, r.Source, r.Status, r.Id))
            .OrderBy(f => f.Year).ToList();
    }

    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct = default) =>
        (await AllAsync(ct)).Select(f => f.Year).Distinct().Order().ToList();
}

/// <summary>Scope checks shared by pages and API: who may see or change which sector and employer.</summary>
public static class Scope
{
    public const string SectorClaim = "bm:sector";
    public const string EmployerClaim = "bm:werkgever";

    public static string? Sector(this ClaimsPrincipal u) => u.FindFirstValue(SectorClaim);
    public static int? EmployerId(this ClaimsPrincipal u) =>
        int.TryParse(u.FindFirstValue(EmployerClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static bool IsMinistry(this ClaimsPrincipal u) => u.IsInRole(Roles.Analyst) || u.IsInRole(Roles.Administrator);

    /// <summary>May the user submit a report for this sector? Only its own representative.</summary>
    public static bool MaySubmitForSector(this ClaimsPrincipal u, string sector) =>
        u.IsInRole(Roles.SectorRepresentative) && u.Sector() == sector;

    /// <summary>May the user see this employer's figures? The employer itself and the ministry.</summary>
    public static bool MaySeeEmployer(this ClaimsPrincipal u, int employerId) =>
        u.IsMinistry() || (u.IsInRole(Roles.Employer) && u.EmployerId() == employerId);
}
