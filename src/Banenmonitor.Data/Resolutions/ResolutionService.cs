using System.Security.Cryptography;
using Banenmonitor.Data.Audit;
using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Published;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Resolutions;

/// <summary>The outcome of recording a resolution: done, or the Dutch reasons it was refused (nothing written then).</summary>
public sealed record ResolveResult(bool Done, IReadOnlyList<string> Errors, FindingResolution? Resolution = null)
{
    public static ResolveResult Refused(params string[] errors) => new(false, errors);
}

/// <summary>
/// Records and reads resolutions of substantive findings. A resolution is added, never changed: resolving a finding
/// again adds a new one that supersedes the current one. Every resolution is in the audit trail under its user.
/// </summary>
public sealed class ResolutionService(BanenmonitorDbContext db, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>The current (not superseded) resolutions of a year, as the rules core reads them.</summary>
    public Task<IReadOnlyList<Resolution>> CurrentAsync(int year, CancellationToken ct = default) => CurrentAsync((int?)year, ct);

    /// <summary>The current resolutions of every year (<paramref name="year"/> null) or of one year.</summary>
    public async Task<IReadOnlyList<Resolution>> CurrentAsync(int? year, CancellationToken ct = default)
    {
        var all = await db.FindingResolutions.AsNoTracking().Where(r => year == null || r.Year == year).ToListAsync(ct);
        var superseded = all.Where(r => r.SupersedesId is not null).Select(r => r.SupersedesId!.Value).ToHashSet();
        return all.Where(r => !superseded.Contains(r.Id)).OrderBy(r => r.Id).Select(ToRule).ToList();
    }

    /// <summary>Every resolution of a year, superseded ones included, oldest first.</summary>
    public async Task<IReadOnlyList<FindingResolution>> HistoryAsync(int year, CancellationToken ct = default) =>
        await db.FindingResolutions.AsNoTracking().Where(r => r.Year == year).OrderBy(r => r.Id).ToListAsync(ct);

    public static Resolution ToRule(FindingResolution r) =>
        new(r.Id, r.Year, r.FindingKey, r.Figure, r.Choice, r.Value, r.Source, r.Reason, r.ResolvedBy, r.ResolvedAt, r.SupersedesId);

    /// <summary>
    /// Records which value of <paramref name="finding"/> stands. <paramref name="corrected"/> and <paramref name="source"/>
    /// are required for <see cref="ResolutionChoice.Corrected"/>; a reason is always required.
    /// </summary>
    public async Task<ResolveResult> ResolveAsync(ConsistencyCheck finding, ResolutionChoice choice, decimal? corrected, string? source, string? reason,
        string userName, CancellationToken ct = default)
    {
        var errors = new List<string>();
        if (finding.Outcome != CheckOutcome.Substantive) errors.Add("Alleen een inhoudelijke bevinding wordt opgelost; een verschil door afronding niet.");
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 5) errors.Add("Reden: leg uit waarom deze waarde geldt (minstens vijf tekens).");
        else if (reason.Trim().Length > 2000) errors.Add("Reden: hoogstens 2.000 tekens.");
        if (source?.Trim().Length > 400) errors.Add("Bron: hoogstens 400 tekens.");
        decimal value = choice switch
        {
            ResolutionChoice.Published => finding.Published,
            ResolutionChoice.Recomputed => Math.Round(finding.Computed, 6, MidpointRounding.AwayFromZero),
            _ => corrected ?? 0m,
        };
        if (choice == ResolutionChoice.Corrected)
        {
            if (corrected is null) errors.Add("Waarde: geef de gecorrigeerde waarde.");
            if (string.IsNullOrWhiteSpace(source) || source.Trim().Length < 5) errors.Add("Bron: een gecorrigeerde waarde vraagt de bron waar zij vandaan komt (document, tabel, datum).");
        }
        if (errors.Count > 0) return new ResolveResult(false, errors);

        var key = FindingKey.Of(finding);
        var current = (await CurrentAsync(finding.Year, ct)).FirstOrDefault(r => r.Key == key);
        var row = new FindingResolution
        {
            Year = finding.Year, FindingKey = key, Sector = finding.Sector, Kind = finding.Kind, Figure = Cut(finding.Figure, 400), Document = Cut(finding.Document, 100),
            PublishedValue = finding.Published, ComputedValue = Math.Round(finding.Computed, 6, MidpointRounding.AwayFromZero), Choice = choice, Value = value,
            Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim(), Reason = reason!.Trim(), ResolvedBy = userName,
            ResolvedAt = _clock.GetUtcNow().UtcDateTime, SupersedesId = current?.Id,
        };
        db.FindingResolutions.Add(row);
        var previous = db.Actor;
        db.Actor = AuditActor.User(userName, current is null ? $"bevinding {finding.Year} {key} opgelost" : $"oplossing van bevinding {finding.Year} {key} vervangen");
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            return ResolveResult.Refused("Deze bevinding is intussen door iemand anders opgelost; bekijk de nieuwe oplossing en probeer het opnieuw.");
        }
        finally { db.Actor = previous; }
        return new ResolveResult(true, [], row);
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>The files of a report version to publish, with what it was built from.</summary>
public sealed record ReportFiles(int Year, string Title, byte[] Pdf, byte[] Xlsx, byte[] Html, string DataVersion, string ParameterVersion, IReadOnlyList<int> ResolutionIds);

