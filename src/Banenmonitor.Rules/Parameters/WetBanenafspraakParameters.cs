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

    /// <summary>
    /// Scenario input, not a legal parameter: an assumed share of target-group hours at or above which an employer would
    /// not pay the surcharge (the law has no employer quota percentage); null unless one is supplied.
    /// </summary>
    public Percentage? ScenarioQuotaPercentage => view.Optional(P.WbaScenarioQuotaPercentage) is { } v ? new Percentage(v.Required) : null;

    /// <summary>The inclusiveness surcharge on the Aof premium, in percentage points of the premium base (art. 6).</summary>
    public Percentage SurchargePercentage => new(view.Required(P.WbaSurchargePercentage));

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
