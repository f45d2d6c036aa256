using Banenmonitor.Data.Model;

namespace Banenmonitor.Data.WorkAgendas;

/// <summary>How far one goal is: for a broad goal whether it is done; otherwise the count realised against the target.</summary>
public sealed record GoalProgress(WorkAgendaGoal Goal, decimal Realised, bool Done);

/// <summary>Check phase for one action: forecast against realised jobs, goals, and whether it is overdue.</summary>
public sealed record ActionMonitor(WorkAgendaAction Action, decimal? Forecast, decimal Realised, IReadOnlyList<GoalProgress> Goals,
    bool Overdue, IReadOnlyList<WorkAgendaMilestone> OverdueMilestones)
{
    /// <summary>Realised as a percentage of the forecast (null without a forecast).</summary>
    public decimal? PercentOfForecast => Forecast is > 0 ? Math.Round(Realised / Forecast.Value * 100m, 1) : null;
}

/// <summary>Check phase for a whole agenda.</summary>
public sealed record AgendaMonitor(WorkAgenda Agenda, int Score, IReadOnlyList<ActionMonitor> Actions)
{
    public decimal ForecastJobs => Actions.Sum(a => a.Forecast ?? 0m);
    public decimal RealisedJobs => Actions.Sum(a => a.Realised);
    public IEnumerable<ActionMonitor> Overdue => Actions.Where(a => a.Overdue || a.OverdueMilestones.Count > 0);
}

/// <summary>One type's count across agendas (research report De Beleidsonderzoekers 2023 §4.1: "Genoemd in 9/12 werkagenda's").</summary>
public sealed record TypeCount(ActionType Type, int Agendas, int OutOf);

/// <summary>Scores and monitoring of work agendas (research report De Beleidsonderzoekers 2023 §4.1.1 and §4.2).</summary>
public static class WorkAgendaMonitor
{
    /// <summary>
    /// The research's score: the number of distinct action types the agenda contains, from 0 (no concrete activity)
    /// to 12 (every type of the Significant APE report plus the three the researchers added).
    /// </summary>
    public static int Score(WorkAgenda agenda) => agenda.Actions.Select(a => a.Type).Distinct().Count();

    /// <summary>For every type, in how many of the given agendas it occurs.</summary>
    public static IReadOnlyList<TypeCount> TypeCounts(IReadOnlyCollection<WorkAgenda> agendas) =>
        ActionTypes.All.Select(t => new TypeCount(t.Type, agendas.Count(a => a.Actions.Any(x => x.Type == t.Type)), agendas.Count)).ToList();

    public static AgendaMonitor Monitor(WorkAgenda agenda, DateOnly today) =>
        new(agenda, Score(agenda), agenda.Actions.OrderBy(a => a.Id).Select(a => Monitor(a, today)).ToList());

    public static ActionMonitor Monitor(WorkAgendaAction action, DateOnly today)
    {
        var goals = action.Goals.OrderBy(g => g.Level).ThenBy(g => g.Id).Select(g =>
        {
            var realised = action.Progress.Where(p => p.GoalId == g.Id).Sum(p => p.GoalValue ?? 0m);
            if (g.Level == GoalLevel.Smal && !action.Progress.Any(p => p.GoalId == g.Id)) realised = action.RealisedJobs;
            var done = g.Level == GoalLevel.Breed ? realised > 0 : g.Target is { } t && realised >= t;
            return new GoalProgress(g, realised, done);
        }).ToList();
        var open = action.Evaluation is null;
        var overdue = open && action.End is { } end && end < today && (goals.Count == 0 || goals.Any(g => !g.Done));
        var milestones = action.Milestones.Where(m => m.CompletedOn is null && m.Due < today).OrderBy(m => m.Due).ToList();
        return new ActionMonitor(action, action.ForecastJobs, action.RealisedJobs, goals, overdue, open ? milestones : []);
    }
}
