using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Banenmonitor.Data.WorkAgendas;

/// <summary>A work agenda rule was broken; the message is Dutch and meant for the user.</summary>
public sealed class WorkAgendaRuleException(string message) : InvalidOperationException(message);

/// <summary>
/// Enforces, on every SaveChanges, that a signed (<i>vastgesteld</i>) or evaluated agenda is immutable except for
/// progress and evaluation: its plan (title, period, actions, goals, milestones' plan) cannot be changed or deleted,
/// and nothing can be added to it except progress entries, signatures and milestone completion.
/// This holds whatever code path changes the data, not only <see cref="WorkAgendaService"/>.
/// </summary>
public sealed class WorkAgendaGuard : SaveChangesCheck
{
    public static readonly WorkAgendaGuard Instance = new();

    private static readonly HashSet<string> AgendaMutableAfterSigning =
        [nameof(WorkAgenda.Status), nameof(WorkAgenda.EvaluatedAt), nameof(WorkAgenda.EvaluationSummary)];
    private static readonly HashSet<string> ActionMutableAfterSigning =
        [nameof(WorkAgendaAction.Evaluation), nameof(WorkAgendaAction.EvaluationReason), nameof(WorkAgendaAction.EvaluatedOn)];
    private static readonly HashSet<string> MilestoneMutableAfterSigning = [nameof(WorkAgendaMilestone.CompletedOn)];

    protected override void Check(BanenmonitorDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            switch (entry.Entity)
            {
                case WorkAgenda a when entry.State != EntityState.Added:
                    if (Original<WorkAgendaStatus>(entry, nameof(WorkAgenda.Status)) == WorkAgendaStatus.Concept) break;
                    if (entry.State == EntityState.Deleted) throw Locked();
                    if (ChangedExcept(entry, AgendaMutableAfterSigning)) throw Locked();
                    if (a.Status == WorkAgendaStatus.Concept) throw new WorkAgendaRuleException("Een vastgestelde werkagenda kan niet terug naar concept.");
                    break;
                case WorkAgendaAction act:
                    if (StatusOfAgenda(db, act.AgendaId) == WorkAgendaStatus.Concept) break;
                    if (entry.State is EntityState.Added or EntityState.Deleted || ChangedExcept(entry, ActionMutableAfterSigning)) throw Locked();
                    break;
                case WorkAgendaGoal g:
                    if (StatusOfAction(db, g.ActionId) is { } gs && gs != WorkAgendaStatus.Concept) throw Locked();
                    break;
                case WorkAgendaMilestone m:
                    if (StatusOfAction(db, m.ActionId) is not { } ms || ms == WorkAgendaStatus.Concept) break;
                    if (entry.State is EntityState.Added or EntityState.Deleted || ChangedExcept(entry, MilestoneMutableAfterSigning)) throw Locked();
                    break;
                case WorkAgendaSignature s when entry.State != EntityState.Added:
                    if (StatusOfAgenda(db, s.AgendaId) != WorkAgendaStatus.Concept) throw Locked();
                    break;
                case WorkAgendaProgress p when entry.State == EntityState.Added:
                    if (StatusOfAction(db, p.ActionId) != WorkAgendaStatus.Vastgesteld)
                        throw new WorkAgendaRuleException("Voortgang kan alleen worden vastgelegd bij een vastgestelde werkagenda (na ondertekening, vóór de afsluitende evaluatie).");
                    break;
            }
        }
    }

    private static WorkAgendaRuleException Locked() =>
        new("Deze werkagenda is ondertekend: alleen voortgang en evaluatie kunnen nog worden toegevoegd. Begin een nieuwe werkagenda om het plan te wijzigen.");

    private static bool ChangedExcept(EntityEntry entry, HashSet<string> allowed) =>
        entry.Properties.Any(p => p.IsModified && !allowed.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue));

    private static T Original<T>(EntityEntry entry, string property) => (T)entry.Property(property).OriginalValue!;

    /// <summary>The agenda's status as stored (its original value when it is tracked), or Concept for a new agenda.</summary>
    private static WorkAgendaStatus StatusOfAgenda(BanenmonitorDbContext db, int agendaId)
    {
        var tracked = db.ChangeTracker.Entries<WorkAgenda>().FirstOrDefault(e => e.Entity.Id == agendaId);
        if (tracked is not null)
            return tracked.State == EntityState.Added ? WorkAgendaStatus.Concept : Original<WorkAgendaStatus>(tracked, nameof(WorkAgenda.Status));
        return agendaId == 0 ? WorkAgendaStatus.Concept
            : db.Set<WorkAgenda>().AsNoTracking().Where(a => a.Id == agendaId).Select(a => (WorkAgendaStatus?)a.Status).FirstOrDefault() ?? WorkAgendaStatus.Concept;
    }

    private static WorkAgendaStatus? StatusOfAction(BanenmonitorDbContext db, int actionId)
    {
        var tracked = db.ChangeTracker.Entries<WorkAgendaAction>().FirstOrDefault(e => e.Entity.Id == actionId && actionId != 0);
        if (tracked is not null) return tracked.State == EntityState.Added ? WorkAgendaStatus.Concept : StatusOfAgenda(db, tracked.Entity.AgendaId);
        if (actionId == 0) return WorkAgendaStatus.Concept;
        var agendaId = db.Set<WorkAgendaAction>().AsNoTracking().Where(a => a.Id == actionId).Select(a => (int?)a.AgendaId).FirstOrDefault();
        return agendaId is { } id ? StatusOfAgenda(db, id) : WorkAgendaStatus.Concept;
    }
}
