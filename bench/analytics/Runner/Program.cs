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
    var ps = ParameterSet.Embedded;
    var d = ps.Get(P.HoursPerJobPerYear, year).Required;
    if (d != decimal.Truncate(d)) throw new InvalidOperationException("handwritten.sql assumes whole hours per job");
    var vals = new Dictionary<string, string>
    {
        ["dir"] = dir, ["uit"] = uit,
        ["jaarbegin"] = $"{year}-01-01", ["jaareinde"] = $"{year}-12-31", ["laatstemaand"] = $"{year}-12-01",
        ["uiterstedatum"] = new DateOnly(year + 1, (int)ps.Get(P.AttributionDeadlineMonth, year).Required, (int)ps.Get(P.AttributionDeadlineDay, year).Required).ToString("yyyy-MM-dd", inv),
        ["drempel"] = (ps.Get(P.AverageEmployeeHoursPerYear, year).Required * ps.Get(P.ThresholdEmployees, year).Required).ToString(inv),
        ["quotumbp"] = decimal.Floor(ps.Get(P.QuotaPercentageGovernment, year).Required * 100).ToString(inv),
        ["d"] = d.ToString("0", inv),
        ["heffing"] = ps.Get(P.LevyPerMissingJob, year).Required.ToString("0", inv),
    };
    var sql = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "handwritten.sql"));
    foreach (var (k, v) in vals) sql = sql.Replace("${" + k + "}", v, StringComparison.Ordinal);
    var sw = Stopwatch.StartNew();
    Exec(sql);
    Console.WriteLine($"hand-written DuckDB SQL: {sw.Elapsed.TotalSeconds:0.00} s");
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
