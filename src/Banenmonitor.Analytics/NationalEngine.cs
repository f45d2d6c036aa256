using System.Diagnostics;
using System.Globalization;
using Banenmonitor.Analytics.Synthetic;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Quota;
using DuckDB.NET.Data;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Analytics;

/// <summary>
/// Per-employer inputs of the quota, aggregated from the payroll records (reusable by other computations, e.g. the
/// regimes side by side): total paid hours, agency staff hours, target-group hours under the register's period rule,
/// previous-year A, sector and lender type, and the hired-in attributions (hirer side first, then lender side).
/// </summary>
public sealed record EmployerAggregate(
    string PayrollTaxNumber,
    string SectorCode,
    string LenderType,
    decimal TotalPaidHours,
    decimal AgencyStaffHours,
    decimal TargetGroupHours,
    decimal? TotalPaidHoursPreviousYear,
    IReadOnlyList<HiredInAttribution> Attributions)
{
    /// <summary>Government employers are those in sector codes 61–66 (Regeling Wfsv art. 3.27); 67 and market are not.</summary>
    public bool IsGovernment => NationalEngine.IsGovernmentSector(SectorCode);

    /// <summary>The rules core's input for this employer.</summary>
    public QuotaInput ToQuotaInput(int year) => new(year, new(TotalPaidHours), new(TargetGroupHours),
        TotalPaidHoursPreviousYear is { } p ? new(p) : null, Attributions,
        AgencyStaffHours > 0 ? new(AgencyStaffHours) : null, IsGovernment);
}

/// <summary>Quota outcome of one employer (the fields of <see cref="QuotaResult"/> without the trace).</summary>
public sealed record EmployerQuota(
    EmployerAggregate Input,
    decimal A,
    decimal? RequiredJobs,
    decimal RealisedJobs,
    decimal Shortfall,
    decimal Levy,
    bool Exempt);

/// <summary>Target-group jobs at the end of the year for one sector code and form.</summary>
public sealed record MeasurementRow(string SectorCode, string Form, decimal HoursLastMonth, long Persons, long Relations);

/// <summary>Options of a national run.</summary>
public sealed record NationalRunOptions(string InputDir, int Year, string? OutputDir = null, string? ExplainEmployer = null,
    string? MemoryLimit = null, int? Threads = null, bool Csv = false);

/// <summary>Everything a national run produced.</summary>
public sealed record NationalRunResult(
    int Year,
    long PayrollRows,
    IReadOnlyList<EmployerQuota> Employers,
    IReadOnlyList<MeasurementRow> Measurement,
    long PersonsWorking,
    QuotaResult? Explanation,
    IReadOnlyDictionary<string, TimeSpan> Timings);

/// <summary>
/// The national computation on DuckDB: one streaming pass over the year's payroll records aggregates per employer,
/// form and target-group person; the per-employer quota is then computed by the rules core's
/// <see cref="QuotaCalculator"/> itself, so every employer's numbers and trace are exactly the rules core's.
/// Legal values (period of the year, attribution deadline, hours per job) come from the <see cref="ParameterSet"/>
/// and are passed into SQL as parameters.
/// </summary>
public sealed class NationalEngine(ParameterSet parameters)
{
    public static readonly string[] Forms = ["dienstverband", "uitzending", "detachering", "payroll"];
    public static readonly string[] LenderTypes = ["geen", "uitzendbureau", "sw-bedrijf"];

    public static bool IsGovernmentSector(string code) => code is "61" or "62" or "63" or "64" or "65" or "66";

    /// <summary>Formal employment at a sheltered-employment company (sector 67) is not a regular job; Wsw workers count only while lent out.</summary>
    public static bool CountsNationally(string sectorCode, string form) => !(sectorCode == "67" && form == "dienstverband");

    public static bool IsHiredInForm(string form) => form is "uitzending" or "detachering";

    private readonly List<string> _log = [];

