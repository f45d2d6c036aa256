using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;

namespace Banenmonitor.Rules.Scenarios;

/// <summary>
/// One figure today and in the scenario, with the trace of each side (null when that side cannot be computed; the
/// section's notes say why). <see cref="Decimals"/>: how the figure is shown (rounded once, at display).
/// </summary>
public sealed record ScenarioFigure(string Key, string Label, decimal? Today, decimal? Scenario, string Unit, int Decimals,
    Trace? TodayTrace, Trace? ScenarioTrace)
{
    public decimal? Difference => Today is { } t && Scenario is { } s ? s - t : null;

    /// <summary>True when the scenario moves the figure as shown (after its display rounding) or only one side has a value.</summary>
    public bool Changed => (Today is null) != (Scenario is null)
        || (Today is { } t && Scenario is { } s && Math.Round(t, Decimals, MidpointRounding.AwayFromZero) != Math.Round(s, Decimals, MidpointRounding.AwayFromZero));
}

/// <summary>A part of the comparison: the national table, the sectors, the growth against the target path, the levy.</summary>
public sealed record ScenarioSection(string Key, string Title, IReadOnlyList<ScenarioFigure> Figures, IReadOnlyList<string> Notes)
{
    public ScenarioFigure? Figure(string key) => Figures.FirstOrDefault(f => f.Key == key);
}

/// <summary>
/// Today's figures and the scenario's side by side for one year. <see cref="ScenarioValues"/>: the scenario's parameter
/// values as they entered the computation (with the scenario as their source). <see cref="TodayParameters"/>: which
/// parameter set "today" is, in Dutch (the built-in one, or with the values an administrator stored), as the edge says it.
/// </summary>
public sealed record ScenarioResult(Scenario Scenario, int Year, IReadOnlyList<ScenarioSection> Sections, IReadOnlyList<ParameterValue> ScenarioValues,
    string TodayParameters = ScenarioResult.BuiltInParameters)
{
    public const string BuiltInParameters = "ingebouwde parameters";
    public ScenarioSection Section(string key) => Sections.Single(s => s.Key == key);
    public const string National = "landelijk";
    public const string Sectors = "sectoren";
    public const string Growth = "groei";
    public const string Levy = "heffing";
}

/// <summary>
/// A sector total an analyst approved from the sector's register (<see cref="Jobs"/> in a year, by <see cref="Method"/>),
/// with where it comes from in Dutch (<see cref="Source"/>). Where one exists for a year, it is the sector's realisation
/// of that year, before the published figure — the choice the progress report and the sector pages make.
/// </summary>
public sealed record ApprovedSectorTotal(string SectorCode, int Year, decimal Jobs, string Method, string Source);

/// <summary>Today's expected jobs of a series in a year, with where the expectation comes from (model, interval).</summary>
public sealed record GrowthExpectation(decimal Jobs, string Description);

/// <summary>Today's expectation of a subject's series (<see cref="ScenarioSubjects"/> code) in a year; null when there is none.</summary>
public delegate GrowthExpectation? ForecastLookup(string subject, int year);
