using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Units;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Rules.Parameters;

/// <summary>
/// The parameters of the quotumregeling (Wfsv art. 34, 38b–38j; Besluit Wfsv art. 2.20–2.33) in one year, typed.
/// Each read is recorded in the trace (see <see cref="ParameterView"/>).
/// </summary>
public readonly struct QuotaParameters(ParameterView view)
{
    public static QuotaParameters For(ParameterSet set, int year, Trace? trace = null) => new(new ParameterView(set, year, trace));

    public int Year => view.Year;

    /// <summary>Variable D: paid hours per job per year (Besluit Wfsv art. 2.32 onder d).</summary>
    public HoursPerJob HoursPerJob => new(view.Required(P.HoursPerJobPerYear));

    /// <summary>Variable E: average paid hours of an employee per year (Besluit Wfsv art. 2.20).</summary>
    public PaidHours AverageHoursPerEmployee => new(view.Required(P.AverageEmployeeHoursPerYear));

    /// <summary>Number of employees of the size threshold (Wfsv art. 34 lid 4 and 6).</summary>
    public decimal ThresholdEmployees => view.Required(P.ThresholdEmployees);

    /// <summary>Variable B: the quota percentage of the government sector (Wfsv art. 38f).</summary>
    public Percentage QuotaPercentage => new(view.Required(P.QuotaPercentageGovernment));

    /// <summary>Whether the quota percentage of the year is unconfirmed (no source found).</summary>
    public bool QuotaPercentageUnconfirmed => view.Value(P.QuotaPercentageGovernment).Status == ParameterStatus.Unconfirmed;

    /// <summary>The published quota percentage of the year with its source, or null when it has none (Wfsv art. 38f).</summary>
    public ParameterValue? PublishedQuotaPercentage => view.Optional(P.QuotaPercentageGovernment);

    /// <summary>Decimals the quota percentage is rounded down to (Besluit Wfsv art. 2.22).</summary>
    public int PercentageDecimals => (int)view.Required(P.DecimalsPercentage);

    /// <summary>Decimals the formula's variables are rounded down to (Besluit Wfsv art. 2.22).</summary>
    public int VariableDecimals => (int)view.Required(P.DecimalsVariables);

    /// <summary>Decimals the shortfall is rounded down to (Besluit Wfsv art. 2.23).</summary>
    public int ShortfallDecimals => (int)view.Required(P.DecimalsShortfall);

    /// <summary>The levy per missing job (Wfsv art. 38h lid 4).</summary>
    public Euros LevyPerMissingJob => new(view.Required(P.LevyPerMissingJob));

    /// <summary>The levy per missing job when the year has one, else null (before the quota's activation; Wfsv art. 38h lid 4).</summary>
    public Euros? LevyPerMissingJobIfAny => view.Optional(P.LevyPerMissingJob) is { } v ? new Euros(v.Required) : null;

    /// <summary>Whether the levy is suspended in the year (Wfsv art. 122na); false when no value says so.</summary>
    public bool LevySuspended => view.Optional(P.LevySuspended) is { } v && v.Required != 0m;

    /// <summary>The day before which a hired-in attribution for the year must be agreed (Besluit Wfsv art. 2.27–2.31).</summary>
    public DateOnly AttributionDeadline => new(view.Year + 1, (int)view.Required(P.AttributionDeadlineMonth), (int)view.Required(P.AttributionDeadlineDay));

    /// <summary>The day before which the levy over the year is imposed by decision (Wfsv art. 38h).</summary>
    public DateOnly LevyDecisionDeadline => new(view.Year + 1, (int)view.Required(P.LevyDecisionDeadlineMonth), (int)view.Required(P.LevyDecisionDeadlineDay));

    /// <summary>The cumulative target of extra jobs of the government sector at the end of the year (Wfsv art. 38f lid 2).</summary>
    public Jobs TargetGovernment => new(view.Required(P.TargetGovernment));
}
