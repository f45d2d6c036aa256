using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Rules.Quota;

/// <summary>Which side of a hired-in (<i>inleen</i>) attribution the employer is on.</summary>
public enum AttributionSide
{
    /// <summary>The employer hires the worker in (<i>inlener</i>): its target-group hours rise.</summary>
    Hirer,
    /// <summary>The employer lends the worker out (<i>uitlener</i>, agency or sheltered employment): its target-group hours fall.</summary>
    Lender,
}

/// <summary>
/// Attribution of a lent target-group worker's hours to the hirer (Besluit Wfsv art. 2.27–2.31), agreed between
/// lender and hirer; only valid when agreed before the deadline in the year after the levy year.
/// </summary>
public sealed record HiredInAttribution(
    string PersonReference,
    AttributionSide Side,
    PaidHours AttributedHours,
    PaidHours PersonRecordedHours,
    DateOnly AgreedOn);

/// <summary>Input of the employer quota computation for one year.</summary>
public sealed record QuotaInput(
    int Year,
    PaidHours TotalPaidHours,
    PaidHours TargetGroupHours,
    PaidHours? TotalPaidHoursPreviousYear = null,
    IReadOnlyList<HiredInAttribution>? Attributions = null,
    PaidHours? AgencyStaffHours = null,
    bool IsGovernmentEmployer = true)
{
    /// <summary>
    /// The one mapping from an employer's aggregated figures to the rules core's input, used by the national engine and by
    /// the quota from stored data: A before the agency rule, the agency staff hours (only when positive), C under the
    /// period rule before attributions, previous-year A (null: not known), the attributions (hirer side first, then lender side).
    /// </summary>
    public static QuotaInput OfAggregates(int year, decimal totalPaidHours, decimal agencyStaffHours, decimal targetGroupHours,
        decimal? totalPaidHoursPreviousYear, IReadOnlyList<HiredInAttribution> attributions, bool isGovernment) =>
        new(year, new(totalPaidHours), new(targetGroupHours), totalPaidHoursPreviousYear is { } p ? new(p) : null, attributions,
            agencyStaffHours > 0 ? new(agencyStaffHours) : null, isGovernment);
}

/// <summary>The figures of a quota outcome, without its trace (<see cref="QuotaCalculator.Figures"/>).</summary>
public readonly record struct QuotaFigures(
    PaidHours TotalPaidHours,
    Percentage? QuotaPercentage,
    Jobs? RequiredJobs,
    Jobs RealisedJobs,
    Jobs Shortfall,
    Euros Levy,
    bool Exempt,
    bool LevySuspended);

/// <summary>
/// The working of the shortfall before its legal rounding, so that it visibly adds up: A × B and C in hours (rounded to
/// <paramref name="VariableDecimals"/> as the law says), D, and the jobs before rounding; the shortfall
/// (A × B − C) ÷ D is rounded down to <paramref name="ShortfallDecimals"/> only at the end.
/// </summary>
public sealed record QuotaWorking(decimal RequiredHours, decimal TargetGroupHours, decimal HoursPerJob,
    decimal RequiredJobsUnrounded, decimal RealisedJobsUnrounded, decimal ShortfallUnrounded, int VariableDecimals, int ShortfallDecimals);

/// <summary>
/// Outcome of the employer quota computation (<i>quotumheffing</i>): its figures, the reason and the trace; with the trace
/// also the <see cref="Working"/> of the shortfall (null when exempt).
/// </summary>
public sealed record QuotaResult(int Year, QuotaFigures Figures, string? Reason, Trace Trace, QuotaWorking? Working = null)
{
    public PaidHours TotalPaidHours => Figures.TotalPaidHours;
    public Percentage? QuotaPercentage => Figures.QuotaPercentage;
    public Jobs? RequiredJobs => Figures.RequiredJobs;
    public Jobs RealisedJobs => Figures.RealisedJobs;
    public Jobs Shortfall => Figures.Shortfall;
    public Euros Levy => Figures.Levy;
    public bool Exempt => Figures.Exempt;
    public bool LevySuspended => Figures.LevySuspended;
    public bool UsesUnconfirmed => Trace.UsesUnconfirmed;
}
