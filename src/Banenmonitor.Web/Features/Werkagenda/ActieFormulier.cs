using System.Globalization;
using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Web.Features.Werkagenda;

/// <summary>
/// The values of the action form as the user typed them (strings, so a wrong entry is shown back as typed): empty for a
/// new action, filled from the action for "Wijzig". One form, <c>_ActieFormulier.cshtml</c>, serves both.
/// </summary>
public sealed record ActieFormulier(int? ActieId,
    string? Titel, int Type, string? Eigenaar, string? Begin, string? Eind, string? Knelpunt, string? Prognose,
    string? DoelBreed, string? DoelMidden, string? DoelMiddenAantal, string? DoelMiddenEenheid, string? DoelSmal, string? DoelSmalBanen,
    string? Mijlpaal, string? MijlpaalDatum)
{
    /// <summary>The page handler the form posts to: add, or change the action <see cref="ActieId"/>.</summary>
    public string Handler => ActieId is null ? "Actie" : "Wijzig";
    public string Knop => ActieId is null ? "Actie toevoegen" : "Wijzigingen opslaan";

    /// <summary>Prefix of the element ids, so several forms on one page have unique ids.</summary>
    public string Prefix => ActieId is { } id ? $"actie-{id}-" : "";

    public static ActieFormulier Nieuw(WorkAgenda a) => new(null, null, (int)ActionType.SharingGoodExamples, null,
        Date(a.PeriodStart), Date(a.PeriodEnd), null, null, null, null, null, null, null, null, null, null);

    /// <summary>The form for an existing action: its first goal per level and its first milestone (the form holds one of each).</summary>
    public static ActieFormulier Van(WorkAgendaAction x)
    {
        WorkAgendaGoal? Goal(GoalLevel l) => x.Goals.Where(g => g.Level == l).OrderBy(g => g.Id).FirstOrDefault();
        var milestone = x.Milestones.OrderBy(m => m.Id).FirstOrDefault();
        return new(x.Id, x.Title, (int)x.Type, x.Owner, x.Start is { } s ? Date(s) : null, x.End is { } e ? Date(e) : null,
            x.Problem, Number(x.ForecastJobs), Goal(GoalLevel.Breed)?.Description, Goal(GoalLevel.Midden)?.Description, Number(Goal(GoalLevel.Midden)?.Target),
            Goal(GoalLevel.Midden)?.Unit, Goal(GoalLevel.Smal)?.Description, Number(Goal(GoalLevel.Smal)?.Target), milestone?.Description,
            milestone is null ? null : Date(milestone.Due));
    }

    /// <summary>Goals and milestones beyond the one per level the form shows (only possible through the API or a seed); kept as they are.</summary>
    public static (IReadOnlyList<WorkAgendaGoal> Goals, IReadOnlyList<WorkAgendaMilestone> Milestones) Extra(WorkAgendaAction x) =>
        (x.Goals.GroupBy(g => g.Level).SelectMany(g => g.OrderBy(y => y.Id).Skip(1)).ToList(), x.Milestones.OrderBy(m => m.Id).Skip(1).ToList());

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A number as a Dutch user types it back: decimal comma, no thousands separator ("5250", "4,5").</summary>
    private static string? Number(decimal? v) => v?.ToString("0.##", DutchFormat.Culture);
}