    public static DuckDBConnection Open(string? memoryLimit, int? threads)
    {
        var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        var tmp = Path.Combine(Path.GetTempPath(), "banenmonitor-duckdb-" + Environment.ProcessId);
        Sql.Exec(db, $"SET temp_directory = '{Sql.Escape(tmp)}'");
        Sql.Exec(db, "SET preserve_insertion_order = false");
        if (memoryLimit is not null) Sql.Exec(db, $"SET memory_limit = '{Sql.Escape(memoryLimit)}'");
        if (threads is { } t) Sql.Exec(db, $"SET threads = {t}");
        return db;
    }

    /// <summary>SQL parameters derived from the parameter set for the year.</summary>
    public Dictionary<string, object?> SqlParameters(int year)
    {
        var month = (int)parameters.Get(P.AttributionDeadlineMonth, year).Required;
        var day = (int)parameters.Get(P.AttributionDeadlineDay, year).Required;
        return new()
        {
            ["jaarbegin"] = new DateTime(year, 1, 1),
            ["jaareinde"] = new DateTime(year, 12, 31),
            ["laatstemaand"] = new DateTime(year, 12, 1),
            ["uiterstedatum"] = new DateTime(year + 1, month, day),
        };
    }

    /// <summary>Opens the input views, validating the files (Dutch errors naming file, row and column).</summary>
    public static bool CreateInputViews(DuckDBConnection db, string inputDir)
    {
        if (!Directory.Exists(inputDir)) throw new AnalyticsInputException($"Invoermap {inputDir} bestaat niet.");
        foreach (var t in new[] { InputFiles.Employers, InputFiles.Payroll, InputFiles.Register })
        {
            var path = InputFiles.Find(inputDir, t)
                ?? throw new AnalyticsInputException($"In {inputDir} ontbreekt {t}.parquet (of {t}.csv).");
            InputFiles.CreateView(db, t, path);
        }
        var att = InputFiles.Find(inputDir, InputFiles.Attributions);
        if (att is not null) InputFiles.CreateView(db, InputFiles.Attributions, att);
        else Sql.Exec(db, "CREATE OR REPLACE VIEW toerekeningen AS SELECT NULL::VARCHAR AS uitlener, NULL::VARCHAR AS inlener, NULL::BIGINT AS persoon, NULL::DECIMAL(18,4) AS uren, NULL::DATE AS overeengekomen_op WHERE false");
        var prev = InputFiles.Find(inputDir, InputFiles.PreviousYear);
        if (prev is not null) InputFiles.CreateView(db, InputFiles.PreviousYear, prev);
        return prev is not null;
    }

    /// <summary>
    /// The heavy part: register intervals per person, then one pass over the payroll records grouped by employer, form,
    /// target-group person (NULL when not registered in that period) and whether the period is the year's last month.
    /// Leaves temporary tables <c>reg_persoon</c> and <c>uren_agg</c>.
    /// </summary>
    public const string AggregateSql = """
        CREATE OR REPLACE TEMP TABLE reg_persoon AS
        SELECT persoon, list({'b': begindatum, 'e': coalesce(einddatum, DATE '9999-12-31')}) AS iv
        FROM doelgroepregister
        WHERE begindatum <= $jaareinde AND (einddatum IS NULL OR einddatum >= $jaarbegin)
        GROUP BY persoon;
        CREATE OR REPLACE TEMP TABLE uren_agg AS
        SELECT v.loonheffingennummer AS lhnr, v.vorm,
          CASE WHEN r.iv IS NOT NULL
                AND len(list_filter(r.iv, x -> x.b <= v.periode_einde AND x.e >= v.periode_begin)) > 0
               THEN v.persoon END AS dg_persoon,
          v.periode_begin >= $laatstemaand AS eind,
          sum(v.uren) AS uren,
          count(*) AS regels,
          count(*) FILTER (v.uren IS NULL OR v.uren < 0 OR v.vorm IS NULL
                           OR v.vorm NOT IN ('dienstverband', 'uitzending', 'detachering', 'payroll')
                           OR v.periode_einde IS NULL OR v.periode_einde < v.periode_begin
                           OR v.persoon IS NULL OR v.loonheffingennummer IS NULL) AS fout
        FROM verloning v LEFT JOIN reg_persoon r ON v.persoon = r.persoon
        WHERE v.periode_begin BETWEEN $jaarbegin AND $jaareinde
        GROUP BY ALL;
        """;

