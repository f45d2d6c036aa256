using System.Text;
using Banenmonitor.Data.Audit;
using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.WorkAgendas;

/// <summary>What a user enters for a new action (plan phase).</summary>
public sealed record ActionInput(
    string Title, ActionType Type, string Owner, DateOnly? Start, DateOnly? End, string? Problem, decimal? ForecastJobs,
    string? Description = null, IReadOnlyList<GoalInput>? Goals = null, IReadOnlyList<MilestoneInput>? Milestones = null);

public sealed record GoalInput(GoalLevel Level, string Description, decimal? Target = null, string? Unit = null);

public sealed record MilestoneInput(string Description, DateOnly Due);

/// <summary>
/// The plan-do-check-act cycle of a work agenda (research report De Beleidsonderzoekers 2023 §4.2, §6.1): create (optionally from the previous agenda's
/// evaluation), plan actions with measurable goals and forecasts, sign (makes it <i>vastgesteld</i>), record progress,
/// evaluate. Rules that are broken throw <see cref="WorkAgendaRuleException"/> with a Dutch message; the
/// <see cref="WorkAgendaGuard"/> enforces immutability after signing on every save.
/// </summary>
public sealed class WorkAgendaService(BanenmonitorDbContext db, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public IQueryable<WorkAgenda> Agendas => db.Set<WorkAgenda>()
        .Include(a => a.Sector)
        .Include(a => a.Signatures)
        .Include(a => a.Actions).ThenInclude(x => x.Goals)
        .Include(a => a.Actions).ThenInclude(x => x.Milestones)
        .Include(a => a.Actions).ThenInclude(x => x.Progress)
        .AsSplitQuery();

    public Task<WorkAgenda?> FindAsync(int id, CancellationToken ct = default) => Agendas.FirstOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>
    /// A new concept agenda. With <paramref name="previousId"/>, it starts from that agenda: every action that did not
    /// work out (evaluated <i>deels</i> or <i>niet</i>, or never evaluated) is carried over with its goals and planning
    /// (not its progress), and the problems of the previous period are listed in the problem analysis.
    /// </summary>
    public async Task<WorkAgenda> CreateAsync(int sectorId, string title, DateOnly start, DateOnly end, string user, int? previousId = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new WorkAgendaRuleException("Geef de werkagenda een titel.");
        if (end <= start) throw new WorkAgendaRuleException("Het einde van de periode moet na het begin liggen.");
        if (!await db.Sectors.AnyAsync(s => s.Id == sectorId, ct)) throw new WorkAgendaRuleException($"Onbekende sector {sectorId}.");
        var agenda = new WorkAgenda
        {
            SectorId = sectorId, Title = title.Trim(), PeriodStart = start, PeriodEnd = end, Status = WorkAgendaStatus.Concept,
            CreatedBy = user, CreatedAt = _clock.GetUtcNow().UtcDateTime,
        };
        if (previousId is { } pid)
        {
            var previous = await FindAsync(pid, ct) ?? throw new WorkAgendaRuleException($"Vorige werkagenda {pid} bestaat niet.");
            if (previous.SectorId != sectorId) throw new WorkAgendaRuleException("Een nieuwe werkagenda kan alleen voortbouwen op een werkagenda van dezelfde sector.");
            if (!CanBuildOn(previous)) throw new WorkAgendaRuleException("De vorige werkagenda is nog een concept: stel die eerst vast (ondertekening) en evalueer haar.");
            agenda.PreviousAgendaId = previous.Id;
            agenda.ProblemAnalysis = ProblemAnalysisOf(previous);
            foreach (var old in CarryOverCandidates(previous))
            {
                agenda.Actions.Add(new WorkAgendaAction
                {
                    Title = old.Title, Description = old.Description, Type = old.Type, Owner = old.Owner, Problem = ProblemOfCarriedAction(old),
                    ForecastJobs = old.ForecastJobs is { } f ? Math.Max(0m, f - old.RealisedJobs) : null,
                    Source = old.Source, SourceQuote = old.SourceQuote, CarriedOverFromId = old.Id,
                    Goals = old.Goals.Select(g => new WorkAgendaGoal { Level = g.Level, Description = g.Description, Target = g.Target, Unit = g.Unit }).ToList(),
                });
            }
        }
        db.Add(agenda);
        await SaveAsync(user, "werkagenda aangemaakt", ct);
        return agenda;
    }

    /// <summary>
    /// May a new agenda build on this one? A signed (vastgesteld or evaluated) agenda, and an agenda derived from the
    /// documents: that one records an agenda the sector already adopted outside Banenmonitor (status concept here only
    /// because nobody signed it in the application), so it is the sector's earlier agenda. A concept made here is not.
    /// </summary>
    public static bool CanBuildOn(WorkAgenda agenda) => agenda.Status != WorkAgendaStatus.Concept || agenda.DerivedFromDocuments;

    /// <summary>Actions carried over from an agenda: those that did not (fully) work or were never evaluated.</summary>
    public static IEnumerable<WorkAgendaAction> CarryOverCandidates(WorkAgenda previous) =>
        previous.Actions.Where(a => a.Evaluation is null or EvaluationOutcome.Deels or EvaluationOutcome.Niet).OrderBy(a => a.Id);

    /// <summary>The problem analysis of a new agenda from its predecessor's evaluation (research report De Beleidsonderzoekers 2023 §4.2: "… niet volledig geland omdat [knelpunt X]").</summary>
    public static string ProblemAnalysisOf(WorkAgenda previous)
    {
        var sb = new StringBuilder();
        sb.Append($"Evaluatie van de vorige werkagenda ({previous.PeriodStart.Year}–{previous.PeriodEnd.Year}): ");
        var counts = Enum.GetValues<EvaluationOutcome>().Select(o => $"{previous.Actions.Count(a => a.Evaluation == o)} {o.Dutch()}");
        sb.Append(string.Join(", ", counts)).Append($", {previous.Actions.Count(a => a.Evaluation is null)} niet geëvalueerd.");
        foreach (var a in previous.Actions.Where(a => a.Evaluation is EvaluationOutcome.Deels or EvaluationOutcome.Niet || (a.Evaluation is null)).OrderBy(a => a.Id))
        {
            sb.Append('\n').Append("- ").Append(a.Title).Append(" (").Append(a.Evaluation?.Dutch() ?? "niet geëvalueerd").Append(')');
            if (!string.IsNullOrWhiteSpace(a.EvaluationReason)) sb.Append(": ").Append(a.EvaluationReason.Trim());
            if (!string.IsNullOrWhiteSpace(a.Problem)) sb.Append(" — knelpunt: ").Append(a.Problem.Trim());
        }
        return sb.ToString();
    }

    private static string? ProblemOfCarriedAction(WorkAgendaAction old)
    {
        var why = old.EvaluationReason?.Trim();
        if (string.IsNullOrEmpty(why)) return old.Problem;
        return string.IsNullOrWhiteSpace(old.Problem) ? $"Vorige periode {old.Evaluation?.Dutch()}: {why}" : $"{old.Problem.Trim()} (vorige periode {old.Evaluation?.Dutch()}: {why})";
    }

    public async Task<WorkAgendaAction> AddActionAsync(int agendaId, ActionInput input, string user, CancellationToken ct = default)
    {
        var agenda = await FindAsync(agendaId, ct) ?? throw new WorkAgendaRuleException($"Werkagenda {agendaId} bestaat niet.");
        if (agenda.Status != WorkAgendaStatus.Concept) throw new WorkAgendaRuleException("Acties kunnen alleen aan een concept-werkagenda worden toegevoegd; deze is al ondertekend.");
        Validate(input, agenda);
        var action = new WorkAgendaAction
        {
            Title = input.Title.Trim(), Type = input.Type, Owner = input.Owner.Trim(), Start = input.Start, End = input.End,
            Problem = Blank(input.Problem), ForecastJobs = input.ForecastJobs, Description = Blank(input.Description),
            Goals = (input.Goals ?? []).Select(g => new WorkAgendaGoal { Level = g.Level, Description = g.Description.Trim(), Target = g.Level == GoalLevel.Breed ? null : g.Target, Unit = Blank(g.Unit) }).ToList(),
            Milestones = (input.Milestones ?? []).Select(m => new WorkAgendaMilestone { Description = m.Description.Trim(), Due = m.Due }).ToList(),
        };
        agenda.Actions.Add(action);
        await SaveAsync(user, "actie toegevoegd", ct);
        return action;
    }

    /// <summary>
    /// Changes an action of a concept agenda (plan phase) to what the user entered: its fields, and its goals and
    /// milestones to the input's (a goal or milestone kept in the same position is updated in place, so the audit trail
    /// shows its before and after). After signing the plan is frozen (<see cref="WorkAgendaGuard"/>).
    /// </summary>
    public async Task<WorkAgendaAction> UpdateActionAsync(int actionId, ActionInput input, string user, CancellationToken ct = default)
    {
        var action = await db.Set<WorkAgendaAction>().Include(a => a.Goals).Include(a => a.Milestones).FirstOrDefaultAsync(a => a.Id == actionId, ct)
                     ?? throw new WorkAgendaRuleException($"Actie {actionId} bestaat niet.");
        var agenda = await FindAsync(action.AgendaId, ct) ?? throw new WorkAgendaRuleException("Werkagenda niet gevonden.");
        if (agenda.Status != WorkAgendaStatus.Concept) throw new WorkAgendaRuleException("Acties kunnen alleen in een concept-werkagenda worden gewijzigd; deze is al ondertekend.");
        Validate(input, agenda);
        action.Title = input.Title.Trim();
        action.Type = input.Type;
        action.Owner = input.Owner.Trim();
        action.Start = input.Start;
        action.End = input.End;
        action.Problem = Blank(input.Problem);
        action.ForecastJobs = input.ForecastJobs;
        action.Description = Blank(input.Description) ?? action.Description;
        var goals = (input.Goals ?? []).ToList();
        foreach (var level in Enum.GetValues<GoalLevel>())
        {
            var old = action.Goals.Where(g => g.Level == level).OrderBy(g => g.Id).ToList();
            var neu = goals.Where(g => g.Level == level).ToList();
            for (var i = 0; i < Math.Max(old.Count, neu.Count); i++)
            {
                if (i >= neu.Count) { action.Goals.Remove(old[i]); db.Remove(old[i]); continue; }
                var g = i < old.Count ? old[i] : new WorkAgendaGoal { Level = level };
                g.Description = neu[i].Description.Trim();
                g.Target = level == GoalLevel.Breed ? null : neu[i].Target;
                g.Unit = Blank(neu[i].Unit);
                if (i >= old.Count) action.Goals.Add(g);
            }
        }
        var oldMilestones = action.Milestones.OrderBy(m => m.Id).ToList();
        var newMilestones = (input.Milestones ?? []).ToList();
        for (var i = 0; i < Math.Max(oldMilestones.Count, newMilestones.Count); i++)
        {
            if (i >= newMilestones.Count) { action.Milestones.Remove(oldMilestones[i]); db.Remove(oldMilestones[i]); continue; }
            var m = i < oldMilestones.Count ? oldMilestones[i] : new WorkAgendaMilestone();
            m.Description = newMilestones[i].Description.Trim();
            m.Due = newMilestones[i].Due;
            if (i >= oldMilestones.Count) action.Milestones.Add(m);
        }
        await SaveAsync(user, "actie gewijzigd", ct);
        return action;
    }

    public async Task RemoveActionAsync(int actionId, string user, CancellationToken ct = default)
    {
        var action = await db.Set<WorkAgendaAction>().FirstOrDefaultAsync(a => a.Id == actionId, ct) ?? throw new WorkAgendaRuleException($"Actie {actionId} bestaat niet.");
        db.Remove(action);
        await SaveAsync(user, "actie verwijderd", ct);
    }

    private static void Validate(ActionInput input, WorkAgenda agenda)
    {
        if (string.IsNullOrWhiteSpace(input.Title)) throw new WorkAgendaRuleException("Geef de actie een titel.");
        if (string.IsNullOrWhiteSpace(input.Owner)) throw new WorkAgendaRuleException("Geef aan wie eigenaar is van de actie.");
        if (!Enum.IsDefined(input.Type)) throw new WorkAgendaRuleException("Kies een van de twaalf typen acties.");
        if (input.ForecastJobs is < 0) throw new WorkAgendaRuleException("De prognose van banen kan niet negatief zijn.");
        if (input.Start is { } s && input.End is { } e && e < s) throw new WorkAgendaRuleException("De einddatum van de actie ligt vóór de begindatum.");
        foreach (var g in input.Goals ?? [])
        {
            if (string.IsNullOrWhiteSpace(g.Description)) throw new WorkAgendaRuleException("Elke doelstelling heeft een omschrijving nodig.");
            if (g.Level != GoalLevel.Breed && g.Target is null or <= 0)
                throw new WorkAgendaRuleException($"Een doelstelling op niveau {g.Level.Dutch()} heeft een meetbaar aantal nodig (groter dan 0).");
        }
        foreach (var m in input.Milestones ?? [])
            if (string.IsNullOrWhiteSpace(m.Description)) throw new WorkAgendaRuleException("Elke mijlpaal heeft een omschrijving nodig.");
        _ = agenda;
    }

    /// <summary>A board member signs. The first signature makes a concept agenda <i>vastgesteld</i>.</summary>
    public async Task SignAsync(int agendaId, string name, string role, DateOnly signedOn, string user, CancellationToken ct = default)
    {
        var agenda = await FindAsync(agendaId, ct) ?? throw new WorkAgendaRuleException($"Werkagenda {agendaId} bestaat niet.");
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(role)) throw new WorkAgendaRuleException("Een ondertekening vraagt naam en functie van de bestuurder.");
        if (agenda.Status == WorkAgendaStatus.Geevalueerd) throw new WorkAgendaRuleException("Deze werkagenda is al geëvalueerd en kan niet meer worden ondertekend.");
        if (agenda.Actions.Count == 0) throw new WorkAgendaRuleException("Een werkagenda zonder acties kan niet worden vastgesteld.");
        if (signedOn > DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime)) throw new WorkAgendaRuleException("De datum van ondertekening ligt in de toekomst.");
        agenda.Signatures.Add(new WorkAgendaSignature { Name = name.Trim(), Role = role.Trim(), SignedOn = signedOn, RecordedBy = user });
        if (agenda.Status == WorkAgendaStatus.Concept) agenda.Status = WorkAgendaStatus.Vastgesteld;
        await SaveAsync(user, "werkagenda ondertekend", ct);
    }

    /// <summary>Records what an action realised on a date (do phase): jobs and/or a value for one of its goals.</summary>
    public async Task<WorkAgendaProgress> RecordProgressAsync(int actionId, DateOnly date, decimal? jobs, int? goalId, decimal? goalValue, string? note, string user, CancellationToken ct = default)
    {
        var action = await db.Set<WorkAgendaAction>().Include(a => a.Agenda).Include(a => a.Goals).FirstOrDefaultAsync(a => a.Id == actionId, ct)
                     ?? throw new WorkAgendaRuleException($"Actie {actionId} bestaat niet.");
        if (action.Agenda!.Status != WorkAgendaStatus.Vastgesteld) throw new WorkAgendaRuleException("Voortgang kan alleen worden vastgelegd bij een vastgestelde werkagenda (na ondertekening, vóór de afsluitende evaluatie).");
        if (jobs is null && goalValue is null && string.IsNullOrWhiteSpace(note)) throw new WorkAgendaRuleException("Vul gerealiseerde banen, een waarde voor een doelstelling of een toelichting in.");
        if (jobs is < 0 || goalValue is < 0) throw new WorkAgendaRuleException("Gerealiseerde aantallen kunnen niet negatief zijn.");
        if (goalValue is not null && goalId is null) throw new WorkAgendaRuleException("Kies bij welke doelstelling de waarde hoort.");
        if (goalId is { } gid && action.Goals.All(g => g.Id != gid)) throw new WorkAgendaRuleException("Die doelstelling hoort niet bij deze actie.");
        var entry = new WorkAgendaProgress { ActionId = actionId, Date = date, JobsRealised = jobs, GoalId = goalId, GoalValue = goalValue, Note = Blank(note), RecordedBy = user };
        db.Add(entry);
        await SaveAsync(user, "voortgang vastgelegd", ct);
        return entry;
    }

    /// <summary>Evaluates an action (check phase). When every action is evaluated, the agenda becomes <i>geëvalueerd</i>.</summary>
    public async Task EvaluateAsync(int actionId, EvaluationOutcome outcome, string? reason, string user, CancellationToken ct = default)
    {
        var action = await db.Set<WorkAgendaAction>().FirstOrDefaultAsync(a => a.Id == actionId, ct) ?? throw new WorkAgendaRuleException($"Actie {actionId} bestaat niet.");
        var agenda = await FindAsync(action.AgendaId, ct) ?? throw new WorkAgendaRuleException("Werkagenda niet gevonden.");
        if (agenda.Status == WorkAgendaStatus.Concept) throw new WorkAgendaRuleException("Een concept-werkagenda kan nog niet worden geëvalueerd: onderteken haar eerst.");
        if (outcome != EvaluationOutcome.Werkte && string.IsNullOrWhiteSpace(reason))
            throw new WorkAgendaRuleException("Leg uit waarom de actie deels of niet werkte: dat is het knelpunt voor de volgende werkagenda.");
        action.Evaluation = outcome;
        action.EvaluationReason = Blank(reason);
        action.EvaluatedOn = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        if (agenda.Actions.All(a => a.Evaluation is not null) && agenda.Status == WorkAgendaStatus.Vastgesteld)
        {
            agenda.Status = WorkAgendaStatus.Geevalueerd;
            agenda.EvaluatedAt = _clock.GetUtcNow().UtcDateTime;
        }
        await SaveAsync(user, "actie geëvalueerd", ct);
    }

    public async Task CompleteMilestoneAsync(int milestoneId, DateOnly on, string user, CancellationToken ct = default)
    {
        var m = await db.Set<WorkAgendaMilestone>().FirstOrDefaultAsync(x => x.Id == milestoneId, ct) ?? throw new WorkAgendaRuleException($"Mijlpaal {milestoneId} bestaat niet.");
        m.CompletedOn = on;
        await SaveAsync(user, "mijlpaal afgerond", ct);
    }

    private async Task SaveAsync(string user, string action, CancellationToken ct)
    {
        var before = db.Actor;
        db.Actor = AuditActor.User(user, action);
        try { await db.SaveChangesAsync(ct); }
        finally { db.Actor = before; }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
