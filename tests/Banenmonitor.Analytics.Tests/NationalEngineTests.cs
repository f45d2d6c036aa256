using Banenmonitor.Analytics;
using Banenmonitor.Analytics.Synthetic;
using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Rules.Units;
using DuckDB.NET.Data;

namespace Banenmonitor.Analytics.Tests;

/// <summary>One small synthetic year shared by the tests (generated once, a few seconds).</summary>
public sealed class SmallYear : IDisposable
{
    public const int Year = 2023;
    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "bm-analytics-test-" + Guid.NewGuid().ToString("N"));
    public NationalRunResult Result { get; }

    public SmallYear()
    {
        SyntheticDataGenerator.Generate(new SyntheticOptions(40_000, 900, Year, Seed: 11), Dir);
        Result = new NationalEngine(ParameterSet.Embedded).Run(new NationalRunOptions(Dir, Year, Path.Combine(Dir, "uit"), KeepEmployers: true));
    }

    public void Dispose() { try { Directory.Delete(Dir, true); } catch (IOException) { } }

    /// <summary>The same year as CSV files in a new temporary folder (the caller deletes it).</summary>
    public string CopyAsCsv()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bm-analytics-ascsv-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        foreach (var f in Directory.GetFiles(Dir, "*.parquet"))
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"COPY (SELECT * FROM read_parquet('{f}')) TO '{Path.Combine(dir, Path.GetFileNameWithoutExtension(f) + ".csv")}' (HEADER true)";
            cmd.ExecuteNonQuery();
        }
        return dir;
    }
}

public sealed class NationalEngineTests(SmallYear data) : IClassFixture<SmallYear>
{
    private sealed record Row(string Lhnr, long Person, DateOnly Begin, DateOnly End, decimal Hours, string Form);
    private sealed record Reg(long Person, DateOnly Begin, DateOnly? End);
    private sealed record Att(string Lender, string Hirer, long Person, decimal Hours, DateOnly Agreed);

    private static List<T> Read<T>(string file, Func<DuckDBDataReader, T> map)
    {
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT * FROM read_parquet('{file}')";
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(map(r));
        return list;
    }

    private static DateOnly D(DuckDBDataReader r, int i) => DateOnly.FromDateTime(r.GetDateTime(i));

