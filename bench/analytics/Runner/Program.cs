// Benchmark peer runner: `hand DIR UIT JAAR GEHEUGEN` runs handwritten.sql (the best hand-written DuckDB SQL for the
// same answer); `vergelijk UIT` checks the engine's per-employer output equals the hand-written SQL's.
using System.Diagnostics;
using System.Globalization;
using Banenmonitor.Rules.Parameters;
using DuckDB.NET.Data;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

var inv = CultureInfo.InvariantCulture;
using var db = new DuckDBConnection("DataSource=:memory:");
db.Open();
void Exec(string sql) { using var c = db.CreateCommand(); c.CommandText = sql; c.ExecuteNonQuery(); }
if (args[0] == "hand")
{
    var (dir, uit, year) = (args[1], args[2], int.Parse(args[3], inv));
    Directory.CreateDirectory(uit);
    Exec($"SET memory_limit = '{args[4]}'");
    Exec("SET preserve_insertion_order = false");
    Exec($"SET temp_directory = '/tmp/bench-hand-{Environment.ProcessId}'");
    var vals = Placeholders(year);
    vals["dir"] = dir;
    vals["uit"] = uit;
    var sql = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "handwritten.sql"));
    foreach (var (k, v) in vals) sql = sql.Replace("${" + k + "}", v, StringComparison.Ordinal);
    var sw = Stopwatch.StartNew();
    Exec(sql);
    Console.WriteLine($"hand-written DuckDB SQL: {sw.Elapsed.TotalSeconds:0.00} s");
}
else if (args[0] == "sql")
{
    // `sql FILE [GEHEUGEN]`: runs the statements of FILE (`;` at line end separates them), printing each result
    // (EXPLAIN ANALYZE output included) and its time; for profiling.
    if (args.Length > 2) Exec($"SET memory_limit = '{args[2]}'");
    Exec("SET preserve_insertion_order = false");
    foreach (var stmt in File.ReadAllText(args[1]).Split(";\n").Select(s => s.Trim()).Where(s => s.Length > 0))
    {
        var sw = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        using var c = db.CreateCommand();
        c.CommandText = stmt;
        using var r = c.ExecuteReader();
        var n = 0;
        while (r.Read() && n++ < 50)
            Console.WriteLine(string.Join(" | ", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "NULL" : Convert.ToString(r.GetValue(i), inv))));
        Console.WriteLine($"-- {sw.Elapsed.TotalSeconds:0.000} s, cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.000} s: {stmt.Split('\n')[0]}");
    }
}
else if (args[0] == "regels")
{
    // `regels N`: time of the rules core per employer (market and government inputs), single thread, with the trace
    // (Compute) and without (Figures).
    var calc = new Banenmonitor.Rules.Quota.QuotaCalculator(ParameterSet.Embedded);
    var n = int.Parse(args[1], inv);
    for (var round = 0; round < 3; round++)
        foreach (var traced in new[] { true, false })
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < n; i++)
            {
                var gov = i % 30 == 0;
                var input = new Banenmonitor.Rules.Quota.QuotaInput(2023, new(1000m + i), new(i % 100), new(900m + i), null, null, gov);
                if (traced) calc.Compute(input); else calc.Figures(input);
            }
            Console.WriteLine($"regels ({(traced ? "met" : "zonder")} spoor): {sw.Elapsed.TotalMilliseconds * 1000 / n:0.00} µs per werkgever");
        }
}
else if (args[0] == "pgsql")
{
    // `pgsql JAAR BESTAND`: postgres.sql with the year's parameters filled in, to standard output.
    var sql = File.ReadAllText(args[2]);
    foreach (var (k, v) in Placeholders(int.Parse(args[1], inv))) sql = sql.Replace("${" + k + "}", v, StringComparison.Ordinal);
    Console.Write(sql);
}
else if (args[0] == "kern")
{
    // `kern DIR`: the rules core on the real employer inputs of DIR, single thread, twice (profiling aid).
    var engine = new Banenmonitor.Analytics.NationalEngine(ParameterSet.Embedded);
    using var con = Banenmonitor.Analytics.NationalEngine.Open("5GB", null);
    var prev = Banenmonitor.Analytics.NationalEngine.CreateInputViews(con, args[1]);
    var sw0 = Stopwatch.StartNew();
    var emps = engine.AggregateEmployers(con, 2023, prev);
    Console.WriteLine($"aggregate+read: {sw0.Elapsed.TotalSeconds:0.00} s, {emps.Count} employers");
    var calc = new Banenmonitor.Rules.Quota.QuotaCalculator(ParameterSet.Embedded);
    for (var round = 0; round < 3; round++)
    {
        var gc0 = GC.GetTotalPauseDuration();
        var sw = Stopwatch.StartNew();
        var keep = new object[emps.Count];
        for (var i = 0; i < emps.Count; i++) keep[i] = calc.Compute(emps[i].ToQuotaInput(2023)).Levy;
        Console.WriteLine($"rules core: {sw.Elapsed.TotalSeconds:0.000} s, GC pause {(GC.GetTotalPauseDuration() - gc0).TotalSeconds:0.000} s");
    }
}
else if (args[0] is "stappen" or "stappen-vergelijk")
{
    // `stappen DIR UIT [GEHEUGEN]` (the engine) or `stappen-vergelijk DIR UIT [GEHEUGEN]` (the regime comparison): the
    // run with the time of each step (profiling aid).
    var mem = args.Length > 3 ? args[3] : "5GB";
    Banenmonitor.Analytics.NationalEngine.Preload();
    var sw = Stopwatch.StartNew();
    var timings = args[0] == "stappen"
        ? new Banenmonitor.Analytics.NationalEngine(ParameterSet.Embedded).Run(
            new Banenmonitor.Analytics.NationalRunOptions(args[1], 2023, args[2], MemoryLimit: mem)).Timings
        : new Banenmonitor.Analytics.NationalRegimeComparison(ParameterSet.Embedded).Run(
            new Banenmonitor.Analytics.NationalComparisonOptions(args[1], 2023, OutputDir: args[2], MemoryLimit: mem)).Timings;
    foreach (var (step, t) in timings) Console.WriteLine($"{t.TotalSeconds,7:0.000} s  {step}");
    Console.WriteLine($"{sw.Elapsed.TotalSeconds,7:0.000} s  totaal");
}
else if (args[0] == "som")
{
    // `som UIT`: number of employers and total shortfall in tenths of a job of the engine's output (checked against PostgreSQL).
    using var c = db.CreateCommand();
    c.CommandText = $"SELECT count(*), sum((quotumtekort * 10)::BIGINT) FROM read_parquet('{args[1]}/werkgevers_quotum.parquet')";
    using var r = c.ExecuteReader();
    r.Read();
    Console.WriteLine($"{r.GetValue(0)}|{r.GetValue(1)}");
}
else if (args[0] == "rows")
{
    using var c = db.CreateCommand();
    c.CommandText = $"SELECT count(*) FROM read_parquet('{args[1]}/verloning.parquet')";
    Console.WriteLine(c.ExecuteScalar());
}
else if (args[0] == "csv")
{
    Directory.CreateDirectory(args[2]);
    foreach (var t in new[] { "werkgevers", "verloning", "doelgroepregister", "toerekeningen", "vorig_jaar" })
        Exec($"COPY (SELECT * FROM read_parquet('{args[1]}/{t}.parquet')) TO '{args[2]}/{t}.csv' (HEADER true)");
}
else if (args[0] == "vergelijk")
{
    var uit = args[1];
    using var c = db.CreateCommand();
    c.CommandText = $"""
        SELECT count(*) AS werkgevers,
          count(*) FILTER (h.loonheffingennummer IS NULL
            OR (e.a * 100)::HUGEINT <> h.a_cent
            OR (e.vereiste_banen * 10)::HUGEINT IS DISTINCT FROM h.vereiste_tiende
            OR (e.gerealiseerde_banen * 10)::HUGEINT <> h.gerealiseerd_tiende
            OR (e.quotumtekort * 10)::HUGEINT <> h.tekort_tiende
            OR (e.quotumheffing * 100)::HUGEINT <> h.heffing_cent
            OR e.vrijgesteld <> h.vrijgesteld) AS verschillen
        FROM read_parquet('{uit}/werkgevers_quotum.parquet') e
        LEFT JOIN read_parquet('{uit}/hand_quotum.parquet') h USING (loonheffingennummer)
        """;
    using var r = c.ExecuteReader();
    r.Read();
    Console.WriteLine($"vergelijking: {r.GetValue(0)} werkgevers, {r.GetValue(1)} verschillen tussen engine en handgeschreven SQL");
    if (Convert.ToInt64(r.GetValue(1), inv) != 0) return 1;
}
return 0;

