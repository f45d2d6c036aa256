using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Privacy;

/// <summary>A period in which a person counts for the target group (registered in the register); no end: still registered.</summary>
public sealed record TargetGroupPeriod(DateOnly From, DateOnly? To);

/// <summary>The outcome of a check: whether the number was valid, and the periods (only periods: no ground, no pseudonym).</summary>
public sealed record TargetGroupCheckResult(bool Valid, string? Error, IReadOnlyList<TargetGroupPeriod> Periods)
{
    public bool Counts => Periods.Count > 0;
}

/// <summary>
/// Whether a person counts for the target group, and for which periods: an employer's HR enters a citizen number; it is
/// checked (elfproef), pseudonymised on arrival with the platform's key and only the pseudonym is looked up. The number
/// is neither stored nor logged, and the answer holds periods only. Overlapping or touching registrations are merged.
/// </summary>
public sealed class TargetGroupCheck(BanenmonitorDbContext db, PseudonymKey key)
{
    public const string InvalidBsn = "Dit is geen geldig burgerservicenummer: het moet 9 cijfers hebben (8 met een voorloopnul) en voldoen aan de elfproef.";

    public async Task<TargetGroupCheckResult> CheckAsync(string? bsn, CancellationToken ct = default)
    {
        if (!Bsn.IsValid(bsn)) return new(false, InvalidBsn, []);
        if (!key.IsAvailable) throw new InvalidOperationException(PseudonymKey.MissingKeyMessage);
        var pseudonym = key.Pseudonymize(Bsn.Normalize(bsn!));
        var intervals = await db.TargetGroupRegistrations.AsNoTracking().Where(r => r.Pseudonym == pseudonym)
            .Select(r => new { r.StartDate, r.EndDate }).ToListAsync(ct);
        var merged = new List<TargetGroupPeriod>();
        foreach (var r in intervals.OrderBy(r => r.StartDate))
        {
            if (merged.Count > 0 && merged[^1] is { } last && (last.To is null || r.StartDate <= last.To.Value.AddDays(1)))
            {
                DateOnly? to = last.To is null || r.EndDate is null ? null : (r.EndDate > last.To ? r.EndDate : last.To);
                merged[^1] = last with { To = to };
            }
            else merged.Add(new TargetGroupPeriod(r.StartDate, r.EndDate));
        }
        return new(true, null, merged);
    }
}