    private const string EmployerSql = """
        WITH a AS (
          SELECT lhnr, sum(uren) AS verloonde_uren,
            coalesce(sum(uren) FILTER (vorm = 'uitzending'), 0) AS uren_uitzendkrachten,
            coalesce(sum(uren) FILTER (dg_persoon IS NOT NULL), 0) AS uren_doelgroep
          FROM uren_agg GROUP BY lhnr)
        SELECT w.loonheffingennummer, w.sector, w.uitlenertype,
          coalesce(a.verloonde_uren, 0) AS verloonde_uren, coalesce(a.uren_uitzendkrachten, 0) AS uren_uitzendkrachten,
          coalesce(a.uren_doelgroep, 0) AS uren_doelgroep, {0} AS verloonde_uren_vorig_jaar
        FROM werkgevers w LEFT JOIN a ON a.lhnr = w.loonheffingennummer {1}
        """;

    private const string AttributionSql = """
        WITH ph AS (SELECT lhnr, dg_persoon AS persoon, sum(uren) AS uren FROM uren_agg WHERE dg_persoon IS NOT NULL GROUP BY ALL)
        SELECT t.uitlener, t.inlener, t.persoon, t.uren, coalesce(ph.uren, 0) AS uren_persoon, t.overeengekomen_op
        FROM toerekeningen t LEFT JOIN ph ON ph.lhnr = t.uitlener AND ph.persoon = t.persoon
        """;

    private const string MeasurementSql = """
        SELECT w.sector, a.vorm, sum(a.uren) AS uren, count(DISTINCT a.dg_persoon) AS personen, count(*) AS relaties
        FROM uren_agg a JOIN werkgevers w ON a.lhnr = w.loonheffingennummer
        WHERE a.dg_persoon IS NOT NULL AND a.eind
        GROUP BY ALL ORDER BY ALL
        """;

