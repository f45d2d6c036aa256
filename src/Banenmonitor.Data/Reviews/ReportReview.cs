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
/// The review workflow of sector and employer reports: a draft (concept) is submitted (ingediend) by whoever entered
/// it, and an analyst approves (goedgekeurd) or rejects (afgewezen) it. Approval makes the previous approved report of
/// that year <see cref="ReportStatus.Superseded"/> in the same transaction, so there is always at most one figure per
/// year and drafts never overwrite it. Every step is recorded in the audit trail with the user and the action.
/// Scope (who may submit for which sector or employer) is checked by the caller.
/// </summary>
public sealed class ReportReview(BanenmonitorDbContext db, TimeProvider clock)
{
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
        await SaveAsync(user, $"rapportage {id} ingediend", ct);
        return new(true, "De rapportage is ingediend. Een analist van het ministerie beoordeelt haar.", r);
    }

    /// <summary>Approves a submitted report: it becomes the figure of its year; the previous one is superseded.</summary>
    public async Task<ReviewResult> ApproveAsync(ReportKind kind, int id, string analyst, CancellationToken ct = default)
    {
        var r = await FindAsync(kind, id, ct);
        if (r is null || r.Status != ReportStatus.Submitted) return ReviewResult.Refused("Alleen een ingediende rapportage kan worden beoordeeld.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var previous = kind == ReportKind.Sector
            ? (IReviewedReport?)await db.SectorReports.FirstOrDefaultAsync(x => x.SectorId == ((SectorReport)r).SectorId && x.Year == r.Year && x.Status == ReportStatus.Approved, ct)
            : await db.EmployerReports.FirstOrDefaultAsync(x => x.EmployerId == ((EmployerReport)r).EmployerId && x.Year == r.Year && x.Status == ReportStatus.Approved, ct);
        if (previous is not null)
        {
            previous.Status = ReportStatus.Superseded;
            await SaveAsync(analyst, $"rapportage {previous.Id} vervangen door goedgekeurde rapportage {id}", ct);
        }
        Decide(r, ReportStatus.Approved, analyst);
        await SaveAsync(analyst, $"rapportage {id} goedgekeurd", ct);
        await tx.CommitAsync(ct);
        return new(true, "goedgekeurd", r);
    }

    /// <summary>Rejects a submitted report; the approved figure of that year stays as it was.</summary>
    public async Task<ReviewResult> RejectAsync(ReportKind kind, int id, string analyst, CancellationToken ct = default)
    {
        var r = await FindAsync(kind, id, ct);
        if (r is null || r.Status != ReportStatus.Submitted) return ReviewResult.Refused("Alleen een ingediende rapportage kan worden beoordeeld.");
        Decide(r, ReportStatus.Rejected, analyst);
        await SaveAsync(analyst, $"rapportage {id} afgewezen", ct);
        return new(true, "afgewezen", r);
    }

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
