using Banenmonitor.Data.Audit;
using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Reviews;

/// <summary>Which kind of report a review step is about.</summary>
public enum ReportKind { Sector, Employer }

/// <summary>Outcome of a review step: done, or a Dutch reason why not.</summary>
public sealed record ReviewResult(bool Done, string Message, IReviewedReport? Report = null)
{
    public static ReviewResult Refused(string message) => new(false, message);
}

/// <summary>
/// A submitted report beside what the analyst compares it with: the approved figure of the same year (which approval
/// would supersede), the approved report of the previous year with data, and the figures flagged onwaarschijnlijk.
/// </summary>
public sealed record ReviewComparison(IReviewedReport Report, IReviewedReport? SameYear, IReviewedReport? PreviousYear, IReadOnlyList<PlausibilityFlag> Flags);

/// <summary>
/// The review workflow of sector and employer reports: a draft (concept) is submitted (ingediend) by whoever entered
/// it, and an analyst approves (goedgekeurd) or rejects (afgewezen) it — a rejection with a reason, which the submitter
/// reads. Approval makes the previous approved report of that year <see cref="ReportStatus.Superseded"/> in the same
/// transaction, so there is always at most one figure per year and drafts never overwrite it. With the four-eyes
/// principle (<see cref="ReviewSettings.FourEyes"/>) who submitted may not decide on the own submission. A submitter may
/// withdraw a submission back to draft and delete a draft. Every step is recorded in the audit trail with the user and
/// the action. Scope (who may submit for which sector or employer) is checked by the caller.
/// </summary>
public sealed class ReportReview(BanenmonitorDbContext db, TimeProvider clock, ReviewSettings? settings = null)
{
    public const int MaxReasonLength = 1000;

    public ReviewSettings Settings { get; } = settings ?? ReviewSettings.Default;

    public async Task<IReviewedReport?> FindAsync(ReportKind kind, int id, CancellationToken ct = default) => kind switch
    {
        ReportKind.Sector => await db.SectorReports.Include(r => r.Sector).FirstOrDefaultAsync(r => r.Id == id, ct),
        _ => await db.EmployerReports.Include(r => r.Employer).FirstOrDefaultAsync(r => r.Id == id, ct),
    };

    /// <summary>Submits a draft to the ministry.</summary>
    public async Task<ReviewResult> SubmitAsync(ReportKind kind, int id, string user, CancellationToken ct = default)
    {
        var r = await FindAsync(kind, id, ct);
        if (r is null) return ReviewResult.Refused($"Rapportage {id} bestaat niet.");
        if (r.Status != ReportStatus.Draft) return ReviewResult.Refused($"Alleen een concept kan worden ingediend; deze rapportage is {r.Status.Dutch()}.");
        r.Status = ReportStatus.Submitted;
        r.SubmittedBy = user;
        r.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        r.RejectionReason = null;
        await SaveAsync(user, $"rapportage {id} ingediend", ct);
        return new(true, "De rapportage is ingediend. Een analist van het ministerie beoordeelt haar.", r);
    }

    /// <summary>Takes a submission back: it is a draft again, to change or delete. Only before the analyst decided.</summary>
    public async Task<ReviewResult> WithdrawAsync(ReportKind kind, int id, string user, CancellationToken ct = default)
    {
        var r = await FindAsync(kind, id, ct);
        if (r is null) return ReviewResult.Refused($"Rapportage {id} bestaat niet.");
        if (r.Status != ReportStatus.Submitted)
            return ReviewResult.Refused($"Alleen een ingediende rapportage kan worden teruggetrokken; deze rapportage is {r.Status.Dutch()}.");
        r.Status = ReportStatus.Draft;
        r.SubmittedBy = null;
        r.SubmittedAt = null;
        await SaveAsync(user, $"rapportage {id} teruggetrokken", ct);
        return new(true, "De rapportage is teruggetrokken en weer een concept. U kunt haar aanpassen, opnieuw indienen of verwijderen.", r);
    }

    /// <summary>Deletes a draft (the audit trail keeps its values).</summary>
    public async Task<ReviewResult> DeleteDraftAsync(ReportKind kind, int id, string user, CancellationToken ct = default)
    {
        var r = await FindAsync(kind, id, ct);
        if (r is null) return ReviewResult.Refused($"Rapportage {id} bestaat niet.");
        if (r.Status != ReportStatus.Draft)
            return ReviewResult.Refused($"Alleen een concept kan worden verwijderd; deze rapportage is {r.Status.Dutch()}. Trek een ingediende rapportage eerst terug.");
        db.Remove(r);
        await SaveAsync(user, $"concept {id} verwijderd", ct);
        return new(true, $"Het concept over {r.Year} is verwijderd.", r);
    }

    /// <summary>Approves a submitted report: it becomes the figure of its year; the previous one is superseded.</summary>
    public async Task<ReviewResult> ApproveAsync(ReportKind kind, int id, string analyst, CancellationToken ct = default)
    {
        var r = await FindAsync(kind, id, ct);
        if (Undecidable(r, analyst) is { } refused) return refused;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var previous = await ApprovedAsync(kind, r!, r!.Year, exact: true, ct);
        if (previous is not null)
        {
            previous.Status = ReportStatus.Superseded;
            await SaveAsync(analyst, $"rapportage {previous.Id} vervangen door goedgekeurde rapportage {id}", ct);
        }
        Decide(r, ReportStatus.Approved, analyst);
        r.RejectionReason = null;
        await SaveAsync(analyst, $"rapportage {id} goedgekeurd", ct);
        await tx.CommitAsync(ct);
        return new(true, "goedgekeurd", r);
    }

