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

/// <summary>
/// A place in the audit trail's order (newest first: time, then import changes before audit entries of the same moment,
/// then id): the first or last row of a page, from which the next or previous page is read by the indexes (keyset
/// paging). As text in a link: <c>ticks.source.id</c>.
/// </summary>
public sealed record AuditCursor(DateTime Timestamp, int Source, long Id)
{
    public string Token => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Timestamp.Ticks}.{Source}.{Id}");

    /// <summary>The cursor of a link; null when there is none or it cannot be read (the caller says so).</summary>
    public static bool TryParse(string? token, out AuditCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrWhiteSpace(token)) return true;
        var parts = token.Trim().Split('.');
        if (parts.Length != 3 || !long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks || parts[1] is not ("0" or "1")
            || !long.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            return false;
        cursor = new AuditCursor(new DateTime(ticks, DateTimeKind.Utc), parts[1] == "1" ? 1 : 0, id);
        return true;
    }

    internal static AuditCursor Of(AuditTrailRow r) => new(DateTime.SpecifyKind(r.Timestamp, DateTimeKind.Utc), r.Source, r.Id);
}

/// <summary>
/// One page of audit entries (newest first), with the cursors of the pages before and after it (null at either end) and
/// how many entries match, counted up to <see cref="CountLimit"/> (<see cref="CountStopped"/>: more than that).
/// </summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int PageSize, AuditCursor? Previous, AuditCursor? Next, int Counted, bool CountStopped)
{
    /// <summary>The count stops here, so that no page costs more because the trail is longer.</summary>
    public const int CountLimit = 10_000;

    public static AuditPage Empty(int pageSize) => new([], pageSize, null, null, 0, false);

    /// <summary>How many match, in Dutch: <c>1.234</c> or <c>meer dan 10.000</c>.</summary>
    public string CountText => CountStopped
        ? "meer dan " + CountLimit.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))
        : Counted.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
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
    /// the same moment, then id), <paramref name="pageSize"/> of them: the newest, those just after <paramref name="after"/>
    /// (the next page) or just before <paramref name="before"/> (the previous page). An unknown employer or sector matches
    /// nothing. Keyset paging: no page reads the rows before it, and the count stops at <see cref="AuditPage.CountLimit"/>,
    /// so a page costs the same however long the trail is. The audit entries are read by the index on (Timestamp, Id)
    /// from the cursor on with a LIMIT; the import changes run by run (index on StartedAt), runs of the same moment
    /// together, each by the index on (ImportRunId, Id) with a LIMIT; the two are merged.
    /// </summary>
    public async Task<AuditPage> SearchAsync(AuditFilter filter, AuditCursor? after = null, AuditCursor? before = null, int pageSize = 50,
        CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 500);
        var entries = await FilterAsync(EntryRows, filter, ct);
        var changes = await FilterAsync(ChangeRows, filter, ct);
        if (entries is null || changes is null) return AuditPage.Empty(pageSize);
        var backward = after is null && before is not null;
        var cursor = backward ? before : after;
        var need = pageSize + 1;
        var found = (await EntriesFromAsync(entries, cursor, backward, need, ct)).Concat(await ChangesFromAsync(changes, filter, cursor, backward, need, ct));
        var merged = (backward
                ? found.OrderBy(a => a.Timestamp).ThenBy(a => a.Source).ThenBy(a => a.Id)
                : found.OrderByDescending(a => a.Timestamp).ThenByDescending(a => a.Source).ThenByDescending(a => a.Id))
            .Take(need).ToList();
        var more = merged.Count > pageSize;
        // Back at the top with fewer than a page before the cursor: the newest page.
        if (backward && !more) return await SearchAsync(filter, null, null, pageSize, ct);
        var rows = merged.Take(pageSize).ToList();
        if (backward) rows.Reverse();
        var limit = AuditPage.CountLimit + 1;
        var counted = await entries.Take(limit).CountAsync(ct) + await changes.Take(limit).CountAsync(ct);
        AuditCursor? previous = rows.Count == 0 ? null : backward ? (more ? AuditCursor.Of(rows[0]) : null) : cursor is null ? null : AuditCursor.Of(rows[0]);
        AuditCursor? next = rows.Count == 0 ? null : backward || more ? AuditCursor.Of(rows[^1]) : null;
        return new(rows.ConvertAll(r => r.ToEntry()), pageSize, previous, next, Math.Min(counted, AuditPage.CountLimit), counted > AuditPage.CountLimit);
    }

    /// <summary>The audit entries just after the cursor in the trail's order (before it when <paramref name="backward"/>), at most <paramref name="take"/>.</summary>
    private static Task<List<AuditTrailRow>> EntriesFromAsync(IQueryable<AuditTrailRow> entries, AuditCursor? c, bool backward, int take, CancellationToken ct)
    {
        var q = entries;
        if (c is not null)
        {
            var (t, id) = (c.Timestamp, c.Id);
            // Audit entries are source 0: after a change (source 1) of moment t come the entries of t itself. The bound on
            // Timestamp alone comes first, so that the index on (Timestamp, Id) starts at the cursor (a range, not a scan).
            q = (backward, c.Source) switch
            {
                (false, 1) => q.Where(a => a.Timestamp <= t),
                (false, _) => q.Where(a => a.Timestamp <= t && (a.Timestamp < t || a.Id < id)),
                (true, 1) => q.Where(a => a.Timestamp > t),
                (true, _) => q.Where(a => a.Timestamp >= t && (a.Timestamp > t || a.Id > id)),
            };
        }
        return (backward ? q.OrderBy(a => a.Timestamp).ThenBy(a => a.Id) : q.OrderByDescending(a => a.Timestamp).ThenByDescending(a => a.Id))
            .Take(take).ToListAsync(ct);
    }

    /// <summary>
    /// The import changes just after the cursor (before it when <paramref name="backward"/>), at most <paramref name="take"/>:
    /// run by run from the cursor's moment on, the runs of one moment together, each moment's changes by id.
    /// </summary>
    private async Task<List<AuditTrailRow>> ChangesFromAsync(IQueryable<AuditTrailRow> changes, AuditFilter filter, AuditCursor? c, bool backward, int take,
        CancellationToken ct)
    {
        var runs = db.ImportRuns.AsNoTracking().AsQueryable();
        if (filter.From is { } from) { var start = Start(from); runs = runs.Where(r => r.StartedAt >= start); }
        if (filter.To is { } to) { var end = End(to); runs = runs.Where(r => r.StartedAt < end); }
        if (c is not null)
        {
            var t = c.Timestamp;
            runs = backward ? runs.Where(r => r.StartedAt >= t) : runs.Where(r => r.StartedAt <= t);
        }
        var ordered = backward ? runs.OrderBy(r => r.StartedAt).ThenBy(r => r.Id) : runs.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id);
        var list = new List<AuditTrailRow>();
        const int batch = 100;
        for (var skip = 0; list.Count < take;)
        {
            var found = await ordered.Skip(skip).Take(batch).Select(r => new { r.Id, r.StartedAt }).ToListAsync(ct);
            var moments = found.GroupBy(r => r.StartedAt).ToList();
            // A moment's runs may go on in the next batch: leave the last moment for it (unless it fills the batch alone).
            if (found.Count == batch && moments.Count > 1) moments.RemoveAt(moments.Count - 1);
            foreach (var moment in moments)
            {
                skip += moment.Count();
                if (list.Count >= take) break;
                var ids = moment.Select(r => r.Id).ToList();
                // One run (the usual case) by equality, so that the index on (ImportRunId, Id) gives its changes in order.
                var only = ids[0];
                var q = ids.Count == 1 ? changes.Where(x => x.ImportRunId == only) : changes.Where(x => ids.Contains(x.ImportRunId!.Value));
                if (c is not null && DateTime.SpecifyKind(moment.Key, DateTimeKind.Utc) == c.Timestamp)
                {
                    // Changes are source 1: at the cursor's own moment only those past its id, if it is a change itself.
                    var id = c.Id;
                    if (backward) q = c.Source == 1 ? q.Where(x => x.Id > id) : q;
                    else if (c.Source == 1) q = q.Where(x => x.Id < id);
                    else continue;
                }
                list.AddRange(await (backward ? q.OrderBy(x => x.Id) : q.OrderByDescending(x => x.Id)).Take(take - list.Count).ToListAsync(ct));
            }
            if (found.Count < batch) break;
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