// Legal numbers of the year from the ParameterSet (never literals in the SQL files).
static Dictionary<string, string> Placeholders(int year)
{
    var inv = CultureInfo.InvariantCulture;
    var ps = ParameterSet.Embedded;
    var d = ps.Get(P.HoursPerJobPerYear, year).Required;
    if (d != decimal.Truncate(d)) throw new InvalidOperationException("handwritten.sql assumes whole hours per job");
    return new Dictionary<string, string>
    {
        ["jaarbegin"] = $"{year}-01-01", ["jaareinde"] = $"{year}-12-31", ["laatstemaand"] = $"{year}-12-01",
        ["uiterstedatum"] = new DateOnly(year + 1, (int)ps.Get(P.AttributionDeadlineMonth, year).Required, (int)ps.Get(P.AttributionDeadlineDay, year).Required).ToString("yyyy-MM-dd", inv),
        ["drempel"] = (ps.Get(P.AverageEmployeeHoursPerYear, year).Required * ps.Get(P.ThresholdEmployees, year).Required).ToString(inv),
        ["quotumbp"] = decimal.Floor(ps.Get(P.QuotaPercentageGovernment, year).Required * 100).ToString(inv),
        ["d"] = d.ToString("0", inv),
        ["heffing"] = ps.Get(P.LevyPerMissingJob, year).Required.ToString("0", inv),
    };
}