    /// <summary>
    /// Per-employer aggregation (the reusable part): runs the payroll pass and returns every employer's quota inputs.
    /// The connection keeps <c>uren_agg</c> for further queries.
    /// </summary>
    public IReadOnlyList<EmployerAggregate> AggregateEmployers(DuckDBConnection db, int year, bool hasPreviousYear,
        Action<string>? step = null)
    {
        var ps = SqlParameters(year);
        step?.Invoke("verloning lezen en optellen per werkgever");
        Sql.Exec(db, AggregateSql, ps);
        ValidatePayroll(db);
        step?.Invoke("werkgevers en toerekeningen");
        var attributions = ReadAttributions(db, year);
        var sql = string.Format(CultureInfo.InvariantCulture, EmployerSql,
            hasPreviousYear ? "coalesce(p.verloonde_uren, 0)" : "NULL::DECIMAL(18,4)",
            hasPreviousYear ? "LEFT JOIN vorig_jaar p ON p.loonheffingennummer = w.loonheffingennummer" : "");
        var list = new List<EmployerAggregate>(capacity: 1024);
        using var cmd = Sql.Command(db, sql);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var lhnr = r.GetString(0);
            list.Add(new EmployerAggregate(lhnr, r.GetString(1), r.GetString(2), Sql.Dec(r.GetValue(3)), Sql.Dec(r.GetValue(4)),
                Sql.Dec(r.GetValue(5)), r.IsDBNull(6) ? null : Sql.Dec(r.GetValue(6)),
                attributions.TryGetValue(lhnr, out var at) ? at : []));
        }
        return list;
    }

    private static void ValidatePayroll(DuckDBConnection db)
    {
        // Employers: unique, known sector and lender type.
        using (var cmd = Sql.Command(db, """
            SELECT loonheffingennummer, sector, uitlenertype, row_number() OVER () + 1 AS rij FROM werkgevers
            QUALIFY count(*) OVER (PARTITION BY loonheffingennummer) > 1
                 OR loonheffingennummer IS NULL
                 OR sector IS NULL OR sector NOT IN ('61','62','63','64','65','66','67','markt')
                 OR uitlenertype IS NULL OR uitlenertype NOT IN ('geen','uitzendbureau','sw-bedrijf')
            LIMIT 1
            """))
        using (var r = cmd.ExecuteReader())
            if (r.Read())
            {
                var lhnr = r.IsDBNull(0) ? null : r.GetString(0);
                var col = lhnr is null ? "loonheffingennummer" : r.IsDBNull(1) || !IsKnownSector(r.GetString(1)) ? "sector"
                    : r.IsDBNull(2) || !LenderTypes.Contains(r.GetString(2)) ? "uitlenertype" : "loonheffingennummer";
                var why = col == "loonheffingennummer" && lhnr is not null ? $"loonheffingennummer {lhnr} komt meer dan eens voor"
                    : col == "sector" ? "sector moet 61 t/m 67 of 'markt' zijn" : col == "uitlenertype" ? "uitlenertype moet geen, uitzendbureau of sw-bedrijf zijn" : "leeg";
                throw new AnalyticsInputException($"Bestand werkgevers, rij {r.GetInt64(3)}, kolom {col}: {why}. Er is niets geschreven.");
            }
        if (Sql.Long(db, "SELECT coalesce(sum(fout), 0) FROM uren_agg") > 0)
        {
            using var cmd = Sql.Command(db, """
                SELECT rij, loonheffingennummer, persoon, periode_begin, periode_einde, uren, vorm FROM (
                  SELECT row_number() OVER () + 1 AS rij, * FROM verloning)
                WHERE uren IS NULL OR uren < 0 OR vorm IS NULL OR vorm NOT IN ('dienstverband', 'uitzending', 'detachering', 'payroll')
                   OR periode_begin IS NULL OR periode_einde IS NULL OR periode_einde < periode_begin OR persoon IS NULL OR loonheffingennummer IS NULL
                ORDER BY rij LIMIT 1
                """);
            using var r = cmd.ExecuteReader();
            if (r.Read())
            {
                var col = r.IsDBNull(1) ? "loonheffingennummer" : r.IsDBNull(2) ? "persoon" : r.IsDBNull(3) ? "periode_begin"
                    : r.IsDBNull(4) || r.GetDateTime(4) < r.GetDateTime(3) ? "periode_einde"
                    : r.IsDBNull(5) || Sql.Dec(r.GetValue(5)) < 0 ? "uren" : "vorm";
                var why = col switch
                {
                    "uren" => "uren ontbreken of zijn negatief",
                    "vorm" => "vorm moet dienstverband, uitzending, detachering of payroll zijn",
                    "periode_einde" => "periode_einde ontbreekt of ligt vóór periode_begin",
                    _ => "waarde ontbreekt of is ongeldig",
                };
                throw new AnalyticsInputException($"Bestand verloning, rij {r.GetInt64(0)}, kolom {col}: {why}. Er is niets geschreven.");
            }
        }
        var unknown = Sql.Scalar(db, "SELECT lhnr FROM uren_agg ANTI JOIN werkgevers w ON uren_agg.lhnr = w.loonheffingennummer LIMIT 1");
        if (unknown is string u)
            throw new AnalyticsInputException($"Bestand verloning, kolom loonheffingennummer: werkgever {u} staat niet in werkgevers. Er is niets geschreven.");
        var unknownAt = Sql.Scalar(db, """
            SELECT x FROM (SELECT uitlener AS x FROM toerekeningen UNION ALL SELECT inlener FROM toerekeningen)
            ANTI JOIN werkgevers w ON x = w.loonheffingennummer LIMIT 1
            """);
        if (unknownAt is string ua)
            throw new AnalyticsInputException($"Bestand toerekeningen, kolom uitlener/inlener: werkgever {ua} staat niet in werkgevers. Er is niets geschreven.");
    }

    private static bool IsKnownSector(string s) => IsGovernmentSector(s) || s is "67" or "markt";

    private Dictionary<string, List<HiredInAttribution>> ReadAttributions(DuckDBConnection db, int year)
    {
        var hirer = new Dictionary<string, List<HiredInAttribution>>(StringComparer.Ordinal);
        var lender = new Dictionary<string, List<HiredInAttribution>>(StringComparer.Ordinal);
        using (var cmd = Sql.Command(db, AttributionSql + " ORDER BY t.persoon, t.uitlener, t.inlener, t.overeengekomen_op"))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                if (r.IsDBNull(0) || r.IsDBNull(1) || r.IsDBNull(2) || r.IsDBNull(3) || r.IsDBNull(5) || Sql.Dec(r.GetValue(3)) < 0)
                    throw new AnalyticsInputException("Bestand toerekeningen: een rij heeft een lege waarde of negatieve uren. Er is niets geschreven.");
                var person = "persoon " + r.GetInt64(2).ToString(CultureInfo.InvariantCulture);
                var hours = new Rules.Units.PaidHours(Sql.Dec(r.GetValue(3)));
                var recorded = new Rules.Units.PaidHours(Sql.Dec(r.GetValue(4)));
                var agreed = DateOnly.FromDateTime(r.GetDateTime(5));
                Add(hirer, r.GetString(1), new HiredInAttribution(person, AttributionSide.Hirer, hours, recorded, agreed));
                Add(lender, r.GetString(0), new HiredInAttribution(person, AttributionSide.Lender, hours, recorded, agreed));
            }
        // Hirer side first, then lender side: C = max(0, C + hired-in − lent-out), the same in the engine and the rules core.
        foreach (var (k, v) in lender)
            if (hirer.TryGetValue(k, out var h)) h.AddRange(v);
            else hirer[k] = v;
        _ = year;
        return hirer;

        static void Add(Dictionary<string, List<HiredInAttribution>> d, string k, HiredInAttribution a)
        {
            if (!d.TryGetValue(k, out var l)) d[k] = l = [];
            l.Add(a);
        }
    }

    /// <summary>The full national run: aggregation, quota per employer (rules core), national measurement, outputs.</summary>
    public NationalRunResult Run(NationalRunOptions o, Action<string>? step = null)
    {
        var timings = new Dictionary<string, TimeSpan>();
        var sw = Stopwatch.StartNew();
        var current = "invoer openen";
        void Step(string s)
        {
            timings[current] = sw.Elapsed;
            sw.Restart();
            current = s;
            step?.Invoke(s);
        }
        step?.Invoke(current);
        using var db = Open(o.MemoryLimit, o.Threads);
        try
        {
            var hasPrev = CreateInputViews(db, o.InputDir);
            var employers = AggregateEmployers(db, o.Year, hasPrev, Step);
            var rows = Sql.Long(db, "SELECT coalesce(sum(regels), 0) FROM uren_agg");

            Step("quotum per werkgever (rekenkern)");
            var calc = new QuotaCalculator(parameters);
            var results = new EmployerQuota[employers.Count];
            QuotaResult? explanation = null;
            Parallel.For(0, employers.Count, new ParallelOptions { MaxDegreeOfParallelism = o.Threads ?? Environment.ProcessorCount }, i =>
            {
                var e = employers[i];
                var q = calc.Compute(e.ToQuotaInput(o.Year));
                results[i] = new EmployerQuota(e, q.TotalPaidHours.Value, q.RequiredJobs?.Value, q.RealisedJobs.Value, q.Shortfall.Value, q.Levy.Value, q.Exempt);
                if (o.ExplainEmployer is not null && e.PayrollTaxNumber == o.ExplainEmployer) explanation = q;
            });
            if (o.ExplainEmployer is not null && explanation is null)
                throw new AnalyticsInputException($"Werkgever {o.ExplainEmployer} staat niet in werkgevers.");

            Step("landelijke meting");
            var measurement = new List<MeasurementRow>();
            using (var cmd = Sql.Command(db, MeasurementSql))
            using (var r = cmd.ExecuteReader())
                while (r.Read())
                    measurement.Add(new MeasurementRow(r.GetString(0), r.GetString(1), Sql.Dec(r.GetValue(2)), r.GetInt64(3), r.GetInt64(4)));
            var persons = Sql.Long(db, """
                SELECT count(DISTINCT a.dg_persoon) FROM uren_agg a JOIN werkgevers w ON a.lhnr = w.loonheffingennummer
                WHERE a.dg_persoon IS NOT NULL AND a.eind AND NOT (w.sector = '67' AND a.vorm = 'dienstverband')
                """);

            var result = new NationalRunResult(o.Year, rows, results, measurement, persons, explanation, timings);
            if (o.OutputDir is not null)
            {
                Step("resultaten schrijven");
                Write(db, result, o);
            }
            Step("klaar");
            return result;
        }
        catch (DuckDBException e)
        {
            throw new AnalyticsInputException("Fout bij het lezen van de invoer: " + Sql.FirstLine(e.Message));
        }
    }

    private void Write(DuckDBConnection db, NationalRunResult result, NationalRunOptions o)
    {
        Directory.CreateDirectory(o.OutputDir!);
        Sql.Exec(db, """
            CREATE OR REPLACE TEMP TABLE quotum (
              loonheffingennummer VARCHAR, sector VARCHAR, uitlenertype VARCHAR, verloonde_uren DECIMAL(38,4),
              uren_uitzendkrachten DECIMAL(38,4), uren_doelgroep DECIMAL(38,4), verloonde_uren_vorig_jaar DECIMAL(38,4),
              toerekeningen INTEGER, a DECIMAL(38,4), vereiste_banen DECIMAL(38,4), gerealiseerde_banen DECIMAL(38,4),
              quotumtekort DECIMAL(38,4), quotumheffing DECIMAL(38,4), vrijgesteld BOOLEAN)
            """);
        using (var app = db.CreateAppender("quotum"))
            foreach (var q in result.Employers)
            {
                var e = q.Input;
                var row = app.CreateRow()
                    .AppendValue(e.PayrollTaxNumber).AppendValue(e.SectorCode).AppendValue(e.LenderType)
                    .AppendValue(e.TotalPaidHours).AppendValue(e.AgencyStaffHours).AppendValue(e.TargetGroupHours)
                    .AppendValue(e.TotalPaidHoursPreviousYear).AppendValue(e.Attributions.Count)
                    .AppendValue(q.A).AppendValue(q.RequiredJobs).AppendValue(q.RealisedJobs).AppendValue(q.Shortfall)
                    .AppendValue(q.Levy).AppendValue(q.Exempt);
                row.EndRow();
            }
        var fmt = o.Csv ? "(FORMAT csv, HEADER true)" : "(FORMAT parquet, COMPRESSION zstd)";
        var ext = o.Csv ? ".csv" : ".parquet";
        Sql.Exec(db, $"COPY (SELECT * FROM quotum ORDER BY loonheffingennummer) TO '{Sql.Escape(Path.Combine(o.OutputDir!, "werkgevers_quotum" + ext))}' {fmt}");
        var summary = NationalSummary.Build(parameters, result);
        File.WriteAllText(Path.Combine(o.OutputDir!, "landelijke_meting.csv"), summary.MeasurementCsv);
        File.WriteAllText(Path.Combine(o.OutputDir!, "samenvatting.txt"), summary.Text);
    }

    /// <summary>Used by the synthetic generator's callers to check the file set is complete.</summary>
    public static IEnumerable<string> MissingInputs(string dir) =>
        SyntheticDataGenerator.Files.Take(3).Where(f => InputFiles.Find(dir, f) is null);
}
