using Banenmonitor.Analytics;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Regimes;
using Banenmonitor.Rules.Units;
using DuckDB.NET.Data;

namespace Banenmonitor.Analytics.Tests;

/// <summary>
/// The national regime comparison on a small synthetic year: its totals must equal the sum of the rules core's own
/// per-employer outcomes, computed here from the raw files, and its measurement must equal `landelijk`'s.
/// </summary>
public sealed class NationalRegimeComparisonTests(SmallYear data) : IClassFixture<SmallYear>
{
    private const int RegimeYear = 2028;

    // The new law's unconfirmed values, supplied as an administrator would (with a source), so surcharge and bonus apply.
    private static readonly ParameterSet Activated = ParameterSet.Embedded
        .WithOverride("wba_activeringsjaar=2026:2026:test: aangenomen activering")
        .WithOverride("wba_quotumpercentage=2026:2.5:test: aangenomen quotumpercentage")
        .WithOverride("wba_inclusiviteitsopslag_percentage=2026:0.5:test: aangenomen opslag");

    private static List<T> Read<T>(string sql, Func<DuckDBDataReader, T> map)
    {
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(map(r));
        return list;
    }

    private static DateOnly D(DuckDBDataReader r, int i) => DateOnly.FromDateTime(r.GetDateTime(i));

    /// <summary>Premium base for all employers but every seventh (test values: € 30 per paid hour; agency hours excluded).</summary>
    private string WritePremium()
    {
        var path = Path.Combine(data.Dir, "premieloon.parquet");
        if (File.Exists(path)) return path;
        var v = Path.Combine(data.Dir, "verloning.parquet");
        Read($"""
            COPY (SELECT loonheffingennummer, CAST(sum(uren) * 30 AS DECIMAL(18,2)) AS premieloon,
                         CAST(coalesce(sum(uren) FILTER (vorm = 'uitzending'), 0) * 30 AS DECIMAL(18,2)) AS premieloon_uitgezonderd
                  FROM read_parquet('{v}') GROUP BY loonheffingennummer
                  QUALIFY row_number() OVER (ORDER BY loonheffingennummer) % 7 <> 0)
            TO '{path}' (FORMAT parquet)
            """, _ => 0);
        return path;
    }

    [Fact]
    public void National_totals_equal_the_sum_of_the_rules_core_per_employer_outcomes()
    {
        WritePremium();
        var y = SmallYear.Year;
        var result = new NationalRegimeComparison(Activated).Run(new NationalComparisonOptions(data.Dir, y, RegimeYear));

        // Independent aggregation of the raw files (the period rule of Wfsv 38g lid 8) in plain C#.
        var regs = Read($"SELECT * FROM read_parquet('{Path.Combine(data.Dir, "doelgroepregister.parquet")}')",
            r => (Person: r.GetInt64(0), Begin: D(r, 1), End: r.IsDBNull(2) ? (DateOnly?)null : D(r, 2))).ToLookup(x => x.Person);
        var rows = Read($"SELECT * FROM read_parquet('{Path.Combine(data.Dir, "verloning.parquet")}')",
            r => (Lhnr: r.GetString(0), Person: r.GetInt64(1), Begin: D(r, 2), End: D(r, 3), Hours: r.GetDecimal(4), Form: r.GetString(5)));
        var prev = Read($"SELECT * FROM read_parquet('{Path.Combine(data.Dir, "vorig_jaar.parquet")}')", r => (r.GetString(0), r.GetDecimal(1)))
            .ToDictionary(x => x.Item1, x => x.Item2);
        var employers = Read($"SELECT * FROM read_parquet('{Path.Combine(data.Dir, "werkgevers.parquet")}')", r => (Lhnr: r.GetString(0), Sector: r.GetString(1)));
        var premium = Read($"SELECT * FROM read_parquet('{Path.Combine(data.Dir, "premieloon.parquet")}')", r => (r.GetString(0), r.GetDecimal(1), r.GetDecimal(2)))
            .ToDictionary(x => x.Item1, x => (x.Item2, x.Item3));
        bool Registered(DateOnly b, DateOnly e, long p) => regs[p].Any(g => g.Begin <= e && (g.End is null || g.End >= b));
        var inYear = rows.Where(x => x.Begin.Year == y).ToList();
        var byEmployer = inYear.ToLookup(x => x.Lhnr);
        // Hired-in attributions come from the engine's aggregate (its equality with the raw files is NationalEngineTests' job).
        Dictionary<string, EmployerAggregate> aggregates;
        using (var db = NationalEngine.Open(null, null))
        {
            var hasPrev = NationalEngine.CreateInputViews(db, data.Dir);
            aggregates = new NationalEngine(Activated).AggregateEmployers(db, y, hasPrev).ToDictionary(a => a.PayrollTaxNumber);
        }

        var rules = new RegimeComparison(Activated);
        var expected = new List<EmployerRegimeOutcome>();
        foreach (var (lhnr, sector) in employers)
        {
            var mine = byEmployer[lhnr].ToList();
            var reg = mine.Where(x => Registered(x.Begin, x.End, x.Person)).ToList();
            var agency = mine.Where(x => x.Form == "uitzending").Sum(x => x.Hours);
            var staff = reg.GroupBy(x => x.Person).OrderBy(g => g.Key)
                .Select(g => new TargetGroupEmployee("persoon " + g.Key, new PaidHours(g.Sum(x => x.Hours)))).ToList();
            var e = new EmployerYear(y, new PaidHours(mine.Sum(x => x.Hours)), new PaidHours(reg.Sum(x => x.Hours)),
                new PaidHours(prev.GetValueOrDefault(lhnr)), NationalEngine.IsGovernmentSector(sector),
                premium.TryGetValue(lhnr, out var p) ? new Euros(p.Item1) : null, premium.TryGetValue(lhnr, out var p2) ? new Euros(p2.Item2) : null,
                staff, null, aggregates[lhnr].Attributions, agency > 0 ? new PaidHours(agency) : null);
            var quota = rules.Quotumregeling(e);
            var wba = rules.WetBanenafspraak2025(e with { Year = RegimeYear });
            expected.Add(EmployerRegimeOutcome.From(lhnr, sector, quota, wba));
        }

        var want = RegimeTotals.Of("totaal", expected);
        Assert.Equal(want, result.Total);
        foreach (var g in result.Groups)
            Assert.Equal(RegimeTotals.Of(g.Group, expected.Where(x => x.Group == g.Group)), g);
        // Every regime's element actually occurs in this data, so the equality above is not vacuous.
        Assert.True(want.Levy > 0 && want.Surcharge > 0 && want.Bonus > 0 && want.WageCostAdvantage > 0, want.ToString());
        Assert.True(want.SurchargeNotComputed > 0, "employers without a premium base that miss the quota");
        Assert.True(result.Groups.Single(g => g.Group == NationalRegimeComparison.Market).Levy == 0m, "no levy for the market sector");
        Assert.True(result.Groups.Single(g => g.Group == NationalRegimeComparison.Market).Surcharge > 0m, "the new law's surcharge reaches the market");
        Assert.Equal(want.Levy, data.Result.Employers!.Sum(x => x.Levy)); // same levy total as `landelijk`
    }

