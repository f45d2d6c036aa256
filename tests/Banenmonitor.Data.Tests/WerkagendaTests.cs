using Banenmonitor.Data.Model;
using Banenmonitor.Data.WorkAgendas;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Tests;

/// <summary>The rules of the work agenda cycle (seed 003 §4.2, §6.1) on a real SQLite file and a real PostgreSQL database.</summary>
public sealed class WerkagendaTests
{
    private const int Gemeenten = 1, Provincies = 2;
    private static readonly DateOnly Start = new(2023, 1, 1), End = new(2024, 12, 31);

    private static ActionInput Action(string title, ActionType type, decimal? forecast = null) => new(title, type, "VNG", Start, End, "Weinig zicht op vacatures", forecast,
        Goals: [new(GoalLevel.Breed, "Webinars worden georganiseerd"), new(GoalLevel.Midden, "Minstens 20 werkgevers benaderd", 20, "werkgevers benaderd"), new(GoalLevel.Smal, "Banen gerealiseerd", forecast ?? 5, "banen")],
        Milestones: [new("Eerste webinar", new DateOnly(2023, 6, 1))]);

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Signing_makes_the_agenda_vastgesteld_and_freezes_its_plan_but_not_progress_and_evaluation(string provider)
    {
        await using var tdb = await TestDatabases.CreateAsync(provider, "agenda-sign");
        int agendaId, actionId;
        await using (var db = tdb.Context())
        {
            var svc = new WorkAgendaService(db);
            var agenda = await svc.CreateAsync(Gemeenten, "Werkagenda gemeenten 2023-2024", Start, End, "gemeenten@test");
            agendaId = agenda.Id;
            var ex = await Assert.ThrowsAsync<WorkAgendaRuleException>(() => svc.SignAsync(agendaId, "A. Bestuurder", "voorzitter", new DateOnly(2023, 2, 1), "gemeenten@test"));
            Assert.Contains("zonder acties", ex.Message);
            actionId = (await svc.AddActionAsync(agendaId, Action("Werkgevers benaderen", ActionType.SharingGoodExamples, 20), "gemeenten@test")).Id;
            await Assert.ThrowsAsync<WorkAgendaRuleException>(() => svc.RecordProgressAsync(actionId, new DateOnly(2023, 3, 1), 1, null, null, null, "gemeenten@test"));
            Assert.Equal(WorkAgendaStatus.Concept, (await svc.FindAsync(agendaId))!.Status);
            await svc.SignAsync(agendaId, "A. Bestuurder", "voorzitter", new DateOnly(2023, 2, 1), "gemeenten@test");
        }
        await using (var db = tdb.Context())
        {
            var svc = new WorkAgendaService(db);
            var agenda = (await svc.FindAsync(agendaId))!;
            Assert.Equal(WorkAgendaStatus.Vastgesteld, agenda.Status);
            Assert.Equal("A. Bestuurder", Assert.Single(agenda.Signatures).Name);
            await Assert.ThrowsAsync<WorkAgendaRuleException>(() => svc.AddActionAsync(agendaId, Action("Nog een", ActionType.JobCarving), "gemeenten@test"));

            // The guard holds for any code path, not only the service.
            agenda.Actions[0].Title = "Stiekem gewijzigd";
            await Assert.ThrowsAsync<WorkAgendaRuleException>(() => db.SaveChangesAsync());
        }
        await using (var db = tdb.Context())
        {
            db.Set<WorkAgendaGoal>().Remove(await db.Set<WorkAgendaGoal>().FirstAsync(g => g.ActionId == actionId));
            await Assert.ThrowsAsync<WorkAgendaRuleException>(() => db.SaveChangesAsync());
        }
        await using (var db = tdb.Context())
        {
            var svc = new WorkAgendaService(db);
            var midden = await db.Set<WorkAgendaGoal>().SingleAsync(g => g.ActionId == actionId && g.Level == GoalLevel.Midden);
            await svc.RecordProgressAsync(actionId, new DateOnly(2023, 5, 1), 3, midden.Id, 12, "12 werkgevers benaderd", "gemeenten@test");
            await svc.RecordProgressAsync(actionId, new DateOnly(2023, 11, 1), 4.5m, midden.Id, 9, null, "gemeenten@test");
            await svc.EvaluateAsync(actionId, EvaluationOutcome.Deels, "Werkgevers benaderd, maar te weinig passende vacatures", "gemeenten@test");
        }
        await using (var db = tdb.Context())
        {
            var agenda = (await new WorkAgendaService(db).FindAsync(agendaId))!;
            Assert.Equal(WorkAgendaStatus.Geevalueerd, agenda.Status);
            var m = WorkAgendaMonitor.Monitor(agenda, new DateOnly(2025, 1, 15));
            var action = Assert.Single(m.Actions);
            Assert.Equal(7.5m, action.Realised);
            Assert.Equal(20m, action.Forecast);
            Assert.Equal(37.5m, action.PercentOfForecast);
            var midden = action.Goals.Single(g => g.Goal.Level == GoalLevel.Midden);
            Assert.Equal(21m, midden.Realised);
            Assert.True(midden.Done);
            Assert.False(action.Goals.Single(g => g.Goal.Level == GoalLevel.Smal).Done); // 7.5 of 20 jobs
            // Evaluated actions are not overdue, even after their end date.
            Assert.Empty(m.Overdue);
            // After the evaluation no more progress.
            await Assert.ThrowsAsync<WorkAgendaRuleException>(() => new WorkAgendaService(db).RecordProgressAsync(actionId, new DateOnly(2025, 1, 1), 1, null, null, null, "x"));
            var audit = await db.AuditEntries.Where(a => a.EntityType.StartsWith("WorkAgenda")).ToListAsync();
            Assert.Contains(audit, a => a.EntityType == nameof(WorkAgendaSignature) && a.UserName == "gemeenten@test");
            Assert.Contains(audit, a => a.EntityType == nameof(WorkAgendaProgress));
        }
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_new_agenda_carries_over_open_and_partly_successful_actions_and_lists_the_problems(string provider)
    {
        await using var tdb = await TestDatabases.CreateAsync(provider, "agenda-carry");
        await using var db = tdb.Context();
        var svc = new WorkAgendaService(db);
        var old = await svc.CreateAsync(Provincies, "Werkagenda provincies 2023-2024", Start, End, "p@test");
        var worked = await svc.AddActionAsync(old.Id, Action("Themadagen", ActionType.SharingGoodExamples), "p@test");
        var partly = await svc.AddActionAsync(old.Id, Action("Traineeships", ActionType.TrialPlacementsInternships, 10), "p@test");
        var failed = await svc.AddActionAsync(old.Id, Action("Inkoop", ActionType.ProcurementSroi), "p@test");
        var open = await svc.AddActionAsync(old.Id, Action("Ambassadeurs", ActionType.Ambassadorship), "p@test");
        await Assert.ThrowsAsync<WorkAgendaRuleException>(() => svc.CreateAsync(Provincies, "Te vroeg", new(2025, 1, 1), new(2026, 12, 31), "p@test", old.Id));
        await svc.SignAsync(old.Id, "B. Gedeputeerde", "gedeputeerde", new DateOnly(2023, 1, 15), "p@test");
        await svc.RecordProgressAsync(partly.Id, new DateOnly(2024, 6, 1), 4, null, null, null, "p@test");
        await svc.EvaluateAsync(worked.Id, EvaluationOutcome.Werkte, null, "p@test");
        await Assert.ThrowsAsync<WorkAgendaRuleException>(() => svc.EvaluateAsync(partly.Id, EvaluationOutcome.Deels, " ", "p@test"));
        await svc.EvaluateAsync(partly.Id, EvaluationOutcome.Deels, "Te weinig begeleiders", "p@test");
        await svc.EvaluateAsync(failed.Id, EvaluationOutcome.Niet, "Inkopers niet bereikt", "p@test");
        Assert.Equal(WorkAgendaStatus.Vastgesteld, (await svc.FindAsync(old.Id))!.Status); // one action still open
        // Overdue: the open action's end date and milestone have passed; evaluated actions are not overdue.
        var monitor = WorkAgendaMonitor.Monitor((await svc.FindAsync(old.Id))!, new DateOnly(2025, 1, 15));
        var overdue = Assert.Single(monitor.Overdue);
        Assert.Equal("Ambassadeurs", overdue.Action.Title);
        Assert.True(overdue.Overdue);
        Assert.Equal("Eerste webinar", Assert.Single(overdue.OverdueMilestones).Description);
        Assert.Empty(WorkAgendaMonitor.Monitor((await svc.FindAsync(old.Id))!, new DateOnly(2023, 5, 1)).Overdue);

        // Another sector may not build on this agenda.
        await Assert.ThrowsAsync<WorkAgendaRuleException>(() => svc.CreateAsync(Gemeenten, "Gemeenten", new(2025, 1, 1), new(2026, 12, 31), "g@test", old.Id));

        var next = await svc.CreateAsync(Provincies, "Werkagenda provincies 2025-2026", new(2025, 1, 1), new(2026, 12, 31), "p@test", old.Id);
        db.ChangeTracker.Clear();
        next = (await svc.FindAsync(next.Id))!;
        Assert.Equal(old.Id, next.PreviousAgendaId);
        Assert.Equal(WorkAgendaStatus.Concept, next.Status);
        Assert.Equal(["Traineeships", "Inkoop", "Ambassadeurs"], next.Actions.OrderBy(a => a.Id).Select(a => a.Title).ToArray());
        Assert.Equal([partly.Id, failed.Id, open.Id], next.Actions.OrderBy(a => a.Id).Select(a => a.CarriedOverFromId!.Value).ToArray());
        var carried = next.Actions.Single(a => a.Title == "Traineeships");
        Assert.Equal(6m, carried.ForecastJobs); // 10 forecast − 4 realised
        Assert.Equal(3, carried.Goals.Count);
        Assert.Empty(carried.Progress);
        Assert.Contains("Te weinig begeleiders", carried.Problem);
        Assert.Contains("Te weinig begeleiders", next.ProblemAnalysis);
        Assert.Contains("Inkopers niet bereikt", next.ProblemAnalysis);
        Assert.Contains("1 werkte", next.ProblemAnalysis);
        Assert.DoesNotContain("Themadagen", next.ProblemAnalysis);
        // The carried-over plan is editable again (new concept), the old one stays frozen.
        await svc.RemoveActionAsync(next.Actions.Single(a => a.Title == "Ambassadeurs").Id, "p@test");
        await Assert.ThrowsAsync<WorkAgendaRuleException>(() => svc.RemoveActionAsync(open.Id, "p@test"));
    }

    /// <summary>Seed 003 §4.1: "Genoemd in" per type of action, out of 12 work agendas, in the table's order.</summary>
    private static readonly int[] ResearchReportCounts = [3, 7, 7, 6, 9, 2, 7, 2, 2, 3, 2, 3];

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_seed_derived_agendas_reproduce_the_research_counts_and_score_range(string provider)
    {
        await using var tdb = await TestDatabases.CreateAsync(provider, "agenda-seed");
        await using (var db = tdb.Context())
        {
            Assert.Equal(12, await WorkAgendaSeed.SeedAsync(db));
            Assert.Equal(0, await WorkAgendaSeed.SeedAsync(db)); // idempotent
        }
        await using (var db = tdb.Context())
        {
            var agendas = await new WorkAgendaService(db).Agendas.ToListAsync();
            Assert.Equal(12, agendas.Count);
            Assert.All(agendas, a => Assert.True(a.DerivedFromDocuments));
            Assert.All(agendas.SelectMany(a => a.Actions), x => Assert.False(string.IsNullOrWhiteSpace(x.Source)));
            var counts = WorkAgendaMonitor.TypeCounts(agendas);
            Assert.Equal(ResearchReportCounts, counts.Select(c => c.Agendas).ToArray());
            Assert.All(counts, c => Assert.Equal(12, c.OutOf));
            // "De scores van de werkagenda's lopen uiteen van 2 tot 9 … de meeste verscheidene activiteiten: Rijksoverheid en Defensie."
            var scores = agendas.ToDictionary(a => a.Sector!.Code, WorkAgendaMonitor.Score);
            Assert.Equal(2, scores.Values.Min());
            Assert.Equal(9, scores.Values.Max());
            Assert.Equal(9, scores["rijk"]);
            Assert.Equal(9, scores["defensie"]);
            Assert.All(scores.Where(s => s.Key is not ("rijk" or "defensie")), s => Assert.True(s.Value < 9, s.Key));
            // "Delen van goede voorbeelden" is the most mentioned type (9 of 12).
            Assert.Equal(ActionType.SharingGoodExamples, counts.MaxBy(c => c.Agendas)!.Type);
            Assert.Equal("Delen van goede voorbeelden", ActionType.SharingGoodExamples.Label());
        }
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_database_seeder_loads_the_seed_derived_agendas_with_their_sources(string provider)
    {
        await using var tdb = await TestDatabases.CreateAsync(provider, "agenda-seeder");
        await using var db = tdb.Context();
        await new Banenmonitor.Data.Seeding.DatabaseSeeder(db).SeedAsync(new Banenmonitor.Data.Seeding.SeedOptions());
        var defensie = await new WorkAgendaService(db).Agendas.SingleAsync(a => a.Sector!.Code == "defensie");
        Assert.Equal(WorkAgendaStatus.Concept, defensie.Status);
        var training = defensie.Actions.Single(a => a.Type == ActionType.SupervisorTraining);
        Assert.Contains("Interne Begeleider Arbeidsparticipant", training.SourceQuote);
        Assert.Contains("Beleidsonderzoekers 2023", training.Source); // the research report by its authors, not "seed 003"
        Assert.Contains(await db.AuditEntries.Select(a => a.EntityType).ToListAsync(), t => t == nameof(WorkAgendaAction));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_action_of_a_concept_is_edited_in_place_and_audited_and_frozen_after_signing(string provider)
    {
        await using var tdb = await TestDatabases.CreateAsync(provider, "agenda-edit");
        int actionId, middenId;
        await using (var db = tdb.Context())
        {
            var svc = new WorkAgendaService(db);
            var agenda = await svc.CreateAsync(Gemeenten, "Werkagenda gemeenten", Start, End, "g@test");
            var action = await svc.AddActionAsync(agenda.Id, Action("Werkgevers benaderen", ActionType.SharingGoodExamples, 20), "g@test");
            (actionId, middenId) = (action.Id, action.Goals.Single(g => g.Level == GoalLevel.Midden).Id);
        }
        await using (var db = tdb.Context())
        {
            var svc = new WorkAgendaService(db);
            // A broken rule changes nothing.
            await Assert.ThrowsAsync<WorkAgendaRuleException>(() => svc.UpdateActionAsync(actionId, Action(" ", ActionType.JobCarving), "g@test"));
            var changed = new ActionInput("Werkgevers en uitzendbureaus benaderen", ActionType.JobCarving, "VNG en Cedris", Start, new DateOnly(2024, 6, 30), "Te weinig vacatures", 25,
                Goals: [new(GoalLevel.Midden, "Minstens 30 werkgevers benaderd", 30, "werkgevers benaderd"), new(GoalLevel.Smal, "Banen gerealiseerd", 25, "banen")],
                Milestones: [new("Tweede webinar", new DateOnly(2023, 9, 1)), new("Evaluatie", new DateOnly(2024, 6, 1))]);
            await svc.UpdateActionAsync(actionId, changed, "g@test");
        }
        await using (var db = tdb.Context())
        {
            var svc = new WorkAgendaService(db);
            var action = (await svc.FindAsync((await db.Set<WorkAgendaAction>().SingleAsync(a => a.Id == actionId)).AgendaId))!.Actions.Single();
            Assert.Equal("Werkgevers en uitzendbureaus benaderen", action.Title);
            Assert.Equal(ActionType.JobCarving, action.Type);
            Assert.Equal("VNG en Cedris", action.Owner);
            Assert.Equal(new DateOnly(2024, 6, 30), action.End);
            Assert.Equal(25m, action.ForecastJobs);
            Assert.DoesNotContain(action.Goals, g => g.Level == GoalLevel.Breed);
            var midden = action.Goals.Single(g => g.Level == GoalLevel.Midden);
            Assert.Equal(middenId, midden.Id); // updated in place
            Assert.Equal(30m, midden.Target);
            Assert.Equal(["Tweede webinar", "Evaluatie"], action.Milestones.OrderBy(m => m.Due).Select(m => m.Description).ToArray());
            // The audit trail holds the change with before and after, by the user, with its cause.
            var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(WorkAgendaAction) && a.EntityKey == $"werkagenda-actie:{action.AgendaId}:{actionId}" && a.Cause.Contains("actie gewijzigd")).ToListAsync();
            var entry = Assert.Single(audit);
            Assert.Equal("g@test", entry.UserName);
            Assert.Contains("Werkgevers benaderen", entry.Before);
            Assert.Contains("Werkgevers en uitzendbureaus benaderen", entry.After);
            Assert.Contains(await db.AuditEntries.Where(a => a.EntityType == nameof(WorkAgendaGoal) && a.Cause.Contains("actie gewijzigd")).Select(a => a.EntityKey).ToListAsync(), k => k == $"werkagenda-doel:{actionId}:{middenId}");

            await svc.SignAsync(action.AgendaId, "A. Bestuurder", "voorzitter", new DateOnly(2023, 2, 1), "g@test");
            var ex = await Assert.ThrowsAsync<WorkAgendaRuleException>(() => svc.UpdateActionAsync(actionId, Action("Later gewijzigd", ActionType.JobCarving), "g@test"));
            Assert.Contains("al ondertekend", ex.Message);
        }
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_new_agenda_builds_on_the_agenda_derived_from_the_documents_but_not_on_a_concept_made_here(string provider)
    {
        await using var tdb = await TestDatabases.CreateAsync(provider, "agenda-build-on-seed");
        await using var db = tdb.Context();
        await new Banenmonitor.Data.Seeding.DatabaseSeeder(db).SeedAsync(new Banenmonitor.Data.Seeding.SeedOptions());
        var svc = new WorkAgendaService(db);
        var seeded = await svc.Agendas.SingleAsync(a => a.SectorId == Gemeenten && a.DerivedFromDocuments);
        Assert.Equal(WorkAgendaStatus.Concept, seeded.Status);
        Assert.True(WorkAgendaService.CanBuildOn(seeded));
        var next = await svc.CreateAsync(Gemeenten, "Werkagenda gemeenten, vervolg", seeded.PeriodEnd.AddDays(1), seeded.PeriodEnd.AddYears(2), "g@test", seeded.Id);
        Assert.Equal(seeded.Id, next.PreviousAgendaId);
        // Nothing of the documents' agenda was evaluated here: every action is carried over, with its source.
        Assert.Equal(seeded.Actions.Select(a => a.Title).Order(), next.Actions.Select(a => a.Title).Order());
        Assert.All(next.Actions, a => Assert.False(string.IsNullOrWhiteSpace(a.Source)));
        // A concept made in the application is not an earlier agenda yet.
        Assert.False(WorkAgendaService.CanBuildOn(next));
        await Assert.ThrowsAsync<WorkAgendaRuleException>(() => svc.CreateAsync(Gemeenten, "Te vroeg", new(2030, 1, 1), new(2031, 12, 31), "g@test", next.Id));
    }

    [Fact]
    public void A_bad_seed_row_names_file_row_and_column()
    {
        const string text = "sector,periode_begin,periode_eind,agenda,type,actie,eigenaar,knelpunt,bron,citaat,toelichting\n" +
                            "gemeenten,2021-01-01,2022-12-31,A,goede-voorbeelden,X,VNG,,bron,,\n" +
                            "gemeenten,2021-01-01,2022-12-31,A,onbekend-type,Y,VNG,,bron,,\n";
        var ex = Assert.Throws<FormatException>(() => WorkAgendaSeed.Parse(text, "w.csv"));
        Assert.Contains("w.csv, regel 3, kolom 'type'", ex.Message);
    }
}
