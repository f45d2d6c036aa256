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
    bool IsGovernmentEmployer = true);

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

/// <summary>Outcome of the employer quota computation (<i>quotumheffing</i>): its figures, the reason and the trace.</summary>
public sealed record QuotaResult(int Year, QuotaFigures Figures, string? Reason, Trace Trace)
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
