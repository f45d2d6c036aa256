using Banenmonitor.Rules.Regimes;

namespace Banenmonitor.Analytics.Tests;

/// <summary>
/// The tests' own expectation of the regime comparison, from the rules core's per-employer outcomes in .NET: the engine
/// computes its outcomes and totals inside DuckDB, these compute them independently, and the tests compare the two.
/// </summary>
internal static class RegimeOracle
{
    public static EmployerRegimeOutcome Outcome(string lhnr, string sector, RegimeOutcome quota, RegimeOutcome wba) =>
        Outcome(lhnr, sector, RegimeFigures.Of(quota), RegimeFigures.Of(wba));

    public static EmployerRegimeOutcome Outcome(string lhnr, string sector, RegimeFigures quota, RegimeFigures wba) => new(
        lhnr, sector, NationalRegimeComparison.GroupOf(sector),
        quota.Computable, quota.SubjectToQuota, quota.Shortfall?.Value ?? 0m, quota.Levy,
        wba.Computable, wba.SubjectToQuota, wba.Incomplete is not null, wba.Surcharge, wba.Bonus, wba.WageCostAdvantage,
        EmployerRegimeOutcome.Reason(quota, wba));

    public static RegimeTotals Totals(string group, IEnumerable<EmployerRegimeOutcome> employers)
    {
        long n = 0, qs = 0, qsh = 0, qnc = 0, ws = 0, snc = 0, sp = 0, br = 0, lr = 0, wnc = 0;
        decimal shortJobs = 0, levy = 0, sur = 0, bonus = 0, lkv = 0;
        foreach (var e in employers)
        {
            n++;
            if (!e.QuotaComputable) qnc++;
            if (e.QuotaSubject) qs++;
            if (e.QuotaSubject && e.Shortfall > 0) qsh++;
            shortJobs += e.Shortfall;
            levy += e.Levy;
            if (!e.WbaComputable) wnc++;
            if (e.WbaSubject) ws++;
            if (e.SurchargeNotComputed) snc++;
            if (e.Surcharge > 0) sp++;
            if (e.Bonus > 0) br++;
            if (e.WageCostAdvantage > 0) lr++;
            sur += e.Surcharge;
            bonus += e.Bonus;
            lkv += e.WageCostAdvantage;
        }
        return new RegimeTotals(group, n, qs, qsh, shortJobs, levy, qnc, ws, snc, sp, sur, br, bonus, lr, lkv, wnc);
    }
}
