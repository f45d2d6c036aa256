using Banenmonitor.Rules.Units;

namespace Banenmonitor.Survey.Forecasts;

/// <summary>An action of a work agenda with its job forecast (<i>prognose banen</i>) and the period it runs.</summary>
public sealed record AgendaActionForecast(string Agenda, string Action, DateOnly Start, DateOnly End, decimal Jobs);

/// <summary>The work agendas' expectation for one year beside the statistical forecast, and whether they disagree.</summary>
public sealed record WorkAgendaYear(int Year, decimal Expected, decimal AddedJobs, decimal? Forecast, decimal? Lower, decimal? Upper, string Comparison, bool Disagrees);

/// <summary>
/// What the work agendas expect: the last realised figure plus the forecast jobs of the actions, each action's jobs
/// spread evenly over the calendar years of its period and counted from the year after the last realised year (jobs of
/// earlier years are already in the realisation). The two disagree in a year when the agendas' figure lies outside the
/// statistical forecast's prediction interval.
/// </summary>
public static class WorkAgendaExpectation
{
    public static IReadOnlyList<WorkAgendaYear> Compare(ForecastOutcome outcome, IReadOnlyCollection<AgendaActionForecast> actions)
    {
        var last = outcome.Subject.History.MaxBy(h => h.Year)!;
        var list = new List<WorkAgendaYear>();
        if (actions.Count == 0) return list;
        var added = 0m;
        foreach (var year in outcome.Years.Where(y => y.Year > last.Year))
        {
            added += actions.Sum(a => ShareIn(a, year.Year));
            var expected = last.Jobs + added;
            var rounded = Math.Round(expected, 0, MidpointRounding.AwayFromZero);
            var (comparison, disagrees) = year.Forecast is null ? ("geen statistische prognose", false)
                : rounded > year.Upper ? ($"werkagenda's verwachten {DutchFormat.Number(rounded - year.Upper!.Value, 0)} banen meer dan de bovengrens", true)
                : rounded < year.Lower ? ($"werkagenda's verwachten {DutchFormat.Number(year.Lower!.Value - rounded, 0)} banen minder dan de ondergrens", true)
                : ("binnen het interval", false);
            list.Add(new WorkAgendaYear(year.Year, rounded, Math.Round(added, 0, MidpointRounding.AwayFromZero), year.Forecast, year.Lower, year.Upper, comparison, disagrees));
        }
        return list;
    }

    /// <summary>The part of an action's forecast jobs that falls in a calendar year (evenly over the years of its period).</summary>
    public static decimal ShareIn(AgendaActionForecast a, int year)
    {
        var (first, last) = (a.Start.Year, Math.Max(a.Start.Year, a.End.Year));
        return year < first || year > last ? 0m : a.Jobs / (last - first + 1);
    }
}
