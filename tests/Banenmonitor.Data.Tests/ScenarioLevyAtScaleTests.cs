using System.Data.Common;
using Banenmonitor.Reports.National;
using Banenmonitor.Data.Computations;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.Scenarios;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Rules.Scenarios;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Banenmonitor.Data.Tests;

/// <summary>
/// The levy of a scenario for every government employer with hired-in attributions, however many (no cap): their full
/// inputs are read set-wise, a few queries per batch of employers, and each one's recomputed levy at today's parameters
/// equals the stored national run's, on both providers.
/// </summary>
public sealed class ScenarioLevyAtScaleTests
{
    private const int Year = StoredQuotaSamples.Year;
    private const int Employers = 520;
    private static readonly ParameterSet Today = ParameterSet.Embedded;

    /// <summary>Counts the SQL commands a context sends.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count;
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private static BanenmonitorDbContext Counted(TestDatabase t, CommandCounter counter) => t.Settings.Provider == DatabaseProvider.Sqlite
        ? new SqliteBanenmonitorDbContext(new DbContextOptionsBuilder<SqliteBanenmonitorDbContext>(BanenmonitorDatabase.SqliteOptions(t.Settings.ConnectionString))
            .AddInterceptors(counter).Options)
        : new PostgresBanenmonitorDbContext(new DbContextOptionsBuilder<PostgresBanenmonitorDbContext>(BanenmonitorDatabase.PostgresOptions(t.Settings.ConnectionString))
            .AddInterceptors(counter).Options);

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Every_government_employer_with_attributions_is_recomputed_and_matches_the_stored_run(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "scenarioheffing");
        Dictionary<int, string> numbers;
        await using (var db = t.Context())
        {
            numbers = await StoredQuotaSamples.SeedGovernmentHirersAsync(db, Employers);
            db.ChangeTracker.Clear();
            await NationalDatabaseRun.RunAsync(db, Today, Year, "test");
        }
        var counter = new CommandCounter();
        ScenarioLevyInput input;
        await using (var db = Counted(t, counter)) input = (await ScenarioStore.LevyInputAsync(db, Today, Year, batchSize: 100))!;
        NationalRun run;
        await using (var db = t.Context()) run = (await NationalRuns.LatestAsync(db, Year))!;

        var hirers = input.Employers.Where(e => e.IsGovernment && e.Attributions > 0).ToList();
        Assert.Equal(Employers, hirers.Count);
        Assert.All(hirers, e => Assert.NotNull(e.Input));
        // Set-wise: six batches of at most a few queries each, not several per employer.
        Assert.True(counter.Count < 50, $"{counter.Count} queries for {Employers} employers");

        // Each employer's levy at today's parameters is the stored run's; there are shortfalls and employers without.
        var calc = new QuotaCalculator(Today);
        foreach (var e in input.Employers.Where(e => e.IsGovernment))
        {
            var f = calc.Figures(e.InputFor(Year));
            Assert.Equal((e.Shortfall, e.Levy), (f.Shortfall.Value, f.Levy.Value));
        }
        Assert.Contains(hirers, e => e.Shortfall > 0);
        Assert.Contains(hirers, e => e.Shortfall == 0);

        var levy = ScenarioLevy.Compute(input, Year, Today, Today);
        Assert.Null(levy.Figure("heffing_niet_herberekend"));
        Assert.DoesNotContain(levy.Notes, n => n.Contains("niet herberekend", StringComparison.Ordinal) || n.Contains("wijkt", StringComparison.Ordinal));
        Assert.Contains(levy.Notes, n => n.StartsWith($"{Employers} overheidswerkgevers hebben toerekeningen", StringComparison.Ordinal));
        Assert.Equal(run.Levy, levy.Figure("heffing")!.Today);
        Assert.True(run.Levy > 0);

        // The batched read is the one employer's mapping: the same figures as its stored quota.
        await using (var db = t.Context())
            foreach (var id in numbers.Keys.Where((_, i) => i % 97 == 0))
            {
                var single = await StoredQuota.ComputeAsync(db, Today, numbers[id], Year);
                var batched = new Dictionary<int, QuotaInput>();
                await StoredQuota.InputsAsync(db, Today, [id], Year, b => { foreach (var kv in b) batched[kv.Key] = kv.Value; });
                var (s, b) = (calc.Figures(single.Input), calc.Figures(batched[id]));
                Assert.Equal((s.RequiredJobs, s.RealisedJobs, s.Shortfall, s.Levy), (b.RequiredJobs, b.RealisedJobs, b.Shortfall, b.Levy));
                Assert.Equal(single.Input.Attributions?.Count ?? 0, batched[id].Attributions?.Count ?? 0);
            }
    }
}