/// <summary>Publishes and reads published versions of the progress report. A version is added, never changed or deleted.</summary>
public sealed class PublishedReportStore(BanenmonitorDbContext db, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Stores a new version of the year; it supersedes the year's latest version.</summary>
    public async Task<PublishedReport> PublishAsync(ReportFiles files, string userName, CancellationToken ct = default)
    {
        var latest = await db.PublishedReports.AsNoTracking().Where(r => r.Year == files.Year).OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
        var report = new PublishedReport
        {
            Year = files.Year, Version = (latest?.Version ?? 0) + 1, Title = files.Title,
            PdfSha256 = Sha256(files.Pdf), XlsxSha256 = Sha256(files.Xlsx), HtmlSha256 = Sha256(files.Html),
            DataVersion = files.DataVersion, ParameterVersion = files.ParameterVersion, ResolutionIds = string.Join(",", files.ResolutionIds),
            PublishedBy = userName, PublishedAt = _clock.GetUtcNow().UtcDateTime, SupersedesId = latest?.Id,
            Files =
            [
                new() { Format = "pdf", Content = files.Pdf, Sha256 = Sha256(files.Pdf) },
                new() { Format = "xlsx", Content = files.Xlsx, Sha256 = Sha256(files.Xlsx) },
                new() { Format = "html", Content = files.Html, Sha256 = Sha256(files.Html) },
            ],
        };
        db.PublishedReports.Add(report);
        var previous = db.Actor;
        db.Actor = AuditActor.User(userName, $"voortgangsrapportage {files.Year} versie {report.Version} gepubliceerd");
        try { await db.SaveChangesAsync(ct); }
        finally { db.Actor = previous; }
        return report;
    }

    /// <summary>Every published version (without file contents), newest year and version first.</summary>
    public async Task<IReadOnlyList<PublishedReport>> ListAsync(CancellationToken ct = default) =>
        await db.PublishedReports.AsNoTracking().OrderByDescending(r => r.Year).ThenByDescending(r => r.Version).ToListAsync(ct);

    /// <summary>The id of the version that superseded each superseded version.</summary>
    public static IReadOnlyDictionary<int, PublishedReport> SupersededBy(IEnumerable<PublishedReport> all) =>
        all.Where(r => r.SupersedesId is not null).ToDictionary(r => r.SupersedesId!.Value);

    /// <summary>The current (not superseded) published version of each year, oldest year first.</summary>
    public static IReadOnlyList<PublishedReport> Current(IReadOnlyList<PublishedReport> all)
    {
        var superseded = SupersededBy(all);
        return all.Where(r => !superseded.ContainsKey(r.Id)).OrderBy(r => r.Year).ToList();
    }

    public async Task<IReadOnlyList<PublishedReport>> CurrentAsync(CancellationToken ct = default) => Current(await ListAsync(ct));

    public async Task<PublishedReportFile?> FileAsync(int reportId, string format, CancellationToken ct = default) =>
        await db.PublishedReportFiles.AsNoTracking().Include(f => f.Report).FirstOrDefaultAsync(f => f.ReportId == reportId && f.Format == format, ct);
}
