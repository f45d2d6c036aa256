using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Units;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Rules.Parameters;

/// <summary>
/// The parameters of the Wet banenafspraak (BWBR0051018) and the wage cost advantage of the Wtl in one year, typed.
/// Each read is recorded in the trace (see <see cref="ParameterView"/>).
/// </summary>
public readonly struct WetBanenafspraakParameters(ParameterView view)
{
    public static WetBanenafspraakParameters For(ParameterSet set, int year, Trace? trace = null) => new(new ParameterView(set, year, trace));

    public int Year => view.Year;

    /// <summary>The year the quota part is activated (art. 5), or null while no activation is known.</summary>
    public int? ActivationYear => view.Optional(P.WbaActivationYear) is { } v ? (int)v.Required : null;

    /// <summary>The surcharge applies from this many calendar years after activation (art. 6).</summary>
    public int SurchargeYearsAfterActivation => (int)view.Required(P.WbaSurchargeYearsAfterActivation);

    /// <summary>Scenario input: the share of target-group hours under which the surcharge is due (the law has no employer quota).</summary>
    public Percentage QuotaPercentage => new(view.Required(P.WbaQuotaPercentage));

    /// <summary>The inclusiveness surcharge on the Aof premium, in percentage points of the premium base (art. 6).</summary>
    public Percentage SurchargePercentage => new(view.Required(P.WbaSurchargePercentage));

    /// <summary>Approximation of the small-employer test in employees (only when the premium base of t−2 is missing).</summary>
    public decimal ThresholdEmployees => view.Required(P.WbaThresholdEmployees);

    /// <summary>Variable E: average paid hours of an employee per year (Besluit Wfsv art. 2.20).</summary>
    public PaidHours AverageHoursPerEmployee => new(view.Required(P.AverageEmployeeHoursPerYear));

    /// <summary>Small employer: premium base of t−2 at most this multiple of the average premium wage (Besluit Wfsv art. 2.19d).</summary>
    public decimal SmallEmployerFactor => view.Required(P.WbaSmallEmployerFactor);

    /// <summary>The average premium wage per employee of the year, or null while unknown.</summary>
    public Euros? AveragePremiumWage => view.Optional(P.AveragePremiumWage) is { } v ? new Euros(v.Required) : null;

    /// <summary>The job agreement bonus per job of 25.5 hours a week per year (Wtl art. 2.13 lid 2 as announced).</summary>
    public Euros BonusPerJob => new(view.Required(P.WbaBonusPerJob));

    /// <summary>Wage cost advantage per paid hour (Wtl art. 2.10, 2.13).</summary>
    public Euros LkvPerHour => new(view.Required(P.LkvPerHour));

    /// <summary>Maximum wage cost advantage per employee per year (Wtl art. 2.13).</summary>
    public Euros LkvMaxPerEmployee => new(view.Required(P.LkvMaxPerEmployee));

    /// <summary>The cumulative national target of extra jobs (one national measurement from 2026).</summary>
    public Jobs TargetNational => new(view.Required(P.TargetNational));
}
