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
public sealed record EmployerYear(
    int Year,
    PaidHours TotalPaidHours,
    PaidHours TargetGroupHours,
    PaidHours? TotalPaidHoursPreviousYear = null,
    bool IsGovernmentEmployer = true,
    Euros? PremiumBase = null,
    Euros? PremiumBaseExcluded = null,
    IReadOnlyList<TargetGroupEmployee>? TargetGroupEmployees = null,
    PaidHours? SroiHours = null);

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
    /// <summary>Receivable minus what is actually payable (a suspended levy is not paid).</summary>
    public Euros NetBenefit => new(Receivable.Value - (PayableSuspended ? 0m : Payable.Value));
    public bool UsesUnconfirmed => Trace.UsesUnconfirmed;
}