    /// <summary>Rejects a submitted report with a reason the submitter reads; the approved figure of that year stays as it was.</summary>
    public async Task<ReviewResult> RejectAsync(ReportKind kind, int id, string analyst, string? reason, CancellationToken ct = default)
    {
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text))
            return ReviewResult.Refused("Geef een reden voor de afwijzing: de indiener leest die en kan de rapportage dan verbeteren.");
        if (text.Length > MaxReasonLength)
            return ReviewResult.Refused($"De reden is {text.Length} tekens lang; gebruik er hoogstens {MaxReasonLength}.");
        var r = await FindAsync(kind, id, ct);
        if (Undecidable(r, analyst) is { } refused) return refused;
        Decide(r!, ReportStatus.Rejected, analyst);
        r!.RejectionReason = text;
        await SaveAsync(analyst, $"rapportage {id} afgewezen: {Short(text)}", ct);
        return new(true, "afgewezen", r);
    }

    /// <summary>
    /// A submitted report beside the approved figure of its year and of the previous year with an approved report,
    /// with the plausibility flags (<see cref="Plausibility"/>). Null when the report does not exist.
    /// </summary>
    public async Task<ReviewComparison?> CompareAsync(ReportKind kind, int id, CancellationToken ct = default)
    {
        var r = await FindAsync(kind, id, ct);
        if (r is null) return null;
        var same = await ApprovedAsync(kind, r, r.Year, exact: true, ct);
        var previous = await ApprovedAsync(kind, r, r.Year, exact: false, ct);
        return new(r, same, previous, Flags(r, previous));
    }

    /// <summary>The plausibility flags of a report against the previous approved year, and of its year against today.</summary>
    public IReadOnlyList<PlausibilityFlag> Flags(IReviewedReport report, IReviewedReport? previousYear)
    {
        var flags = new List<PlausibilityFlag>();
        if (Plausibility.Year(report.Year, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), Settings.MaxYearsAhead) is { } y) flags.Add(y);
        if (previousYear is null) return flags;
        foreach (var (property, value) in ComparedFigures(report))
        {
            var before = ComparedFigures(previousYear).First(f => f.Property == property).Value;
            if (Plausibility.Change(AuditLabels.Of(report.GetType().Name, property), value, before, previousYear.Year, Settings.Factor) is { } f) flags.Add(f);
        }
        return flags;
    }

    /// <summary>The figures of a report that plausibility compares with the previous year.</summary>
    public static IReadOnlyList<(string Property, decimal? Value)> ComparedFigures(IReviewedReport r) => r switch
    {
        SectorReport s => [(nameof(s.TargetJobs), s.TargetJobs), (nameof(s.RealisedJobs), s.RealisedJobs), (nameof(s.SroiJobs), s.SroiJobs)],
        EmployerReport e => [(nameof(e.TotalPaidHours), e.TotalPaidHours), (nameof(e.TargetGroupHours), e.TargetGroupHours),
            (nameof(e.RealisedJobs), e.RealisedJobs), (nameof(e.TargetJobs), e.TargetJobs)],
        _ => [],
    };

    /// <summary>Null when <paramref name="analyst"/> may decide on <paramref name="r"/>, else why not.</summary>
    private ReviewResult? Undecidable(IReviewedReport? r, string analyst)
    {
        if (r is null || r.Status != ReportStatus.Submitted) return ReviewResult.Refused("Alleen een ingediende rapportage kan worden beoordeeld.");
        if (Settings.FourEyes && string.Equals(r.SubmittedBy, analyst, StringComparison.OrdinalIgnoreCase))
            return ReviewResult.Refused("U hebt deze rapportage zelf ingediend. Volgens het vier-ogenprincipe beoordeelt een andere analist haar.");
        return null;
    }

    /// <summary>The approved report of the same sector or employer: of <paramref name="year"/> (exact), or the latest before it.</summary>
    private async Task<IReviewedReport?> ApprovedAsync(ReportKind kind, IReviewedReport r, int year, bool exact, CancellationToken ct)
    {
        if (kind == ReportKind.Sector)
        {
            var q = db.SectorReports.Where(x => x.SectorId == ((SectorReport)r).SectorId && x.Status == ReportStatus.Approved && x.Id != r.Id);
            q = exact ? q.Where(x => x.Year == year) : q.Where(x => x.Year < year);
            return await q.OrderByDescending(x => x.Year).FirstOrDefaultAsync(ct);
        }
        var e = db.EmployerReports.Where(x => x.EmployerId == ((EmployerReport)r).EmployerId && x.Status == ReportStatus.Approved && x.Id != r.Id);
        e = exact ? e.Where(x => x.Year == year) : e.Where(x => x.Year < year);
        return await e.OrderByDescending(x => x.Year).FirstOrDefaultAsync(ct);
    }

    private static string Short(string s) => s.Length <= 200 ? s : s[..200] + "…";

    private void Decide(IReviewedReport r, ReportStatus status, string analyst)
    {
        r.Status = status;
        r.ReviewedBy = analyst;
        r.ReviewedAt = clock.GetUtcNow().UtcDateTime;
    }

    private async Task SaveAsync(string user, string action, CancellationToken ct)
    {
        var previous = db.Actor;
        db.Actor = AuditActor.User(user, action);
        try { await db.SaveChangesAsync(ct); }
        finally { db.Actor = previous; }
    }
}
