using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Scenarios;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Survey.Forecasts;

/// <summary>
/// The statistical forecast as today's side of a scenario's growth (<see cref="ForecastLookup"/>): the same forecast as
/// <c>banenmonitor prognose</c> and the page Prognose, made once per subject up to the year asked (at least the default horizon).
/// </summary>
public static class ScenarioForecasts
{
    public static ForecastLookup Lookup(PublishedData data, ParameterSet parameters)
    {
        var made = new Dictionary<string, ForecastOutcome?>();
        return (code, year) =>
        {
            if (!made.TryGetValue(code, out var outcome) || outcome is null || outcome.Until < year)
            {
                try
                {
                    var subject = ForecastSubjects.Resolve(code, data, parameters);
                    outcome = ForecastOutcome.Make(subject, Math.Max(year, ForecastOutcome.DefaultUntil(subject)));
                }
                catch (Exception e) when (e is ArgumentException or FormatException) { outcome = null; }
                made[code] = outcome;
            }
            var y = outcome?.Years.FirstOrDefault(x => x.Year == year);
            if (outcome?.Model.Chosen is not { } model || y?.Forecast is not { } f) return null;
            return new GrowthExpectation(f, $"{model.Kind.Dutch()}; {outcome.Level * 100:0}%-interval " +
                $"{DutchFormat.Number(y.Lower ?? f, 0)} – {DutchFormat.Number(y.Upper ?? f, 0)} (zie de pagina Prognose)");
        };
    }
}
