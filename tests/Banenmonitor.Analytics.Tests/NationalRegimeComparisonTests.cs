using Banenmonitor.Analytics;
using Banenmonitor.Analytics.Synthetic;
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
        .WithOverride("scenario_quotumpercentage_wba=2026:2.5:test: aangenomen quotumpercentage")
        .WithOverride("wba_inclusiviteitsopslag_percentage=2026:0.5:test: aangenomen opslag")
        .WithOverride("gemiddeld_premieloon_per_werknemer=2026:40000:test: aangenomen gemiddeld premieloon")
        .WithOverride("gemiddeld_premieloon_per_werknemer=2027:40000:test: aangenomen gemiddeld premieloon")
        .WithOverride("gemiddeld_premieloon_per_werknemer=2028:40000:test: aangenomen gemiddeld premieloon");

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

    /// <summary>
    /// Premium base for all employers but every seventh (test values: € 30 per paid hour; agency hours excluded), and the
    /// premium base of t−2 (€ 28 per paid hour) for all but every fifth of those, for the small-employer test.
    /// </summary>
    private string WritePremium()
    {
        var path = Path.Combine(data.Dir, "premieloon.parquet");
        if (File.Exists(path)) return path;
        var v = Path.Combine(data.Dir, "verloning.parquet");
        Read($"""
            COPY (SELECT loonheffingennummer, CAST(sum(uren) * 30 AS DECIMAL(18,2)) AS premieloon,
                         CAST(coalesce(sum(uren) FILTER (vorm = 'uitzending'), 0) * 30 AS DECIMAL(18,2)) AS premieloon_uitgezonderd,
                         CASE WHEN hash(loonheffingennummer) % 5 = 0 THEN NULL ELSE CAST(sum(uren) * 28 AS DECIMAL(18,2)) END AS premieloon_t_min_2
                  FROM read_parquet('{v}') GROUP BY loonheffingennummer
                  QUALIFY row_number() OVER (ORDER BY loonheffingennummer) % 7 <> 0)
            TO '{path}' (FORMAT parquet)
            """, _ => 0);
        return path;
    }

    /// <summary>
    /// Every employer's outcome of both regimes computed by the rules core itself (traced, one employer at a time) on an
    /// independent plain-C# aggregation of the raw files (the period rule of Wfsv 38g lid 8), in file order.
    /// </summary>
    private static List<EmployerRegimeOutcome> Expected(string dir, int y, int regimeYear, ParameterSet parameters)
    {
        string F(string name) => Path.Combine(dir, name + ".parquet");
        var regs = Read($"SELECT * FROM read_parquet('{F("doelgroepregister")}')",
            r => (Person: r.GetInt64(0), Begin: D(r, 1), End: r.IsDBNull(2) ? (DateOnly?)null : D(r, 2))).ToLookup(x => x.Person);
        var rows = Read($"SELECT * FROM read_parquet('{F("verloning")}')",
            r => (Lhnr: r.GetString(0), Person: r.GetInt64(1), Begin: D(r, 2), End: D(r, 3), Hours: r.GetDecimal(4), Form: r.GetString(5)));
        var prev = Read($"SELECT * FROM read_parquet('{F("vorig_jaar")}')", r => (r.GetString(0), r.GetDecimal(1)))
            .ToDictionary(x => x.Item1, x => x.Item2);
        var employers = Read($"SELECT * FROM read_parquet('{F("werkgevers")}')", r => (Lhnr: r.GetString(0), Sector: r.GetString(1)));
        var premium = File.Exists(F("premieloon"))
            ? Read($"SELECT * FROM read_parquet('{F("premieloon")}')", r => (r.GetString(0), r.GetDecimal(1), r.GetDecimal(2), r.IsDBNull(3) ? (decimal?)null : r.GetDecimal(3)))
                .ToDictionary(x => x.Item1, x => (x.Item2, x.Item3, x.Item4))
            : [];
        bool Registered(DateOnly b, DateOnly e, long p) => regs[p].Any(g => g.Begin <= e && (g.End is null || g.End >= b));
        var inYear = rows.Where(x => x.Begin.Year == y).ToList();
        var byEmployer = inYear.ToLookup(x => x.Lhnr);
        // Hired-in attributions come from the engine's aggregate (its equality with the raw files is NationalEngineTests' job).
        Dictionary<string, EmployerAggregate> aggregates;
        using (var db = NationalEngine.Open(null, null))
        {
            var hasPrev = NationalEngine.CreateInputViews(db, dir);
            aggregates = new NationalEngine(parameters).AggregateEmployers(db, y, hasPrev).ToDictionary(a => a.PayrollTaxNumber);
        }

        var rules = new RegimeComparison(parameters);
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
                staff, null, aggregates[lhnr].Attributions, agency > 0 ? new PaidHours(agency) : null,
                premium.TryGetValue(lhnr, out var p3) && p3.Item3 is { } bill ? new Euros(bill) : null);
            var quota = rules.Quotumregeling(e);
            var wba = rules.WetBanenafspraak2025(e with { Year = regimeYear });
            expected.Add(RegimeOracle.Outcome(lhnr, sector, quota, wba));
        }
        return expected;
    }

    /// <summary>The comparison's employers (in DuckDB) equal the expected outcomes one by one, and its totals their sums.</summary>
    private static void AssertEqualPerEmployer(List<EmployerRegimeOutcome> expected, NationalComparisonResult result)
    {
        Assert.NotNull(result.Employers);
        var got = result.Employers!.ToDictionary(x => x.PayrollTaxNumber);
        Assert.Equal(expected.Count, got.Count);
        foreach (var want in expected) Assert.Equal(want, got[want.PayrollTaxNumber]);
        Assert.Equal(RegimeOracle.Totals("totaal", expected), result.Total);
        foreach (var g in result.Groups)
            Assert.Equal(RegimeOracle.Totals(g.Group, expected.Where(x => x.Group == g.Group)), g);
    }

    [Fact]
    public void National_totals_equal_the_sum_of_the_rules_core_per_employer_outcomes()
    {
        WritePremium();
        var y = SmallYear.Year;
        var result = new NationalRegimeComparison(Activated).Run(new NationalComparisonOptions(data.Dir, y, RegimeYear, KeepEmployers: true));
        var expected = Expected(data.Dir, y, RegimeYear, Activated);
        AssertEqualPerEmployer(expected, result);

        var want = RegimeOracle.Totals("totaal", expected);
        // Every regime's element actually occurs in this data, so the equality above is not vacuous.
        Assert.True(want.Levy > 0 && want.Surcharge > 0 && want.Bonus > 0 && want.WageCostAdvantage > 0, want.ToString());
        Assert.True(want.SurchargeNotComputed > 0, "employers without a premium base that miss the quota");
        Assert.True(result.Groups.Single(g => g.Group == NationalRegimeComparison.Market).Levy == 0m, "no levy for the market sector");
        Assert.True(result.Groups.Single(g => g.Group == NationalRegimeComparison.Market).Surcharge > 0m, "the new law's surcharge reaches the market");
        Assert.Equal(want.Levy, data.Result.Employers!.Sum(x => x.Levy)); // same levy total as `landelijk`

        // Without the request the employers stay in DuckDB; the totals are the same.
        var lean = new NationalRegimeComparison(Activated).Run(new NationalComparisonOptions(data.Dir, y, RegimeYear));
        Assert.Null(lean.Employers);
        Assert.Equal(result.Total, lean.Total);
    }

    /// <summary>
    /// Data of 2025 (no government quota percentage that year): the quotumregeling is not computable for government
    /// employers above the threshold, and without a premium file the surcharge of employers missing the new law's quota is
    /// not computed; each employer's reason is the rules core's own Dutch text, in the result and in the file.
    /// </summary>
    [Fact]
    public void Reasons_are_the_rules_core_texts_per_employer()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bm-regimes-2025-" + Guid.NewGuid().ToString("N"));
        SyntheticDataGenerator.Generate(new SyntheticOptions(6_000, 150, 2025, Seed: 3), dir);
        try
        {
            var uit = Path.Combine(dir, "uit");
            var result = new NationalRegimeComparison(Activated).Run(new NationalComparisonOptions(dir, 2025, RegimeYear, uit, KeepEmployers: true));
            var expected = Expected(dir, 2025, RegimeYear, Activated);
            AssertEqualPerEmployer(expected, result);
            Assert.Contains(expected, x => !x.QuotaComputable && x.NotComputableReason!.Contains("quotumpercentage_overheid", StringComparison.Ordinal));
            Assert.Contains(expected, x => x.QuotaComputable && x.NotComputableReason == WetBanenafspraak2025Rules.SmallEmployerTestWithoutWageBill(RegimeYear));
            // Without a premium file no employer can pass the small-employer test, yet bonus and wage cost advantage are computed.
            Assert.Contains(expected, x => x.SurchargeNotComputed && x.Bonus > 0 && x.WageCostAdvantage > 0);
            AssertFileEqualsEmployers(Path.Combine(uit, "werkgevers_regimes.csv"), result.Employers!);
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>werkgevers_regimes.csv, written by DuckDB, holds exactly the employers' outcomes (in no particular order).</summary>
    private static void AssertFileEqualsEmployers(string path, IReadOnlyList<EmployerRegimeOutcome> employers)
    {
        var lines = File.ReadAllLines(path);
        Assert.Equal("loonheffingennummer,sector,groep,quotum_berekenbaar,onder_quotum,quotumtekort,quotumheffing,wba_berekenbaar,onder_wba_quotum,opslag_niet_berekend,inclusiviteitsopslag,banenafspraakbonus,loonkostenvoordeel,reden",
            lines[0]);
        static string Yn(bool b) => b ? "ja" : "nee";
        static string N(decimal v) => (v / 1.0000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var want = employers.OrderBy(e => e.PayrollTaxNumber, StringComparer.Ordinal).Select(e => new[] { e.PayrollTaxNumber, e.SectorCode, e.Group,
            Yn(e.QuotaComputable), Yn(e.QuotaSubject), N(e.Shortfall), N(e.Levy), Yn(e.WbaComputable), Yn(e.WbaSubject), Yn(e.SurchargeNotComputed),
            N(e.Surcharge), N(e.Bonus), N(e.WageCostAdvantage), e.NotComputableReason ?? "" });
        Assert.Equal(want, lines.Skip(1).Select(CsvFields).OrderBy(f => f[0], StringComparer.Ordinal));
    }

    /// <summary>The fields of one CSV line (RFC 4180: a quoted field may hold commas and doubled quotes).</summary>
    private static string[] CsvFields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch != '"') field.Append(ch);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(ch);
        }
        fields.Add(field.ToString());
        return [.. fields];
    }

    /// <summary>An error thrown inside the rules core's DuckDB function stops the run as itself, and nothing is written.</summary>
    [Fact]
    public void An_error_inside_the_function_surfaces_as_itself()
    {
        // A wage cost advantage per hour with ten decimals makes amounts the function cannot carry exactly: it refuses to round.
        var odd = Activated.WithOverride("lkv_banenafspraak_per_uur=2026:1.0123456789:test: te veel decimalen");
        var uit = Path.Combine(data.Dir, "uit-fout-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<InvalidOperationException>(() =>
            new NationalRegimeComparison(odd).Run(new NationalComparisonOptions(data.Dir, SmallYear.Year, RegimeYear, uit)));
        Assert.Contains("meer dan 8 decimalen", e.Message);
        Assert.False(File.Exists(Path.Combine(uit, "werkgevers_regimes.csv")));
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
        WritePremium(); // the explanation reads the employer's premium base too
        var id = data.Result.Employers!.First(x => x.Input.IsGovernment && !x.Exempt && x.Shortfall > 0).Input.PayrollTaxNumber;
        var uit = Path.Combine(data.Dir, "uit-regimes");
        var result = new NationalRegimeComparison(Activated).Run(new NationalComparisonOptions(data.Dir, SmallYear.Year, RegimeYear, uit, id, KeepEmployers: true));
        var x = result.Explanation!;
        Assert.Contains(x.Quotumregeling.Trace.Steps, s => s.Legal?.Contains("38", StringComparison.Ordinal) == true);
        Assert.Contains(x.WetBanenafspraak2025.Trace.Steps, s => s.Legal?.StartsWith("Wet banenafspraak art.", StringComparison.Ordinal) == true);
        Assert.Contains(x.Explanation, l => l.Contains("parameters van 2028", StringComparison.Ordinal));
        var row = result.Employers!.Single(e => e.PayrollTaxNumber == id);
        Assert.Equal(row.Levy, x.Quotumregeling.Payable.Value);
        Assert.Equal(RegimeOracle.Outcome(id, row.SectorCode, x.Quotumregeling, x.WetBanenafspraak2025), row);
        AssertFileEqualsEmployers(Path.Combine(uit, "werkgevers_regimes.csv"), result.Employers!);
        Assert.Contains("Twee regimes naast elkaar", File.ReadAllText(Path.Combine(uit, "samenvatting_regimes.txt")));
    }

    [Fact]
    public void Bad_premium_file_names_file_row_and_column()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bm-regimes-bad-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.GetFiles(data.Dir, "*.parquet").Where(f => !f.EndsWith("premieloon.parquet", StringComparison.Ordinal)))
            File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        File.WriteAllText(Path.Combine(dir, "premieloon.csv"), "loonheffingennummer,premieloon,premieloon_uitgezonderd,premieloon_t_min_2\nX1,100.00,0,90\nX2,-5,0,\n");
        var e = Assert.Throws<AnalyticsInputException>(() => new NationalRegimeComparison(ParameterSet.Embedded).Run(new NationalComparisonOptions(dir, SmallYear.Year)));
        Assert.Contains("premieloon, rij 3, kolom premieloon", e.Message);
        Directory.Delete(dir, true);
    }
}
