// Benchmark of the scenario levy's read path: the full quota input of every government employer with hired-in
// attributions, read set-wise in batches (StoredQuota.InputsAsync, what ScenarioStore.LevyInputAsync does now) against
// its peer, the same inputs read one employer at a time (StoredQuota.ComputeAsync, what it did before, up to 500).
// Usage: dotnet run -c Release -- <employers> <sqlite-file | PostgreSQL connection>   (36 payroll rows per employer)
using System.Diagnostics;
using Banenmonitor.Data;
using Banenmonitor.Data.Computations;
using Banenmonitor.Data.Tests;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Quota;
using Microsoft.EntityFrameworkCore;

var employers = args.Length > 0 ? int.Parse(args[0]) : 2000;
var target = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), $"levy-bench-{Guid.NewGuid():N}.db");
var settings = target.StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
    ? new DatabaseSettings(DatabaseProvider.PostgreSql, target)
    : new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={target}");
await BanenmonitorDatabase.MigrateAsync(settings);
Dictionary<int, string> ids;
var sw = Stopwatch.StartNew();
await using (var seed = BanenmonitorDatabase.CreateContext(settings))
{
    seed.ChangeTracker.AutoDetectChangesEnabled = false;
    ids = await StoredQuotaSamples.SeedGovernmentHirersAsync(seed, employers);
}
await using var db = BanenmonitorDatabase.CreateContext(settings);
Console.WriteLine($"gevuld: {employers} werkgevers, {await db.PaidHours.CountAsync()} verloningsregels in {sw.Elapsed.TotalSeconds:0.0} s");
var today = ParameterSet.Embedded;
const int year = StoredQuotaSamples.Year;
var list = ids.Keys.ToList();

async Task<(double Ms, Dictionary<int, QuotaInput> Inputs)> Batched()
{
    var s = Stopwatch.StartNew();
    var inputs = new Dictionary<int, QuotaInput>();
    await StoredQuota.InputsAsync(db, today, list, year, b => { foreach (var kv in b) inputs[kv.Key] = kv.Value; });
    return (s.Elapsed.TotalMilliseconds, inputs);
}
async Task<(double Ms, Dictionary<int, QuotaInput> Inputs)> OneByOne()
{
    var s = Stopwatch.StartNew();
    var inputs = new Dictionary<int, QuotaInput>();
    foreach (var id in list) inputs[id] = (await StoredQuota.ComputeAsync(db, today, id, year)).Input;
    return (s.Elapsed.TotalMilliseconds, inputs);
}
double Median(List<double> x) { x.Sort(); return x[x.Count / 2]; }

var (batchedTimes, oneTimes) = (new List<double>(), new List<double>());
_ = await Batched(); _ = await OneByOne(); // warm-up
for (var i = 0; i < 3; i++)
{
    var (b, bi) = await Batched();
    var (o, oi) = await OneByOne();
    batchedTimes.Add(b);
    oneTimes.Add(o);
    var calc = new QuotaCalculator(today);
    if (list.Any(id => calc.Figures(bi[id]).Levy != calc.Figures(oi[id]).Levy)) throw new InvalidOperationException("De twee wegen geven een andere heffing.");
}
var (bm, om) = (Median(batchedTimes), Median(oneTimes));
Console.WriteLine($"{settings.Provider}, {employers} overheidswerkgevers met toerekeningen, mediaan van 3 (zelfde invoer, zelfde heffing):");
Console.WriteLine($"  per portie van 200 (StoredQuota.InputsAsync): {bm,9:0} ms");
Console.WriteLine($"  per werkgever (StoredQuota.ComputeAsync):     {om,9:0} ms   verhouding per werkgever / per portie: {om / bm:0.0}");
if (settings.Provider == DatabaseProvider.Sqlite) { Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); File.Delete(target); }
