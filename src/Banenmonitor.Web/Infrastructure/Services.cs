using System.Globalization;
using System.Security.Claims;
using Banenmonitor.Data;
using Banenmonitor.Data.Audit;
using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Parameters;
using Microsoft.EntityFrameworkCore;
using PublicSectors = Banenmonitor.Rules.Published.PublicSectors;

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
                var db = scope.ServiceProvider.GetRequiredService<BanenmonitorDbContext>();
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

/// <summary>Sets who changes figures and why on the platform's context, so its audit trail records the user and the action.</summary>
public static class AuditActions
{
    public static void Acting(this BanenmonitorDbContext db, ClaimsPrincipal user, string action) =>
        db.Actor = AuditActor.User(user.Identity?.Name ?? "onbekend", action);

    /// <summary>Records a change that is not a figure (a user account, an API token) in the same audit trail.</summary>
    public static void Record(this BanenmonitorDbContext db, ClaimsPrincipal user, string entityType, string key, string action, object after) =>
        db.AuditEntries.Add(new AuditEntry
        {
            Timestamp = DateTime.UtcNow, UserName = user.Identity?.Name ?? "onbekend", Action = AuditAction.Insert, EntityType = entityType,
            EntityKey = key, After = System.Text.Json.JsonSerializer.Serialize(after), Cause = "gebruiker: " + action,
        });
}

/// <summary>
/// A sector's figure for one year as shown publicly: its approved report (there is at most one per year; a draft or
/// submission never replaces it). <see cref="FromDocuments"/>: loaded from the published documents, not entered here.
/// </summary>
public sealed record SectorFigure(string SectorCode, int Year, decimal? Target, decimal? Realised, decimal? Sroi,
    decimal? PublishedPercentage, decimal? PublishedPercentageInclSroi, string Source, ReportStatus Status, int ReportId, bool FromDocuments);

public sealed class SectorFigures(BanenmonitorDbContext db)
{
    public async Task<IReadOnlyList<SectorFigure>> AllAsync(CancellationToken ct = default)
    {
        var lines = PublicSectors.All.Select(s => s.Id!.Value).ToList();
        var reports = await db.SectorReports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Approved && lines.Contains(r.SectorId)).ToListAsync(ct);
        return reports.Select(Figure).OrderBy(f => f.Year).ToList();
    }

    public static SectorFigure Figure(SectorReport r) => new(ReportingLines.CodeOf(r.SectorId)!, r.Year, r.TargetJobs, r.RealisedJobs, r.SroiJobs,
        r.Percentage, r.PercentageIncludingSroi, r.Source, r.Status, r.Id, r.SubmittedBy is null);

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
