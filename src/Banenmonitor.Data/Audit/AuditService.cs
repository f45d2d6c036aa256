using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Audit;

/// <summary>Queries the audit trail: per figure, per import run, or the latest changes.</summary>
public sealed class AuditService(BanenmonitorDbContext db)
{
    /// <summary>Entity types that carry an audit trail, by their Dutch name (as the CLI and imports use it).</summary>
    public static readonly IReadOnlyDictionary<string, string> EntityTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["werkgever"] = nameof(Employer),
        ["doelgroepregistratie"] = nameof(TargetGroupRegistration),
        ["verloonde-uren"] = nameof(PaidHoursRecord),
        ["inleen-toerekening"] = nameof(HiredInAttribution),
        ["sroi-contract"] = nameof(SroiContract),
        ["sroi-plaatsing"] = nameof(SroiPlacement),
        ["sectordoel"] = nameof(SectorTarget),
        ["sectorrapportage"] = nameof(SectorReport),
        ["werkgeversrapportage"] = nameof(EmployerReport),
    };

    /// <summary>All changes of one figure, oldest first.</summary>
    public Task<List<AuditEntry>> ForFigureAsync(string entityType, string entityKey, CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.EntityKey == entityKey).OrderBy(a => a.Id).ToListAsync(ct);

    /// <summary>All changes of an employer (by payroll tax number).</summary>
    public Task<List<AuditEntry>> ForEmployerAsync(string payrollTaxNumber, CancellationToken ct = default) =>
        ForFigureAsync(nameof(Employer), payrollTaxNumber, ct);

    /// <summary>Audit key of a sector's report or target for a year (sector code as in data/published).</summary>
    public async Task<string?> SectorYearKeyAsync(string sectorCode, int year, CancellationToken ct = default)
    {
        var s = await db.Sectors.AsNoTracking().FirstOrDefaultAsync(x => x.Code == sectorCode, ct);
        return s is null ? null : $"{s.Id}|{year}";
    }

    /// <summary>Audit key of an employer's yearly report.</summary>
    public async Task<string?> EmployerYearKeyAsync(string payrollTaxNumber, int year, CancellationToken ct = default)
    {
        var e = await db.Employers.AsNoTracking().FirstOrDefaultAsync(x => x.PayrollTaxNumber == payrollTaxNumber, ct);
        return e is null ? null : $"{e.Id}|{year}";
    }

    /// <summary>Every change caused by one import run.</summary>
    public Task<List<AuditEntry>> ForImportAsync(Guid importRunId, int max = 1000, CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking().Where(a => a.ImportRunId == importRunId).OrderBy(a => a.Id).Take(max).ToListAsync(ct);

    /// <summary>The latest changes, newest first.</summary>
    public Task<List<AuditEntry>> LatestAsync(int max = 50, CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Take(max).ToListAsync(ct);

    public Task<List<ImportRun>> ImportRunsAsync(int max = 50, CancellationToken ct = default) =>
        db.ImportRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(max).ToListAsync(ct);
}
