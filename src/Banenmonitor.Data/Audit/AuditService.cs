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

    /// <summary>Audit entries as rows of the trail (source 0), straight from their table.</summary>
    private IQueryable<AuditTrailRow> EntryRows => db.AuditEntries.AsNoTracking().Select(a => new AuditTrailRow
    {
        Source = 0, Id = a.Id, Timestamp = a.Timestamp, UserName = a.UserName, Action = a.Action, EntityType = a.EntityType,
        EntityKey = a.EntityKey, Before = a.Before, After = a.After, Cause = a.Cause, ImportRunId = a.ImportRunId,
    });

    /// <summary>Bulk-import changes as rows of the trail (source 1) with their run's user, time and cause, as the view gives them.</summary>
    private IQueryable<AuditTrailRow> ChangeRows => db.ImportChanges.AsNoTracking().Join(db.ImportRuns.AsNoTracking(), c => c.ImportRunId, r => r.Id, (c, r) => new AuditTrailRow
    {
        Source = 1, Id = c.Id, Timestamp = r.StartedAt, UserName = r.UserName, Action = c.Action, EntityType = c.EntityType,
        EntityKey = c.EntityKey, Before = c.Before, After = c.After, Cause = "import " + r.Kind + " (" + r.FileName + ")", ImportRunId = c.ImportRunId,
    });

    /// <summary>
    /// The entries that match <paramref name="filter"/>, newest first (time, then import changes before audit entries of
    /// the same moment, then id), page <paramref name="page"/> (from 1) of <paramref name="pageSize"/>. An unknown employer
    /// or sector matches nothing. Never sorts the whole trail: the audit entries are read newest first by the index on
    /// (Timestamp, Id) with a LIMIT, the import changes run by run (index on StartedAt), each run's changes by the index on
    /// (ImportRunId, Id) with a LIMIT, and the two are merged; only the first page × page size rows of each are read.
    /// </summary>
    public async Task<AuditPage> SearchAsync(AuditFilter filter, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 500);
        var entries = await FilterAsync(EntryRows, filter, ct);
        var changes = await FilterAsync(ChangeRows, filter, ct);
        if (entries is null || changes is null) return new([], 0, 1, pageSize);
        var total = await entries.CountAsync(ct) + await changes.CountAsync(ct);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pages);
        var needed = page * pageSize;
        var newestEntries = await entries.OrderByDescending(a => a.Timestamp).ThenByDescending(a => a.Id).Take(needed).ToListAsync(ct);
        var newestChanges = await NewestChangesAsync(changes, filter, needed, ct);
        var rows = newestEntries.Concat(newestChanges)
            .OrderByDescending(a => a.Timestamp).ThenByDescending(a => a.Source).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).Select(r => r.ToEntry()).ToList();
        return new(rows, total, page, pageSize);
    }

    /// <summary>The newest <paramref name="needed"/> matching import changes: run by run, newest run first, each run's changes newest first.</summary>
    private async Task<List<AuditTrailRow>> NewestChangesAsync(IQueryable<AuditTrailRow> changes, AuditFilter filter, int needed, CancellationToken ct)
    {
        var runs = db.ImportRuns.AsNoTracking().AsQueryable();
        if (filter.From is { } from) { var start = Start(from); runs = runs.Where(r => r.StartedAt >= start); }
        if (filter.To is { } to) { var end = End(to); runs = runs.Where(r => r.StartedAt < end); }
        var list = new List<AuditTrailRow>();
        const int batch = 100;
        for (var skip = 0; list.Count < needed; skip += batch)
        {
            var ids = await runs.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Skip(skip).Take(batch).Select(r => r.Id).ToListAsync(ct);
            foreach (var id in ids)
            {
                if (list.Count >= needed) break;
                list.AddRange(await changes.Where(c => c.ImportRunId == id).OrderByDescending(c => c.Id).Take(needed - list.Count).ToListAsync(ct));
            }
            if (ids.Count < batch) break;
        }
        return list;
    }

    private static DateTime Start(DateOnly from) => from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    private static DateTime End(DateOnly to) => to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The rows of one source that match the filter; null when an employer or sector named in it is unknown (nothing matches).</summary>
    private async Task<IQueryable<AuditTrailRow>?> FilterAsync(IQueryable<AuditTrailRow> q, AuditFilter filter, CancellationToken ct)
    {
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
            var start = Start(from);
            q = q.Where(a => a.Timestamp >= start);
        }
        if (filter.To is { } to)
        {
            var end = End(to);
            q = q.Where(a => a.Timestamp < end);
        }
        if (!string.IsNullOrWhiteSpace(filter.Employer))
        {
            var number = filter.Employer.Trim().ToUpperInvariant();
            var e = await db.Employers.AsNoTracking().FirstOrDefaultAsync(x => x.PayrollTaxNumber == number, ct);
            if (e is null) return null;
            var prefix = $"{e.Id}|";
            string[] byId = [nameof(EmployerReport), nameof(SectorRegisterEntry), nameof(PaidHoursRecord), HiredInHoursRecord.AuditName];
            q = q.Where(a => (a.EntityType == nameof(Employer) && a.EntityKey == number) || (byId.Contains(a.EntityType) && a.EntityKey.StartsWith(prefix)));
        }
        if (!string.IsNullOrWhiteSpace(filter.Sector))
        {
            var s = await db.Sectors.AsNoTracking().FirstOrDefaultAsync(x => x.Code == filter.Sector.Trim(), ct);
            if (s is null) return null;
            var prefix = $"{s.Id}|";
            var agenda = $"werkagenda:{s.Id}:";
            string[] bySector = [nameof(SectorReport), nameof(SectorTarget), nameof(SectorEstimateChoice)];
            q = q.Where(a => (bySector.Contains(a.EntityType) && a.EntityKey.StartsWith(prefix)) || a.EntityKey.StartsWith(agenda));
        }
        return q;
    }

    public Task<List<ImportRun>> ImportRunsAsync(int max = 50, CancellationToken ct = default) =>
        db.ImportRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(max).ToListAsync(ct);
}
