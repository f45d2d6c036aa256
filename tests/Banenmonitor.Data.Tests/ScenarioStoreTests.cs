using Banenmonitor.Reports.National;
using Banenmonitor.Data.Computations;
using Banenmonitor.Data.Scenarios;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Tests;

/// <summary>
/// Saved what-ifs (issue 24) on SQLite and PostgreSQL: saved, named, shared by link, and never changing the real figures —
/// the parameters, the parameter overrides and the stored national run are the same after a scenario is computed and saved.
/// The levy totals come from the stored run's employers.
/// </summary>
public sealed class ScenarioStoreTests
{
    private const int Year = StoredQuotaSamples.Year;
    private static readonly ParameterSet Today = ParameterSet.Embedded;

    private static Scenario HigherQuota() => new("Hoger quotum",
        [ScenarioOverride.Parse($"quotumpercentage_overheid={Year}:4:wat als het quotum 4 % was", Today)],
        [SectorGrowth.Parse("politie=25:2026")], [ScenarioTarget.Parse("defensie=2020:700")], CountSroi: true);

    private static async Task<List<string>> Snapshot(BanenmonitorDbContext db) =>
    [
        .. (await db.NationalRuns.AsNoTracking().OrderBy(r => r.Id).ToListAsync()).Select(r => $"{r.RunId}|{r.Levy}|{r.Shortfall}|{r.Parameters}|{r.TotalJobs}"),
        .. (await db.NationalRunEmployers.AsNoTracking().OrderBy(e => e.Id).ToListAsync()).Select(e => $"{e.EmployerId}|{e.Shortfall}|{e.Levy}|{e.A}|{e.RealisedJobs}"),
        .. (await db.ParameterOverrides.AsNoTracking().OrderBy(o => o.Id).ToListAsync()).Select(o => $"{o.Name}|{o.ValidFrom}|{o.Value}|{o.Source}"),
    ];

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_scenario_is_computed_from_the_stored_run_saved_and_changes_no_real_figure(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "scenario");
        await using (var db = t.Context())
        {
            await StoredQuotaSamples.SeedAsync(db);
            db.ChangeTracker.Clear();
            await NationalDatabaseRun.RunAsync(db, Today, Year, "test");
        }
        var parametersBefore = Today.AllValues.ToList();
        List<string> before;
        await using (var db = t.Context()) before = await Snapshot(db);

        StoredScenario saved;
        await using (var db = t.Context())
        {
            var input = await ScenarioStore.LevyInputAsync(db, Today, Year);
            Assert.NotNull(input);
            var run = (await NationalRuns.LatestAsync(db, Year))!;
            var result = new ScenarioCalculator(Today, PublishedData.Embedded).Compute(HigherQuota(), Year, input);
            var levy = result.Section(ScenarioResult.Levy);
            // Today's levy recomputed from the stored inputs (the attributions read from the stored data) is the run's levy.
            Assert.Equal(run.Levy, levy.Figure("heffing")!.Today);
            Assert.Null(levy.Figure("heffing_niet_herberekend"));
            Assert.Contains(levy.Notes, n => n.Contains("uit de opgeslagen gegevens gelezen", StringComparison.Ordinal));
            Assert.DoesNotContain(levy.Notes, n => n.Contains("wijkt", StringComparison.Ordinal));
            // A higher quota percentage never lowers a shortfall.
            Assert.True(levy.Figure("tekort")!.Scenario >= levy.Figure("tekort")!.Today);
            Assert.True(levy.Figure("heffing")!.Scenario > levy.Figure("heffing")!.Today);
            saved = await ScenarioStore.SaveAsync(db, HigherQuota(), Year, "analist@test", shared: false, Today);
        }
        await using (var db = t.Context())
        {
            Assert.Equal(before, await Snapshot(db));
            Assert.Equal(parametersBefore, Today.AllValues.ToList());
            Assert.Equal(2.69m, Today.Get(ParameterNames.QuotaPercentageGovernment, Year).Value);
            var again = (await ScenarioStore.FindAsync(db, saved.PublicId, "analist@test"))!.ToScenario();
            var original = HigherQuota();
            Assert.Equal(original.Name, again.Name);
            Assert.Equal(original.Overrides, again.Overrides);
            Assert.Equal(original.GrowthOrEmpty, again.GrowthOrEmpty);
            Assert.Equal(original.TargetsOrEmpty, again.TargetsOrEmpty);
            Assert.True(again.CountSroi);
            Assert.Contains("\"waarden\"", saved.Definition, StringComparison.Ordinal);
            Assert.Contains("\"reden\":\"wat als het quotum 4 % was\"", saved.Definition, StringComparison.Ordinal);
        }
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Another_analyst_opens_a_scenario_by_link_only_when_it_is_shared(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "scenariodelen");
        await using var db = t.Context();
        var mine = await ScenarioStore.SaveAsync(db, HigherQuota(), Year, "a@test", shared: false, Today);
        var open = await ScenarioStore.SaveAsync(db, HigherQuota() with { Name = "Gedeeld" }, Year, "a@test", shared: true, Today);
        Assert.Equal(32, mine.PublicId.Length);
        Assert.NotEqual(mine.PublicId, open.PublicId);
        Assert.Equal(["Gedeeld"], (await ScenarioStore.VisibleAsync(db, "b@test")).Select(s => s.Name));
        Assert.Equal(2, (await ScenarioStore.VisibleAsync(db, "a@test")).Count);
        Assert.Null(await ScenarioStore.FindAsync(db, mine.PublicId, "b@test"));
        Assert.False(await ScenarioStore.SetSharedAsync(db, mine.PublicId, "b@test", true));
        Assert.True(await ScenarioStore.SetSharedAsync(db, mine.PublicId, "a@test", true));
        Assert.NotNull(await ScenarioStore.FindAsync(db, mine.PublicId, "b@test"));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Without_a_run_there_is_no_levy_input_and_a_bad_value_is_not_saved(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "scenariofout");
        await using var db = t.Context();
        Assert.Null(await ScenarioStore.LevyInputAsync(db, Today, Year));
        var bad = new Scenario("Fout", [new ScenarioOverride(ParameterNames.GovernmentShareHiredIn, new DateOnly(2021, 3, 1), 40m, "midden in het jaar")]);
        var e = await Assert.ThrowsAsync<FormatException>(() => ScenarioStore.SaveAsync(db, bad, 2021, "a@test", false, Today));
        Assert.Contains("1 januari", e.Message, StringComparison.Ordinal);
        Assert.Empty(await db.Scenarios.ToListAsync());
    }
}
