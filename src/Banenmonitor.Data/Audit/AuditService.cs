using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Audit;

/// <summary>
/// Filters of the audit trail; every one optional. <see cref="Employer"/> (payroll tax number) selects the employer and
/// the figures keyed by it (its reports, register entries, paid hours, and hired-in attributions it lent out);
/// <see cref="Sector"/> (code) the sector's reports, targets, estimate choices and work agendas. Dates are UTC days, both inclusive.
/// </summary>
public sealed record AuditFilter
{
    public string? User { get; init; }
    /// <summary>Entity type name (e.g. <c>SectorReport</c>).</summary>
    public string? EntityType { get; init; }
    /// <summary>One figure: entity type and key together.</summary>
    public string? EntityKey { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Employer { get; init; }
    public string? Sector { get; init; }
    /// <summary>Entity types this reader may not see (e.g. user accounts for an analyst).</summary>
    public IReadOnlyCollection<string> Hidden { get; init; } = [];
}

/// <summary>One page of audit entries (newest first) and how many match in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Queries the audit trail (audit entries and bulk-import changes): per figure, per import run, the latest changes, or filtered and paged.</summary>
public sealed class AuditService(BanenmonitorDbContext db)
{
    /// <summary>Entity types that carry an audit trail, by their Dutch name (as the CLI and imports use it).</summary>
    public static readonly IReadOnlyDictionary<string, string> EntityTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["werkgever"] = nameof(Employer),
        ["doelgroepregistratie"] = nameof(TargetGroupRegistration),
        ["verloonde-uren"] = nameof(PaidHoursRecord),
        ["inleen-toerekening"] = HiredInHoursRecord.AuditName,
        ["sroi-contract"] = nameof(SroiContract),
        ["sroi-plaatsing"] = nameof(SroiPlacement),
        ["sectordoel"] = nameof(SectorTarget),
        ["sectorrapportage"] = nameof(SectorReport),
        ["werkgeversrapportage"] = nameof(EmployerReport),
    };

    /// <summary>
    /// The audit trail: audit entries and the changes of bulk imports with their run's user, time and cause (view
    /// <see cref="AuditTrailRow"/>), in the order they happened.
    /// </summary>
    private IQueryable<AuditTrailRow> Trail => db.AuditTrail.AsNoTracking();

    private static IOrderedQueryable<AuditTrailRow> Oldest(IQueryable<AuditTrailRow> q) => q.OrderBy(a => a.Timestamp).ThenBy(a => a.Source).ThenBy(a => a.Id);
    private static IOrderedQueryable<AuditTrailRow> Newest(IQueryable<AuditTrailRow> q) => q.OrderByDescending(a => a.Timestamp).ThenByDescending(a => a.Source).ThenByDescending(a => a.Id);

    private static async Task<List<AuditEntry>> Entries(IQueryable<AuditTrailRow> q, CancellationToken ct) =>
        (await q.ToListAsync(ct)).ConvertAll(r => r.ToEntry());

    /// <summary>All changes of one figure, oldest first.</summary>
    public Task<List<AuditEntry>> ForFigureAsync(string entityType, string entityKey, CancellationToken ct = default) =>
        Entries(Oldest(Trail.Where(a => a.EntityType == entityType && a.EntityKey == entityKey)), ct);

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
        Entries(Oldest(Trail.Where(a => a.ImportRunId == importRunId)).Take(max), ct);

    /// <summary>The latest changes, newest first.</summary>
    public Task<List<AuditEntry>> LatestAsync(int max = 50, CancellationToken ct = default) =>
        Entries(Newest(Trail).Take(max), ct);

    /// <summary>
    /// The entries that match <paramref name="filter"/>, newest first, page <paramref name="page"/> (from 1) of
    /// <paramref name="pageSize"/>. An unknown employer or sector matches nothing.
    /// </summary>
    public async Task<AuditPage> SearchAsync(AuditFilter filter, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 500);
        var q = Trail;
        if (filter.Hidden.Count > 0) q = q.Where(a => !filter.Hidden.Contains(a.EntityType));
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var user = filter.User.Trim().ToLowerInvariant();
            q = q.Where(a => a.UserName.ToLower().Contains(user));
        }
        if (!string.IsNullOrEmpty(filter.EntityType)) q = q.Where(a => a.EntityType == filter.EntityType);
        if (filter.EntityKey is not null) q = q.Where(a => a.EntityKey == filter.EntityKey);
        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(a => a.Timestamp >= start);
        }
        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(a => a.Timestamp < end);
        }
        if (!string.IsNullOrWhiteSpace(filter.Employer))
        {
            var number = filter.Employer.Trim().ToUpperInvariant();
            var e = await db.Employers.AsNoTracking().FirstOrDefaultAsync(x => x.PayrollTaxNumber == number, ct);
            if (e is null) return new([], 0, 1, pageSize);
            var prefix = $"{e.Id}|";
            string[] byId = [nameof(EmployerReport), nameof(SectorRegisterEntry), nameof(PaidHoursRecord), HiredInHoursRecord.AuditName];
            q = q.Where(a => (a.EntityType == nameof(Employer) && a.EntityKey == number) || (byId.Contains(a.EntityType) && a.EntityKey.StartsWith(prefix)));
        }
        if (!string.IsNullOrWhiteSpace(filter.Sector))
        {
            var s = await db.Sectors.AsNoTracking().FirstOrDefaultAsync(x => x.Code == filter.Sector.Trim(), ct);
            if (s is null) return new([], 0, 1, pageSize);
            var prefix = $"{s.Id}|";
            var agenda = $"werkagenda:{s.Id}:";
            string[] bySector = [nameof(SectorReport), nameof(SectorTarget), nameof(SectorEstimateChoice)];
            q = q.Where(a => (bySector.Contains(a.EntityType) && a.EntityKey.StartsWith(prefix)) || a.EntityKey.StartsWith(agenda));
        }
        var total = await q.CountAsync(ct);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pages);
        var entries = await Entries(Newest(q).Skip((page - 1) * pageSize).Take(pageSize), ct);
        return new(entries, total, page, pageSize);
    }

    public Task<List<ImportRun>> ImportRunsAsync(int max = 50, CancellationToken ct = default) =>
        db.ImportRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(max).ToListAsync(ct);
}