    [Fact]
    public void Measurement_without_the_split_is_landelijk_total_and_needs_no_distribution_key()
    {
        var result = new NationalRegimeComparison(ParameterSet.Embedded).Run(new NationalComparisonOptions(data.Dir, SmallYear.Year));
        var summary = NationalSummary.Build(ParameterSet.Embedded, data.Result);
        var m = result.Measurement;
        // Equal up to the last of decimal's 28 digits (hours are summed in a different order).
        static decimal R(decimal v) => Math.Round(v, 12);
        Assert.Equal(R(summary.Jobs), R(m.Total));
        Assert.Equal(R(summary.FormalMarket), R(m.FormalMarket));
        Assert.Equal(R(summary.FormalGovernment), R(m.FormalGovernment));
        Assert.Equal(R(summary.HiredIn), R(m.HiredIn));
        // 2023's distribution key is unconfirmed: the split cannot be made, the single national count can.
        Assert.Null(m.Market);
        Assert.True(m.Total > 0);
        // With a key supplied, the split adds up to the same total.
        var keyed = new NationalRegimeComparison(ParameterSet.Embedded.WithOverride("verdeelsleutel_overheid=2023:32:test"))
            .Run(new NationalComparisonOptions(data.Dir, SmallYear.Year)).Measurement;
        Assert.Equal(R(keyed.Total), R(keyed.Market!.Value + keyed.Government!.Value));
        Assert.Equal(R(keyed.HiredIn * 0.32m), R(keyed.Government.Value - keyed.FormalGovernment));
        // Without activation (embedded parameters): only the wage cost advantage, said so.
        Assert.Equal(0m, result.Total.Bonus);
        Assert.True(result.Total.WageCostAdvantage > 0);
        Assert.Contains(result.Notes, n => n.Contains("activeringsjaar", StringComparison.Ordinal));
        Assert.Equal(2026, result.RegimeYear);
    }

    [Fact]
    public void Explanation_and_outputs()
    {
        var id = data.Result.Employers!.First(x => x.Input.IsGovernment && !x.Exempt && x.Shortfall > 0).Input.PayrollTaxNumber;
        var uit = Path.Combine(data.Dir, "uit-regimes");
        var result = new NationalRegimeComparison(Activated).Run(new NationalComparisonOptions(data.Dir, SmallYear.Year, RegimeYear, uit, id));
        var x = result.Explanation!;
        Assert.Contains(x.Quotumregeling.Trace.Steps, s => s.Legal?.Contains("38", StringComparison.Ordinal) == true);
        Assert.Contains(x.WetBanenafspraak2025.Trace.Steps, s => s.Legal?.StartsWith("Wet banenafspraak art.", StringComparison.Ordinal) == true);
        Assert.Contains(x.Explanation, l => l.Contains("parameters van 2028", StringComparison.Ordinal));
        var row = result.Employers.Single(e => e.PayrollTaxNumber == id);
        Assert.Equal(row.Levy, x.Quotumregeling.Payable.Value);
        var lines = File.ReadAllLines(Path.Combine(uit, "werkgevers_regimes.csv"));
        Assert.Equal(result.Employers.Count + 1, lines.Length);
        Assert.Contains("Twee regimes naast elkaar", File.ReadAllText(Path.Combine(uit, "samenvatting_regimes.txt")));
    }

    [Fact]
    public void Bad_premium_file_names_file_row_and_column()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bm-regimes-bad-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.GetFiles(data.Dir, "*.parquet").Where(f => !f.EndsWith("premieloon.parquet", StringComparison.Ordinal)))
            File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        File.WriteAllText(Path.Combine(dir, "premieloon.csv"), "loonheffingennummer,premieloon,premieloon_uitgezonderd\nX1,100.00,0\nX2,-5,0\n");
        var e = Assert.Throws<AnalyticsInputException>(() => new NationalRegimeComparison(ParameterSet.Embedded).Run(new NationalComparisonOptions(dir, SmallYear.Year)));
        Assert.Contains("premieloon, rij 3, kolom premieloon", e.Message);
        Directory.Delete(dir, true);
    }
}
