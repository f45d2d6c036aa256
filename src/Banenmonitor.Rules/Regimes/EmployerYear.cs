using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Rules.Regimes;

/// <summary>A target-group employee's paid hours in the year (for the per-employee LKV cap).</summary>
public sealed record TargetGroupEmployee(string Reference, PaidHours Hours);

/// <summary>
/// One employer's data for one year, in a form both regimes can compute with (side by side on the same data).
/// </summary>
/// <param name="PremiumBase">Wages subject to the disability-fund premium (premieloon Aof), for the 2025 surcharge.</param>
/// <param name="PremiumBaseExcluded">Part of the premium base the surcharge is not levied over: wages of lent-out workers, non-lent Wsw workers and sheltered work (beschut werk).</param>
/// <param name="SroiHours">Paid hours of target-group workers placed at suppliers through this employer's procurement (SROI); only counted in the SROI scenario.</param>
/// <param name="Attributions">Hired-in attributions (quotumregeling only, Besluit Wfsv art. 2.27–2.31).</param>
/// <param name="AgencyStaffHours">Hours of agency staff in A (quotumregeling only, for the agency rule of the quota).</param>
/// <param name="PremiumBaseTwoYearsBefore">
/// The employer's premium base (premieloon) of year t−2, for the small-employer test of the Wet banenafspraak (art. 6 with
/// Besluit Wfsv art. 2.19d); without it the test cannot be made and the surcharge is not computed (the outcome says why).
/// </param>
public sealed record EmployerYear(
    int Year,
    PaidHours TotalPaidHours,
    PaidHours TargetGroupHours,
    PaidHours? TotalPaidHoursPreviousYear = null,
    bool IsGovernmentEmployer = true,
    Euros? PremiumBase = null,
    Euros? PremiumBaseExcluded = null,
    IReadOnlyList<TargetGroupEmployee>? TargetGroupEmployees = null,
    PaidHours? SroiHours = null,
    IReadOnlyList<Quota.HiredInAttribution>? Attributions = null,
    PaidHours? AgencyStaffHours = null,
    Euros? PremiumBaseTwoYearsBefore = null);

/// <summary>What an amount of a regime outcome is.</summary>
public enum RegimeAmountKind
{
    /// <summary>Quotumheffing per missing job (quotumregeling).</summary>
    Levy,
    /// <summary>Inclusiviteitsopslag on the disability-fund premium (Wet banenafspraak art. 6).</summary>
    Surcharge,
    /// <summary>Banenafspraakbonus per 25.5-hour job (Wtl art. 2.13 lid 2).</summary>
    Bonus,
    /// <summary>Loonkostenvoordeel doelgroep banenafspraak (Wtl art. 2.10, 2.13).</summary>
    WageCostAdvantage,
}

/// <summary>One amount of a regime outcome (payable or receivable), so totals can be made per kind.</summary>
public sealed record RegimeAmount(RegimeAmountKind Kind, Euros Amount);

/// <summary>What a regime means for one employer in one year: what it pays and what it receives, with the trace.</summary>
public sealed record RegimeOutcome(
    Regime Regime,
    int Year,
    bool Computable,
    Euros Payable,
    Euros Receivable,
    bool PayableSuspended,
    IReadOnlyList<string> Summary,
    Trace Trace)
{
    /// <summary>The outcome's amounts by kind (levy; surcharge, bonus, wage cost advantage); empty when not computable.</summary>
    public IReadOnlyList<RegimeAmount> Amounts { get; init; } = [];

    /// <summary>
    /// Whether the regime's quota obligation applied to the employer this year: quotumregeling — government employer above
    /// the threshold (not exempt); Wet banenafspraak — quota part activated, surcharge year reached and not a small employer.
    /// </summary>
    public bool SubjectToQuota { get; init; }

    /// <summary>Set when part of the outcome could not be computed (e.g. the surcharge without a premium base); the rest stands.</summary>
    public string? Incomplete { get; init; }

    /// <summary>Quotumtekort in jobs (quotumregeling only).</summary>
    public Jobs? Shortfall { get; init; }

    public decimal Amount(RegimeAmountKind kind)
    {
        var sum = 0m;
        foreach (var a in Amounts)
            if (a.Kind == kind) sum += a.Amount.Value;
        return sum;
    }

    /// <summary>Receivable minus what is actually payable (a suspended levy is not paid).</summary>
    public Euros NetBenefit => new(Receivable.Value - (PayableSuspended ? 0m : Payable.Value));
    public bool UsesUnconfirmed => Trace.UsesUnconfirmed;
}

/// <summary>
/// The figures of a <see cref="RegimeOutcome"/> without its trace and summary (<see cref="RegimeComparison.Figures"/>):
/// what bulk runs need per employer. <paramref name="NotComputableReason"/> is the rules core's Dutch reason when the
/// regime could not be computed (the outcome's first summary line), otherwise null.
/// </summary>
public readonly record struct RegimeFigures(
    bool Computable,
    Euros Payable,
    Euros Receivable,
    bool PayableSuspended,
    bool SubjectToQuota,
    string? Incomplete,
    Jobs? Shortfall,
    decimal Levy,
    decimal Surcharge,
    decimal Bonus,
    decimal WageCostAdvantage,
    string? NotComputableReason)
{
    public static RegimeFigures Of(RegimeOutcome o) => new(o.Computable, o.Payable, o.Receivable, o.PayableSuspended, o.SubjectToQuota,
        o.Incomplete, o.Shortfall, o.Amount(RegimeAmountKind.Levy), o.Amount(RegimeAmountKind.Surcharge), o.Amount(RegimeAmountKind.Bonus),
        o.Amount(RegimeAmountKind.WageCostAdvantage), o.Computable ? null : o.Summary[0]);
}