    /// <summary>
    /// Independent plain-C# aggregation of the raw files (period rule, agency hours, attributions with cap and deadline),
    /// fed to the rules core; the engine's numbers must equal it for a random sample of employers, to the cent and 0.1 job.
    /// </summary>
    [Fact]
    public void Engine_equals_rules_core_for_sampled_employers()
    {
        var p = ParameterSet.Embedded;
        var y = SmallYear.Year;
        var rows = Read(Path.Combine(data.Dir, "verloning.parquet"), r => new Row(r.GetString(0), r.GetInt64(1), D(r, 2), D(r, 3), r.GetDecimal(4), r.GetString(5)));
        var regs = Read(Path.Combine(data.Dir, "doelgroepregister.parquet"), r => new Reg(r.GetInt64(0), D(r, 1), r.IsDBNull(2) ? null : D(r, 2)))
            .ToLookup(x => x.Person);
        var atts = Read(Path.Combine(data.Dir, "toerekeningen.parquet"), r => new Att(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetDecimal(3), D(r, 4)));
        var prev = Read(Path.Combine(data.Dir, "vorig_jaar.parquet"), r => (r.GetString(0), r.GetDecimal(1))).ToDictionary(x => x.Item1, x => x.Item2);
        var sectors = Read(Path.Combine(data.Dir, "werkgevers.parquet"), r => (r.GetString(0), r.GetString(1))).ToDictionary(x => x.Item1, x => x.Item2);

        // Wfsv 38g lid 8: registered at any moment of the period → the whole period counts.
        bool Registered(Row x) => regs[x.Person].Any(g => g.Begin <= x.End && (g.End is null || g.End >= x.Begin));
        var byEmployer = rows.ToLookup(x => x.Lhnr);
        var personHours = rows.Where(Registered).GroupBy(x => (x.Lhnr, x.Person)).ToDictionary(g => g.Key, g => g.Sum(x => x.Hours));

        Assert.Contains(data.Result.Employers!, e => e.Input.IsGovernment && !e.Exempt && e.Shortfall > 0);
        Assert.Contains(data.Result.Employers!, e => e.Input.Attributions.Count > 0 && e.Input.IsGovernment && !e.Exempt);
        var rng = new Random(5);
        var sample = data.Result.Employers!.OrderBy(_ => rng.Next()).Take(60)
            .Concat(data.Result.Employers!.Where(e => e.Input.IsGovernment && e.Input.Attributions.Count > 0).Take(20))
            .Concat(data.Result.Employers!.Where(e => e.Input.AgencyStaffHours > 0).Take(5)).ToList();
        var calc = new QuotaCalculator(p);
        foreach (var e in sample)
        {
            var mine = byEmployer[e.Input.PayrollTaxNumber].ToList();
            var a = mine.Sum(x => x.Hours);
            var agency = mine.Where(x => x.Form == "uitzending").Sum(x => x.Hours);
            var c = mine.Where(Registered).Sum(x => x.Hours);
            var list = new List<HiredInAttribution>();
            foreach (var t in atts.Where(t => t.Hirer == e.Input.PayrollTaxNumber).OrderBy(t => t.Person))
                list.Add(new("persoon " + t.Person, AttributionSide.Hirer, new(t.Hours), new(personHours.GetValueOrDefault((t.Lender, t.Person))), t.Agreed));
            foreach (var t in atts.Where(t => t.Lender == e.Input.PayrollTaxNumber).OrderBy(t => t.Person))
                list.Add(new("persoon " + t.Person, AttributionSide.Lender, new(t.Hours), new(personHours.GetValueOrDefault((t.Lender, t.Person))), t.Agreed));
            var input = new QuotaInput(y, new(a), new(c), new(prev.GetValueOrDefault(e.Input.PayrollTaxNumber)), list,
                agency > 0 ? new(agency) : null, NationalEngine.IsGovernmentSector(sectors[e.Input.PayrollTaxNumber]));
            var expected = calc.Compute(input);
            var id = e.Input.PayrollTaxNumber;
            Assert.True(expected.TotalPaidHours.Value == e.A, $"{id}: A {e.A} ≠ {expected.TotalPaidHours.Value}");
            Assert.True(expected.Levy.Value == e.Levy, $"{id}: heffing {e.Levy} ≠ {expected.Levy.Value}");
            Assert.True(expected.Shortfall.Value == e.Shortfall, $"{id}: tekort {e.Shortfall} ≠ {expected.Shortfall.Value}");
            Assert.True(expected.RealisedJobs.Value == e.RealisedJobs, $"{id}: gerealiseerd");
            Assert.Equal(expected.RequiredJobs?.Value, e.RequiredJobs);
            Assert.Equal(expected.Exempt, e.Exempt);
        }
    }

    [Fact]
    public void Explanation_is_the_rules_core_trace_of_the_employer()
    {
        var e = data.Result.Employers!.First(x => x.Input.IsGovernment && !x.Exempt && x.Input.Attributions.Count > 0);
        var run = new NationalEngine(ParameterSet.Embedded).Run(new NationalRunOptions(data.Dir, SmallYear.Year, ExplainEmployer: e.Input.PayrollTaxNumber));
        var direct = new QuotaCalculator(ParameterSet.Embedded).Compute(e.Input.ToQuotaInput(SmallYear.Year));
        Assert.Equal(direct.Trace.ToText(), run.Explanation!.Trace.ToText());
        Assert.Contains(run.Explanation.Trace.Steps, s => s.Description.Contains("geleende werknemer", StringComparison.Ordinal));
        Assert.Equal(e.Levy, run.Explanation.Levy.Value);
    }

    /// <summary>
    /// The rules core runs inside DuckDB; its outcomes reach the summary totals and the .NET list by different routes
    /// (SQL sums over the outcome table, and the table read back per employer), which must agree.
    /// </summary>
    [Fact]
    public void Overview_file_and_list_hold_the_same_outcomes()
    {
        var list = data.Result.Employers!;
        var liable = list.Where(e => e.Input.IsGovernment && !e.Exempt).ToList();
        var q = data.Result.Quota;
        Assert.Equal(list.Count, q.Employers);
        Assert.Equal(list.Count(e => e.Input.IsGovernment), q.Government);
        Assert.Equal(liable.Count, q.Liable);
        Assert.Equal(liable.Count(e => e.Shortfall > 0), q.WithShortfall);
        Assert.Equal(liable.Sum(e => e.RequiredJobs ?? 0), q.RequiredJobs);
        Assert.Equal(liable.Sum(e => e.RealisedJobs), q.RealisedJobs);
        Assert.Equal(liable.Sum(e => e.Shortfall), q.Shortfall);
        Assert.Equal(liable.Sum(e => e.Levy), q.Levy);
        Assert.True(q.Levy > 0 && q.LargestLevies.Count == 5);
        Assert.Equal(liable.OrderByDescending(e => e.Levy).ThenBy(e => e.Input.PayrollTaxNumber, StringComparer.Ordinal).Take(5)
            .Select(e => (e.Input.PayrollTaxNumber, e.Levy)), q.LargestLevies.Select(l => (l.PayrollTaxNumber, l.Levy)));

    }

    /// <summary>A parameter the rules core needs but the year lacks stops the run with the rules core's own Dutch message.</summary>
    [Fact]
    public void A_missing_parameter_inside_the_rules_core_stops_the_run_with_its_message()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bm-analytics-2025-" + Guid.NewGuid().ToString("N"));
        SyntheticDataGenerator.Generate(new SyntheticOptions(6_000, 150, 2025, Seed: 3), dir);
        try
        {
            var e = Assert.Throws<MissingParameterException>(() =>
                new NationalEngine(ParameterSet.Embedded).Run(new NationalRunOptions(dir, 2025, Path.Combine(dir, "uit"))));
            Assert.Contains("quotumpercentage_overheid", e.Message);
            Assert.False(File.Exists(Path.Combine(dir, "uit", "werkgevers_quotum.parquet")));
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>
    /// The warm-up (run only for large inputs, so no other test reaches it) runs the rules core's DuckDB functions round
    /// after round until told to stop, and a year the rules core cannot compute ends it quietly: the real run reports that.
    /// </summary>
    [Fact]
    public async Task The_warm_up_runs_the_functions_until_stopped_and_fails_quietly()
    {
        var engine = new NationalEngine(ParameterSet.Embedded);
        using (var stop = new ManualResetEventSlim())
        {
            var warm = Task.Run(() => engine.WarmUp(2023, stop));
            await Task.Delay(400);
            stop.Set();
            Assert.InRange(await warm, 1, 10);
        }
        using (var stop = new ManualResetEventSlim())
            Assert.Equal(0, engine.WarmUp(2025, stop)); // no quota percentage for 2025
    }

    [Fact]
    public void Outputs_are_written_and_measurement_adds_up()
    {
        var uit = Path.Combine(data.Dir, "uit");
        Assert.True(File.Exists(Path.Combine(uit, "werkgevers_quotum.parquet")));
        var text = File.ReadAllText(Path.Combine(uit, "samenvatting.txt"));
        Assert.Contains("Landelijke meting", text);
        var summary = NationalSummary.Build(ParameterSet.Embedded, data.Result);
        Assert.Equal(summary.Jobs, summary.FormalMarket + summary.FormalGovernment + summary.HiredIn);
        Assert.True(summary.Persons > 0 && summary.Jobs > 0);
        // 8% of jobs are second jobs: persons ≤ person×employer relations.
        Assert.True(data.Result.PersonsWorking <= data.Result.Measurement.Sum(m => m.Relations));
    }

    private static string Csvs(Action<string> write)
    {
        var dir = Path.Combine(Path.GetTempPath(), "bm-analytics-csv-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "werkgevers.csv"), "loonheffingennummer,sector,uitlenertype\n111111111L01,64,geen\n");
        File.WriteAllText(Path.Combine(dir, "doelgroepregister.csv"), "persoon,begindatum,einddatum\n1,2023-03-15,2023-06-03\n");
        write(dir);
        return dir;
    }

    /// <summary>Replaces verloning.csv by verloning.parquet (the engine reads Parquet twice and CSV once: both are tested).</summary>
    private static void PayrollToParquet(string dir)
    {
        var csv = Path.Combine(dir, "verloning.csv");
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"COPY (SELECT * FROM read_csv('{csv}', types = {{'uren': 'DECIMAL(9,2)'}})) TO '{Path.Combine(dir, "verloning.parquet")}' (FORMAT parquet)";
        cmd.ExecuteNonQuery();
        File.Delete(csv);
    }

    /// <summary>
    /// CSV is read in one pass, Parquet in two (totals, then the rows of registered persons): the same year as CSV gives
    /// the same outcome for every employer, the same measurement and the same counts.
    /// </summary>
    [Fact]
    public void Csv_input_gives_the_same_outcomes_as_parquet()
    {
        var dir = data.CopyAsCsv();
        try
        {
            var csv = new NationalEngine(ParameterSet.Embedded).Run(new NationalRunOptions(dir, SmallYear.Year, KeepEmployers: true));
            static object Key(EmployerQuota e) => (e.Input.PayrollTaxNumber, e.Input.TotalPaidHours, e.Input.AgencyStaffHours,
                e.Input.TargetGroupHours, e.Input.Attributions.Count, e.A, e.RequiredJobs, e.RealisedJobs, e.Shortfall, e.Levy, e.Exempt);
            Assert.Equal(data.Result.Employers!.OrderBy(e => e.Input.PayrollTaxNumber, StringComparer.Ordinal).Select(Key),
                csv.Employers!.OrderBy(e => e.Input.PayrollTaxNumber, StringComparer.Ordinal).Select(Key));
            Assert.True(data.Result.Employers!.Sum(e => e.Input.TargetGroupHours) > 0);
            Assert.Equal(data.Result.Measurement, csv.Measurement);
            Assert.Equal(data.Result.PersonsWorking, csv.PersonsWorking);
            Assert.Equal(data.Result.PayrollRows, csv.PayrollRows);
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>The rows processed are the payroll rows of the year (here read from the Parquet statistics).</summary>
    [Fact]
    public void Payroll_rows_are_the_rows_of_the_year()
    {
        var inYear = Read(Path.Combine(data.Dir, "verloning.parquet"), r => r.GetDateTime(2))
            .Count(d => d.Year == SmallYear.Year);
        Assert.Equal(inYear, data.Result.PayrollRows);
    }

    /// <summary>
    /// Rows of another year are not counted, whether the input is Parquet (statistics then do not cover the year, so the
    /// pass counts) or CSV (always counted in the pass).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Payroll_rows_of_another_year_are_not_counted(bool parquet)
    {
        var dir = Csvs(d =>
        {
            var csv = Path.Combine(d, "verloning.csv");
            File.WriteAllText(csv, "loonheffingennummer,persoon,periode_begin,periode_einde,uren,vorm\n" +
                "111111111L01,1,2022-12-01,2022-12-31,10,dienstverband\n111111111L01,1,2023-01-01,2023-01-31,10,dienstverband\n" +
                "111111111L01,2,2023-02-01,2023-02-28,8,dienstverband\n");
            if (parquet) PayrollToParquet(d);
        });
        var result = new NationalEngine(ParameterSet.Embedded).Run(new NationalRunOptions(dir, 2023, KeepEmployers: true));
        Assert.Equal(2, result.PayrollRows);
        Assert.Equal(10m + 8m, Assert.Single(result.Employers!).Input.TotalPaidHours); // the December 2022 row is not in 2023
        Directory.Delete(dir, true);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Period_rule_counts_whole_months_of_registration(bool parquet)
    {
        var dir = Csvs(d =>
        {
            var lines = new List<string> { "loonheffingennummer,persoon,periode_begin,periode_einde,uren,vorm" };
            for (var m = 1; m <= 12; m++)
            {
                var begin = new DateOnly(2023, m, 1);
                lines.Add($"111111111L01,1,{begin:yyyy-MM-dd},{begin.AddMonths(1).AddDays(-1):yyyy-MM-dd},100.25,dienstverband");
                lines.Add($"111111111L01,2,{begin:yyyy-MM-dd},{begin.AddMonths(1).AddDays(-1):yyyy-MM-dd},4000,dienstverband");
            }
            File.WriteAllText(Path.Combine(d, "verloning.csv"), string.Join('\n', lines) + "\n");
            if (parquet) PayrollToParquet(d);
        });
        var r = new NationalEngine(ParameterSet.Embedded).Run(new NationalRunOptions(dir, 2023, KeepEmployers: true));
        var e = Assert.Single(r.Employers!);
        Assert.Equal(4 * 100.25m, e.Input.TargetGroupHours); // March (from the 15th), April, May, June (until the 3rd)
        Assert.Equal(12 * 4100.25m, e.Input.TotalPaidHours);
        Assert.Null(e.Input.TotalPaidHoursPreviousYear);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Period_rule_with_two_registrations_skips_periods_inside_the_gap(bool parquet)
    {
        // Registered 10 Jan – 5 Feb and again from 20 Jun; four-weekly periods (not calendar months) of 10 hours.
        var dir = Csvs(d =>
        {
            File.WriteAllText(Path.Combine(d, "doelgroepregister.csv"),
                "persoon,begindatum,einddatum\n7,2023-01-10,2023-02-05\n7,2023-06-20,\n8,2022-01-01,2022-12-31\n");
            var lines = new List<string> { "loonheffingennummer,persoon,periode_begin,periode_einde,uren,vorm" };
            for (var begin = new DateOnly(2023, 1, 2); begin.Year == 2023; begin = begin.AddDays(28))
            {
                lines.Add($"111111111L01,7,{begin:yyyy-MM-dd},{begin.AddDays(27):yyyy-MM-dd},10,dienstverband");
                lines.Add($"111111111L01,8,{begin:yyyy-MM-dd},{begin.AddDays(27):yyyy-MM-dd},1000,dienstverband");
            }
            File.WriteAllText(Path.Combine(d, "verloning.csv"), string.Join('\n', lines) + "\n");
            if (parquet) PayrollToParquet(d);
        });
        var e = Assert.Single(new NationalEngine(ParameterSet.Embedded).Run(new NationalRunOptions(dir, 2023, KeepEmployers: true)).Employers!);
        // Periods start 2 Jan + 28k days (13 in 2023). Counted: 2–29 Jan, 30 Jan–26 Feb (registered until 5 Feb), then
        // every period ending on or after 20 Jun: 19 Jun–16 Jul, …, 4–31 Dec (7). Inside the gap: 27 Feb … 22 May–18 Jun (4).
        var periods = Enumerable.Range(0, 14).Select(k => new DateOnly(2023, 1, 2).AddDays(28 * k)).Where(b => b.Year == 2023).ToList();
        var counted = periods.Count(b => b.AddDays(27) >= new DateOnly(2023, 1, 10) && b <= new DateOnly(2023, 2, 5) || b.AddDays(27) >= new DateOnly(2023, 6, 20));
        Assert.Equal(9, counted);
        Assert.Equal(counted * 10m, e.Input.TargetGroupHours);
        Assert.Equal(periods.Count * 1010m, e.Input.TotalPaidHours);
    }

    [Fact]
    public void Written_quota_file_equals_the_results_for_every_employer()
    {
        var rows = Read(Path.Combine(data.Dir, "uit", "werkgevers_quotum.parquet"), r => (Lhnr: r.GetString(0), A: r.GetDecimal(8),
            Required: r.IsDBNull(9) ? (decimal?)null : r.GetDecimal(9), Realised: r.GetDecimal(10), Shortfall: r.GetDecimal(11),
            Levy: r.GetDecimal(12), Exempt: r.GetBoolean(13), C: r.GetDecimal(5), Attributions: r.GetInt32(7)));
        Assert.Equal(data.Result.Employers!.Count, rows.Count);
        var byId = data.Result.Employers!.ToDictionary(e => e.Input.PayrollTaxNumber);
        foreach (var x in rows)
        {
            var e = byId[x.Lhnr];
            Assert.Equal((e.A, e.RequiredJobs, e.RealisedJobs, e.Shortfall, e.Levy, e.Exempt, e.Input.TargetGroupHours, e.Input.Attributions.Count),
                (x.A, x.Required, x.Realised, x.Shortfall, x.Levy, x.Exempt, x.C, x.Attributions));
        }
    }

    /// <summary>A bad payroll row (the file's third line) is reported with file, row and column, and nothing is written.</summary>
    [Theory]
    [InlineData("111111111L01,1,2023-02-01,2023-02-28,3,stage", "vorm")]
    [InlineData("111111111L01,1,2023-02-01,2023-02-28,-3,dienstverband", "uren")]
    [InlineData("111111111L01,1,,2023-02-28,3,dienstverband", "periode_begin")] // in no year: reported, not dropped
    public void Bad_row_is_reported_with_file_row_and_column_and_nothing_written(string row, string column)
    {
        var dir = Csvs(d => File.WriteAllText(Path.Combine(d, "verloning.csv"),
            "loonheffingennummer,persoon,periode_begin,periode_einde,uren,vorm\n" +
            "111111111L01,1,2023-01-01,2023-01-31,10,dienstverband\n" + row + "\n"));
        var uit = Path.Combine(dir, "uit");
        var ex = Assert.Throws<AnalyticsInputException>(() => new NationalEngine(ParameterSet.Embedded).Run(new NationalRunOptions(dir, 2023, uit)));
        Assert.Contains($"verloning, rij 3, kolom {column}", ex.Message);
        Assert.False(Directory.Exists(uit));
    }

    [Fact]
    public void Duplicate_employer_is_reported_with_row()
    {
        var dir = Csvs(d => File.WriteAllText(Path.Combine(d, "verloning.csv"),
            "loonheffingennummer,persoon,periode_begin,periode_einde,uren,vorm\n111111111L01,1,2023-01-01,2023-01-31,10,dienstverband\n"));
        File.AppendAllText(Path.Combine(dir, "werkgevers.csv"), "222222222L01,markt,geen\n111111111L01,markt,geen\n");
        var ex = Assert.Throws<AnalyticsInputException>(() => new NationalEngine(ParameterSet.Embedded).Run(new NationalRunOptions(dir, 2023)));
        Assert.Contains("werkgevers, rij", ex.Message);
        Assert.Contains("111111111L01 komt meer dan eens voor", ex.Message);
    }

    [Theory]
    [InlineData("-2.5", "uren")] // statistics show a negative minimum
    [InlineData("NULL", "uren")] // statistics show a NULL
    [InlineData("10", "periode_einde")] // statistics are clean; the period order is checked per row
    [InlineData("10", "periode_begin")] // statistics show a NULL start: the row is in no year, but reported, not dropped
    public void Bad_parquet_row_is_reported_whether_or_not_statistics_show_it(string hours, string column)
    {
        var dir = Csvs(d =>
        {
            using var db = new DuckDBConnection("DataSource=:memory:");
            db.Open();
            using var cmd = db.CreateCommand();
            var end = column == "periode_einde" ? "DATE '2022-12-31'" : "DATE '2023-02-28'";
            var begin = column == "periode_begin" ? "NULL::DATE" : "DATE '2023-02-01'";
            cmd.CommandText = $"""
                COPY (SELECT * FROM (VALUES
                  ('111111111L01', 1::BIGINT, DATE '2023-01-01', DATE '2023-01-31', 10::DECIMAL(9,2), 'dienstverband'),
                  ('111111111L01', 1::BIGINT, {begin}, {end}, {hours}::DECIMAL(9,2), 'dienstverband'))
                  t(loonheffingennummer, persoon, periode_begin, periode_einde, uren, vorm))
                TO '{Path.Combine(d, "verloning.parquet")}' (FORMAT parquet)
                """;
            cmd.ExecuteNonQuery();
        });
        var ex = Assert.Throws<AnalyticsInputException>(() => new NationalEngine(ParameterSet.Embedded).Run(new NationalRunOptions(dir, 2023)));
        Assert.Contains($"verloning, rij 3, kolom {column}", ex.Message);
    }

    [Fact]
    public void Hours_with_more_than_four_decimals_are_refused()
    {
        var dir = Csvs(d =>
        {
            using var db = new DuckDBConnection("DataSource=:memory:");
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"""
                COPY (SELECT '111111111L01' AS loonheffingennummer, 1::BIGINT AS persoon, DATE '2023-01-01' AS periode_begin,
                  DATE '2023-01-31' AS periode_einde, 10.00001::DECIMAL(18,5) AS uren, 'dienstverband' AS vorm)
                TO '{Path.Combine(d, "verloning.parquet")}' (FORMAT parquet)
                """;
            cmd.ExecuteNonQuery();
        });
        var ex = Assert.Throws<AnalyticsInputException>(() => new NationalEngine(ParameterSet.Embedded).Run(new NationalRunOptions(dir, 2023)));
        Assert.Contains("verloning.parquet: kolom 'uren' heeft meer dan 4 decimalen", ex.Message);
    }

    [Fact]
    public void Generator_is_deterministic_per_seed()
    {
        string Checksum(string dir)
        {
            using var db = new DuckDBConnection("DataSource=:memory:");
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"SELECT sum(hash(loonheffingennummer, persoon, periode_begin, uren, vorm)::HUGEINT)::VARCHAR FROM read_parquet('{dir}/verloning.parquet')";
            return (string)cmd.ExecuteScalar()!;
        }
        var a = Path.Combine(Path.GetTempPath(), "bm-det-" + Guid.NewGuid().ToString("N"));
        var b = Path.Combine(Path.GetTempPath(), "bm-det-" + Guid.NewGuid().ToString("N"));
        SyntheticDataGenerator.Generate(new SyntheticOptions(3000, 80, 2023, 4), a);
        SyntheticDataGenerator.Generate(new SyntheticOptions(3000, 80, 2023, 4), b);
        Assert.Equal(Checksum(a), Checksum(b));
        var c = Path.Combine(Path.GetTempPath(), "bm-det-" + Guid.NewGuid().ToString("N"));
        SyntheticDataGenerator.Generate(new SyntheticOptions(3000, 80, 2023, 5), c);
        Assert.NotEqual(Checksum(a), Checksum(c));
        foreach (var d in new[] { a, b, c }) Directory.Delete(d, true);
    }
}
