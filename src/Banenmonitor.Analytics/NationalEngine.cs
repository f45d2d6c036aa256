using Banenmonitor.Rules.Regions;
using System.Diagnostics;
using System.Globalization;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Quota;
using DuckDB.NET.Data;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Analytics;

/// <summary>
/// The national computation on DuckDB: streaming reads of the year's payroll records aggregate per employer and form,
/// and per employer, form and target-group person (Parquet is read twice, CSV once); the per-employer quota is then
/// computed by the rules core's <see cref="QuotaCalculator"/> itself, so every employer's numbers and trace are exactly the rules core's.
/// Legal values (period of the year, attribution deadline, hours per job) come from the <see cref="ParameterSet"/>
/// and are passed into SQL as parameters.
/// </summary>
public sealed class NationalEngine(ParameterSet parameters)
{
    public static readonly string[] Forms = [DirectEmployment, "uitzending", "detachering", "payroll"];
    public static readonly string[] LenderTypes = ["geen", "uitzendbureau", "sw-bedrijf"];

    /// <summary>Sector codes of the employers file: the legal sector codes 61–67 and the market (<see cref="PublicSectors"/>).</summary>
    public static readonly string[] Sectors = [.. PublicSectors.LegalCodes.Select(c => c.ToString()), PublicSectors.Market.Code];

    /// <summary>The sector code of sheltered employment (67) in the employers file.</summary>
    public static readonly string ShelteredSector = PublicSectors.ShelteredEmployment.LegalSectorCode!.Value.ToString(CultureInfo.InvariantCulture);

    private static readonly HashSet<string> GovernmentSectors = [.. PublicSectors.LegalCodes.Where(c => c.IsGovernment).Select(c => c.ToString())];

    private static readonly string SectorsInSql = Sql.In(Sectors);

    public static bool IsGovernmentSector(string code) => GovernmentSectors.Contains(code);

    /// <summary>The form of formal employment (direct).</summary>
    public const string DirectEmployment = "dienstverband";

    /// <summary>
    /// Formal employment at a sheltered-employment company (sector 67) is not a regular job; Wsw workers count only while
    /// lent out. The one place of this rule: <see cref="CountsNationallySql"/> writes the same test for DuckDB.
    /// </summary>
    public static bool CountsNationally(string sectorCode, string form) => !(sectorCode == ShelteredSector && form == DirectEmployment);

    /// <summary><see cref="CountsNationally"/> as an SQL condition on the columns <paramref name="sector"/> and <paramref name="form"/>.</summary>
    internal static string CountsNationallySql(string sector, string form) =>
        $"NOT ({sector} = {Sql.Literal(ShelteredSector)} AND {form} = {Sql.Literal(DirectEmployment)})";

    public static bool IsHiredInForm(string form) => form is "uitzending" or "detachering";

    public static DuckDBConnection Open(string? memoryLimit, int? threads)
    {
        var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        var tmp = Path.Combine(Path.GetTempPath(), "banenmonitor-duckdb-" + Environment.ProcessId);
        Sql.Exec(db, $"SET temp_directory = {Sql.Literal(tmp)}");
        Sql.Exec(db, "SET preserve_insertion_order = false");
        if (memoryLimit is not null) Sql.Exec(db, $"SET memory_limit = {Sql.Literal(memoryLimit)}");
        if (threads is { } t) Sql.Exec(db, $"SET threads = {t}");
        return db;
    }

    /// <summary>
    /// Loads and starts DuckDB once (an in-memory database, opened and closed), so that a command can do it in the
    /// background while it reads its options and parameters: the first open in a process takes ≈ 0.15–0.3 s, a later
    /// one a few milliseconds. Best effort: a failure here shows again, with its message, when the run opens DuckDB.
    /// </summary>
    public static void Preload()
    {
        try
        {
            using var db = new DuckDBConnection("DataSource=:memory:");
            db.Open();
        }
        catch (Exception)
        {
            // The run's own Open reports it.
        }
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

    /// <summary>The period rule for the row <paramref name="row"/> (periode_begin, periode_einde) of the registered person <c>r</c>.</summary>
    private static string Rule(string row) => $"""
        r.b <= {row}.periode_einde AND r.e >= {row}.periode_begin
        AND (r.iv IS NULL OR len(list_filter(r.iv, x -> x.b <= {row}.periode_einde AND x.e >= {row}.periode_begin)) > 0)
        """;

    /// <summary>
    /// A row that fails these checks is reported with its file, row and column ({0} in the pass queries; for Parquet
    /// whose statistics prove no NULLs and no negative hours only <see cref="PeriodOrderCheck"/> is checked per row).
    /// </summary>
    public const string FullRowCheck =
        "v.uren IS NULL OR v.uren < 0 OR v.periode_begin IS NULL OR v.periode_einde IS NULL OR v.periode_einde < v.periode_begin OR v.persoon IS NULL";

    /// <summary>
    /// Rows without a period start are not in any year: they are let through the year filter (unless the Parquet
    /// statistics prove there are none) so that the row check reports them instead of dropping them silently.
    /// </summary>
    private const string WithoutPeriodStart = "OR v.periode_begin IS NULL";

    private const string PeriodOrderCheck = "v.periode_einde < v.periode_begin";

    private const string AttributionSql = """
        WITH ph AS (SELECT lhnr, dg_persoon AS persoon, sum(uren) AS uren FROM uren_doelgroep GROUP BY ALL)
        SELECT wu.rowid::INTEGER AS uitlener, wi.rowid::INTEGER AS inlener, t.persoon, t.uren, coalesce(ph.uren, 0) AS uren_persoon,
          t.overeengekomen_op
        FROM toerekeningen t LEFT JOIN ph ON ph.lhnr = t.uitlener AND ph.persoon = t.persoon
        LEFT JOIN werkgever_invoer wu ON wu.loonheffingennummer = t.uitlener
        LEFT JOIN werkgever_invoer wi ON wi.loonheffingennummer = t.inlener
        """;

    /// <summary>Target-group hours per sector code and form: at the end of the year (with persons and relations) and over the year.</summary>
    private const string MeasurementSql = """
        SELECT w.sector, a.vorm, coalesce(sum(a.uren) FILTER (a.eind), 0) AS uren, count(DISTINCT a.dg_persoon) FILTER (a.eind) AS personen,
          count(*) FILTER (a.eind) AS relaties, sum(a.uren) AS uren_jaar
        FROM uren_doelgroep a JOIN werkgever_invoer w ON a.lhnr = w.loonheffingennummer
        GROUP BY ALL ORDER BY ALL
        """;

    /// <summary>The national measurement's rows (end of the year) with each row's hours over the whole year.</summary>
    internal static List<(MeasurementRow End, decimal YearHours)> ReadMeasurement(DuckDBConnection db)
    {
        var rows = new List<(MeasurementRow, decimal)>();
        using var cmd = Sql.Command(db, MeasurementSql);
        using var r = cmd.ExecuteReader();
        while (r.Read())
            rows.Add((new MeasurementRow(r.GetString(0), r.GetString(1), Sql.Dec(r.GetValue(2)), r.GetInt64(3), r.GetInt64(4)), Sql.Dec(r.GetValue(5))));
        return rows;
    }

    /// <summary>The end-of-year hours that count nationally, split as the quotumregeling splits them: formal market, formal government, hired-in.</summary>
    public static (decimal FormalMarket, decimal FormalGovernment, decimal HiredIn) Split(IEnumerable<MeasurementRow> rows)
    {
        decimal market = 0, government = 0, hiredIn = 0;
        foreach (var m in rows.Where(m => CountsNationally(m.SectorCode, m.Form)))
            if (IsHiredInForm(m.Form)) hiredIn += m.HoursLastMonth;
            else if (IsGovernmentSector(m.SectorCode)) government += m.HoursLastMonth;
            else market += m.HoursLastMonth;
        return (market, government, hiredIn);
    }

    /// <summary>
    /// Per-employer aggregation (the reusable part): runs the payroll pass and returns every employer's quota inputs.
    /// The connection keeps <c>uren_werkgever</c> (hours per employer and form) and <c>uren_doelgroep</c> (hours per
    /// employer, form, target-group person and last month or not, in registered periods only) for further queries.
    /// </summary>
    public IReadOnlyList<EmployerAggregate> AggregateEmployers(DuckDBConnection db, int year, bool hasPreviousYear,
        Action<string>? step = null)
    {
        var prepared = PrepareEmployers(db, year, hasPreviousYear, false, step);
        var list = new EmployerAggregate[prepared.Count];
        ReadEmployers(db, "true", prepared.Attributions, (i, e) => list[i] = e);
        return list;
    }

    /// <summary>
    /// The common start of both national computations: the input views (<paramref name="moreViews"/> opens a computation's
    /// own files), then the payroll pass (<see cref="PrepareEmployers"/>) while <paramref name="warmUp"/> runs, told to stop
    /// when the pass is done.
    /// </summary>
    internal PreparedEmployers Prepare(DuckDBConnection db, string inputDir, int year, StepTimer timer,
        Action<ManualResetEventSlim> warmUp, Action? moreViews = null, bool months = false)
    {
        var hasPrev = CreateInputViews(db, inputDir);
        moreViews?.Invoke();
        using var stop = new ManualResetEventSlim();
        var task = Task.Run(() => warmUp(stop));
        try { return PrepareEmployers(db, year, hasPrev, months, timer.Step); }
        finally
        {
            stop.Set();
            task.Wait();
        }
    }

    /// <summary>
    /// The payroll pass (<see cref="PayrollPass"/>), validation, the table <c>werkgever_invoer</c> (one row per employer, its
    /// <c>rowid</c> the employer's position) and the attributions per employer position. With <paramref name="months"/> the
    /// target-group hours keep the month of the period's start (<c>maand</c>), for the measurement per quarter; the year's
    /// figures are the same either way.
    /// </summary>
    internal PreparedEmployers PrepareEmployers(DuckDBConnection db, int year, bool hasPreviousYear, bool months, Action<string>? step)
    {
        var ps = SqlParameters(year);
        step?.Invoke("verloning lezen en optellen per werkgever");
        var format = InputFiles.ReadAsStored(db, InputFiles.Payroll) ? PayrollFormat.Parquet : PayrollFormat.Csv;
        var proven = format == PayrollFormat.Parquet && StatisticsProveValues(db);
        // The rows of the year: from the Parquet statistics when they show every row is in the year (the year filter then
        // keeps all), otherwise counted in the pass (measured: the count costs ≈ 0.1 s at 120M rows).
        var rowsFromStatistics = proven ? RowsWhenAllInYear(db, ps) : null;
        Sql.Exec(db, Sql.Template("register"), ps);
        (string, string)[] checks =
        [
            ("row_check", proven ? PeriodOrderCheck : FullRowCheck),
            ("without_period_start", proven ? "" : WithoutPeriodStart),
            ("row_count", rowsFromStatistics is null ? ", count(*) AS regels" : ""),
        ];
        if (format == PayrollFormat.Parquet) Sql.Exec(db, Sql.Template("totals", checks), ps);
        else
            Sql.Exec(db, Sql.Template("one_pass", [.. checks,
                ("period_rule", Rule("v")),
                ("month_key", months ? $", CASE WHEN {Rule("v")} THEN month(v.periode_begin) END AS maand" : ""),
                ("month_column", months ? ", maand" : ""),
                ("row_count_sum", rowsFromStatistics is null ? ", sum(regels) AS regels" : "")]), ps);
        step?.Invoke("invoer controleren");
        ValidatePayroll(db);
        if (format == PayrollFormat.Parquet)
        {
            step?.Invoke("verloning lezen: uren van de doelgroep");
            Sql.Exec(db, Sql.Template("target_rows", ("period_rule", Rule("t")), ("month_key", months ? ", month(t.periode_begin) AS maand" : "")), ps);
        }
        step?.Invoke("werkgevers");
        Sql.Exec(db, Sql.Template("employers",
            ("previous_year", hasPreviousYear ? "coalesce(p.verloonde_uren, 0)" : "NULL"),
            ("previous_year_join", hasPreviousYear ? "LEFT JOIN vorig_jaar p ON p.loonheffingennummer = w.loonheffingennummer" : "")));
        step?.Invoke("toerekeningen");
        var attributions = ReadAttributions(db);
        var rows = rowsFromStatistics ?? Sql.Long(db, "SELECT coalesce(sum(regels), 0) FROM uren_werkgever");
        var pass = new PayrollPass(format, proven, rowsFromStatistics is not null, rows, months);
        return new PreparedEmployers((int)Sql.Long(db, "SELECT count(*) FROM werkgever_invoer"), pass, attributions);
    }

    /// <summary>Sector and lender type as their position in <see cref="Sectors"/> and <see cref="LenderTypes"/> (validated codes).</summary>
    internal static readonly string SectorIndexSql = $"list_position({Sql.List(Sectors)}, sector)::INTEGER - 1";
    private static readonly string LenderIndexSql = $"list_position({Sql.List(LenderTypes)}, uitlenertype)::INTEGER - 1";

    /// <summary>The position and inputs of one employer of <c>werkgever_invoer</c> (for an explanation), or a Dutch error.</summary>
    internal static (int Position, EmployerAggregate Aggregate) FindEmployer(DuckDBConnection db, string lhnr,
        Dictionary<int, List<HiredInAttribution>> attributions)
    {
        (int, EmployerAggregate)? found = null;
        ReadEmployers(db, $"loonheffingennummer = {Sql.Literal(lhnr)}", attributions, (i, e) => found = (i, e));
        return found ?? throw new AnalyticsInputException($"Werkgever {lhnr} staat niet in werkgevers.");
    }

    /// <summary>Reads the employers of <c>werkgever_invoer</c> that satisfy <paramref name="where"/> as .NET objects.</summary>
    internal static void ReadEmployers(DuckDBConnection db, string where,
        Dictionary<int, List<HiredInAttribution>> attributions, Action<int, EmployerAggregate> each)
    {
        // Sector and lender type are read as their position in the known lists, so the strings are shared instead of
        // allocated per employer.
        using var cmd = Sql.Command(db, $"""
            SELECT rowid::INTEGER AS i, loonheffingennummer, {SectorIndexSql}, {LenderIndexSql}, verloonde_uren,
              uren_uitzendkrachten, uren_doelgroep, verloonde_uren_vorig_jaar
            FROM werkgever_invoer WHERE {where}
            """);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var i = r.GetInt32(0);
            each(i, new EmployerAggregate(r.GetString(1), Sectors[r.GetInt32(2)], LenderTypes[r.GetInt32(3)], r.GetDecimal(4),
                r.GetDecimal(5), r.GetDecimal(6), r.IsDBNull(7) ? null : r.GetDecimal(7),
                attributions.TryGetValue(i, out var at) ? at : []));
        }
    }

    /// <summary>
    /// True when the payroll Parquet's row-group statistics (the view exists: Parquet read as stored) show that persoon,
    /// periode_begin, periode_einde and uren have no NULLs and uren no negative value in any row group (missing
    /// statistics prove nothing).
    /// </summary>
    private static bool StatisticsProveValues(DuckDBConnection db) =>
        Sql.Scalar(db, $"""
            SELECT count(*) FILTER (kolom = 'uren') > 0
               AND count(*) FILTER (kolom IN ('persoon', 'periode_begin', 'periode_einde', 'uren') AND coalesce(nullen, 1) > 0) = 0
               AND count(*) FILTER (kolom = 'uren' AND coalesce(TRY_CAST(minimum AS DECIMAL(38,4)) < 0, true)) = 0
            FROM {InputFiles.Payroll}{InputFiles.StatisticsSuffix}
            """) is true;

    /// <summary>
    /// The number of payroll rows when the Parquet statistics show that every row group's period starts lie within the
    /// year (and none is missing; checked by <see cref="StatisticsProveValues"/>); otherwise null.
    /// </summary>
    private static long? RowsWhenAllInYear(DuckDBConnection db, Dictionary<string, object?> ps)
    {
        using var cmd = Sql.Command(db, $"""
            SELECT count(*) > 0 AND count(*) FILTER (NOT coalesce(TRY_CAST(minimum AS DATE) >= $jaarbegin AND TRY_CAST(maximum AS DATE) <= $jaareinde, false)) = 0,
              sum(rijen)::BIGINT
            FROM {InputFiles.Payroll}{InputFiles.StatisticsSuffix} WHERE kolom = 'periode_begin'
            """, ps);
        using var r = cmd.ExecuteReader();
        return r.Read() && !r.IsDBNull(0) && r.GetBoolean(0) ? Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture) : null;
    }

    private static void ValidatePayroll(DuckDBConnection db)
    {
        // Employers: unique, known sector and lender type. A cheap aggregate first; the row is looked up only on failure.
        var employersOk = Sql.Scalar(db, $"""
            SELECT count(*) = count(DISTINCT loonheffingennummer)
               AND count(*) FILTER (loonheffingennummer IS NULL
                 OR sector IS NULL OR sector NOT IN {SectorsInSql}
                 OR uitlenertype IS NULL OR uitlenertype NOT IN {Sql.In(LenderTypes)}) = 0
            FROM werkgevers
            """) is true;
        if (!employersOk)
        {
            using (var cmd = Sql.Command(db, $"""
                SELECT loonheffingennummer, sector, uitlenertype, row_number() OVER () + 1 AS rij FROM werkgevers
                QUALIFY count(*) OVER (PARTITION BY loonheffingennummer) > 1
                     OR loonheffingennummer IS NULL
                     OR sector IS NULL OR sector NOT IN {SectorsInSql}
                     OR uitlenertype IS NULL OR uitlenertype NOT IN {Sql.In(LenderTypes)}
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
        }
        if (Sql.Long(db, $"""
            SELECT count(*) FILTER (fout > 0 OR lhnr IS NULL OR vorm IS NULL
              OR vorm NOT IN {Sql.In(Forms)})
            FROM uren_werkgever
            """) > 0)
        {
            using var cmd = Sql.Command(db, $"""
                SELECT rij, loonheffingennummer, persoon, periode_begin, periode_einde, uren, vorm FROM (
                  SELECT row_number() OVER () + 1 AS rij, * FROM verloning)
                WHERE uren IS NULL OR uren < 0 OR vorm IS NULL OR vorm NOT IN {Sql.In(Forms)}
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
        var unknown = Sql.Scalar(db, "SELECT lhnr FROM uren_werkgever ANTI JOIN werkgevers w ON uren_werkgever.lhnr = w.loonheffingennummer LIMIT 1");
        if (unknown is string u)
            throw new AnalyticsInputException($"Bestand verloning, kolom loonheffingennummer: werkgever {u} staat niet in werkgevers. Er is niets geschreven.");
        var unknownAt = Sql.Scalar(db, """
            SELECT x FROM (SELECT uitlener AS x FROM toerekeningen UNION ALL SELECT inlener FROM toerekeningen)
            ANTI JOIN werkgevers w ON x = w.loonheffingennummer LIMIT 1
            """);
        if (unknownAt is string ua)
            throw new AnalyticsInputException($"Bestand toerekeningen, kolom uitlener/inlener: werkgever {ua} staat niet in werkgevers. Er is niets geschreven.");
    }

    private static bool IsKnownSector(string s) => Sectors.Contains(s);

    /// <summary>The attributions per employer position (<c>rowid</c> of <c>werkgever_invoer</c>): hirer side first, then lender side.</summary>
    private static Dictionary<int, List<HiredInAttribution>> ReadAttributions(DuckDBConnection db)
    {
        var hirer = new Dictionary<int, List<HiredInAttribution>>();
        var lender = new Dictionary<int, List<HiredInAttribution>>();
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
                Add(hirer, r.GetInt32(1), new HiredInAttribution(person, AttributionSide.Hirer, hours, recorded, agreed));
                Add(lender, r.GetInt32(0), new HiredInAttribution(person, AttributionSide.Lender, hours, recorded, agreed));
            }
        // Hirer side first, then lender side: C = max(0, C + hired-in − lent-out), the same in the engine and the rules core.
        foreach (var (k, v) in lender)
            if (hirer.TryGetValue(k, out var h)) h.AddRange(v);
            else hirer[k] = v;
        return hirer;

        static void Add(Dictionary<int, List<HiredInAttribution>> d, int k, HiredInAttribution a)
        {
            if (!d.TryGetValue(k, out var l)) d[k] = l = [];
            l.Add(a);
        }
    }

    /// <summary>The full national run: aggregation, quota per employer (rules core), national measurement, outputs.</summary>
    public NationalRunResult Run(NationalRunOptions o, Action<string>? step = null)
    {
        var timer = new StepTimer("invoer openen", step);
        using var db = Open(o.MemoryLimit, o.Threads);
        var calc = new QuotaCalculator(parameters);
        QuotaRulesFunction? rulesCore = null;
        try
        {
            var warmUp = WarmUpPays(o.InputDir);
            var (count, pass, attributions) = Prepare(db, o.InputDir, o.Year, timer, stop => { if (warmUp) WarmUp(o.Year, stop); },
                months: o.QuartersAndRegions);
            timer.Step("quotum per werkgever (rekenkern)");
            rulesCore = new QuotaRulesFunction(calc, o.Year, count, attributions);
            rulesCore.Compute(db);

            QuotaResult? explanation = null;
            if (o.ExplainEmployer is not null)
            {
                explanation = calc.Compute(FindEmployer(db, o.ExplainEmployer, attributions).Aggregate.ToQuotaInput(o.Year));
            }

            timer.Step("landelijke meting");
            var overview = ReadOverview(db);
            var measurement = ReadMeasurement(db).Where(m => m.End.Relations > 0).Select(m => m.End).ToList();
            var persons = Sql.Long(db, $"""
                SELECT count(DISTINCT a.dg_persoon) FROM uren_doelgroep a JOIN werkgever_invoer w ON a.lhnr = w.loonheffingennummer
                WHERE a.eind AND {CountsNationallySql("w.sector", "a.vorm")}
                """);
            var employers = o.KeepEmployers ? ReadOutcomes(db, count, attributions) : null;
            QuartersAndRegions? detail = null;
            if (o.QuartersAndRegions)
            {
                timer.Step("landelijke meting per kwartaal en arbeidsmarktregio");
                detail = ReadQuartersAndRegions(db);
            }

            var result = new NationalRunResult(o.Year, pass.Rows, overview, employers, measurement, persons, explanation, timer.Timings)
            {
                Payroll = pass,
                QuartersAndRegions = detail,
            };
            if (o.OutputDir is not null)
            {
                timer.Step("resultaten schrijven");
                Write(db, result, o);
            }
            timer.Step("klaar");
            return result;
        }
        catch (DuckDBException e)
        {
            // An error inside the rules core (e.g. a parameter without a value for the year) surfaces as itself.
            rulesCore?.ThrowIfFailed();
            throw new AnalyticsInputException("Fout bij het lezen van de invoer: " + Sql.FirstLine(e.Message));
        }
    }


    /// <summary>
    /// The measurement per quarter and labour-market region (<c>quarters_regions.sql</c>) from the target-group hours kept
    /// per month, with the count of employers whose municipality is empty or not in the published division.
    /// </summary>
    private static QuartersAndRegions ReadQuartersAndRegions(DuckDBConnection db)
    {
        LabourMarketRegionTables.CreateTables(db);
        var rows = new List<QuarterRegionRow>();
        using (var cmd = Sql.Command(db, Sql.Template("quarters_regions", ("counts_nationally", CountsNationallySql("w.sector", "a.vorm")))))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                var region = r.GetBoolean(1) ? null : LabourMarketRegions.ByNumber[r.GetInt32(2)];
                rows.Add(new QuarterRegionRow(r.GetInt32(0), region, Sql.Dec(r.GetValue(3)), r.GetInt64(4), Sql.Dec(r.GetValue(5))));
            }
        var unknown = Sql.Long(db, "SELECT count(*) FROM werkgevers w ANTI JOIN gemeente_regio g ON g.gemeente = w.gemeente");
        return new QuartersAndRegions(rows, unknown, LabourMarketRegions.Source, LabourMarketRegions.Year);
    }

    /// <summary>Fixed-point (ten-thousandths) BIGINT to DECIMAL(18,4), exact.</summary>
    internal static string Dec4(string expr) => FixedPoint.TenThousandths.ToSql(expr);

    /// <summary>The totals over the outcomes (sums of the rules core's figures; no rule is applied here).</summary>
    private static QuotaOverview ReadOverview(DuckDBConnection db)
    {
        long employers, government, liable, withShortfall;
        decimal required, realised, shortfall, levy;
        using (var cmd = Sql.Command(db, $"""
            SELECT count(*), count(*) FILTER (overheid), count(*) FILTER (plichtig), count(*) FILTER (plichtig AND quotumtekort > 0),
              {Dec4("coalesce(sum(vereiste_banen) FILTER (plichtig), 0)")}, {Dec4("coalesce(sum(gerealiseerde_banen) FILTER (plichtig), 0)")},
              {Dec4("coalesce(sum(quotumtekort) FILTER (plichtig), 0)")}, {Dec4("coalesce(sum(quotumheffing) FILTER (plichtig), 0)")}
            FROM (SELECT *, overheid AND NOT vrijgesteld AS plichtig FROM quotum)
            """))
        using (var r = cmd.ExecuteReader())
        {
            r.Read();
            (employers, government, liable, withShortfall) = (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3));
            (required, realised, shortfall, levy) = (Sql.Dec(r.GetValue(4)), Sql.Dec(r.GetValue(5)), Sql.Dec(r.GetValue(6)), Sql.Dec(r.GetValue(7)));
        }
        var top = new List<LevyRow>();
        using (var cmd = Sql.Command(db, $"""
            SELECT loonheffingennummer, sector, {Dec4("quotumtekort")}, {Dec4("quotumheffing")}
            FROM quotum
            WHERE overheid AND NOT vrijgesteld
            ORDER BY quotumheffing DESC, loonheffingennummer LIMIT 5
            """))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) top.Add(new LevyRow(r.GetString(0), r.GetString(1), Sql.Dec(r.GetValue(2)), Sql.Dec(r.GetValue(3))));
        return new QuotaOverview(employers, government, liable, withShortfall, required, realised, shortfall, levy, top);
    }

    /// <summary>Every employer's inputs and outcome as .NET objects, in the order of <c>werkgever_invoer</c>.</summary>
    private static EmployerQuota[] ReadOutcomes(DuckDBConnection db, int count, Dictionary<int, List<HiredInAttribution>> attributions)
    {
        var inputs = new EmployerAggregate[count];
        ReadEmployers(db, "true", attributions, (i, e) => inputs[i] = e);
        var list = new EmployerQuota[count];
        using var cmd = Sql.Command(db, "SELECT i, a, vereiste_banen, gerealiseerde_banen, quotumtekort, quotumheffing, vrijgesteld FROM quotum");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var i = r.GetInt32(0);
            list[i] = new EmployerQuota(inputs[i], FixedPoint.TenThousandths.FromUnits(r.GetInt64(1)), r.IsDBNull(2) ? null : FixedPoint.TenThousandths.FromUnits(r.GetInt64(2)),
                FixedPoint.TenThousandths.FromUnits(r.GetInt64(3)), FixedPoint.TenThousandths.FromUnits(r.GetInt64(4)), FixedPoint.TenThousandths.FromUnits(r.GetInt64(5)), r.GetBoolean(6));
        }
        return list;
    }

    private void Write(DuckDBConnection db, NationalRunResult result, NationalRunOptions o)
    {
        Directory.CreateDirectory(o.OutputDir!);
        // DuckDB writes the employers' inputs and the rules core's outcomes with COPY.
        static string D(string c) => $"{Dec4(c)} AS {c}";
        var select = $"""
            SELECT loonheffingennummer, sector, uitlenertype, verloonde_uren, uren_uitzendkrachten, uren_doelgroep,
              verloonde_uren_vorig_jaar, toerekeningen, {D("a")}, {D("vereiste_banen")}, {D("gerealiseerde_banen")},
              {D("quotumtekort")}, {D("quotumheffing")}, vrijgesteld
            FROM quotum
            """;
        var fmt = o.Csv ? "(FORMAT csv, HEADER true)" : "(FORMAT parquet, COMPRESSION zstd)";
        var ext = o.Csv ? ".csv" : ".parquet";
        Sql.Exec(db, $"COPY ({select}) TO {Sql.Literal(Path.Combine(o.OutputDir!, "werkgevers_quotum" + ext))} {fmt}");
        var summary = NationalSummary.Build(parameters, result);
        File.WriteAllText(Path.Combine(o.OutputDir!, "landelijke_meting.csv"), summary.MeasurementCsv);
        var text = summary.Text;
        if (result.QuartersAndRegions is { } d)
        {
            File.WriteAllText(Path.Combine(o.OutputDir!, QuarterRegionReport.QuarterFile), QuarterRegionReport.QuarterCsv(parameters, result.Year, d));
            File.WriteAllText(Path.Combine(o.OutputDir!, QuarterRegionReport.RegionFile), QuarterRegionReport.RegionCsv(parameters, result.Year, d));
            text += QuarterRegionReport.Text(parameters, result.Year, d);
        }
        File.WriteAllText(Path.Combine(o.OutputDir!, "samenvatting.txt"), text);
    }

    /// <summary>
    /// Payroll input size from which the warm-up pays (about 15 million Parquet rows: its own start, a second in-memory
    /// DuckDB, costs about 0.15 s, which a small run would wait for).
    /// </summary>
    private const long WarmUpFromBytes = 64L << 20;

    /// <summary>True when the payroll input is large enough for <see cref="WarmUp"/> to pay.</summary>
    internal static bool WarmUpPays(string dir) => PayrollBytes(dir) >= WarmUpFromBytes;

    private static long PayrollBytes(string dir) =>
        InputFiles.Find(dir, InputFiles.Payroll) is not { } path ? 0
        : path.Contains('*', StringComparison.Ordinal)
            ? Directory.EnumerateFiles(Path.GetDirectoryName(path)!, "*.parquet").Sum(f => new FileInfo(f).Length)
            : new FileInfo(path).Length;

    /// <summary>
    /// Warms up the rules core and its DuckDB functions (<see cref="QuotaRulesFunction.WarmUp"/>) while DuckDB does the
    /// payroll pass; stops as soon as the pass is done. Best effort: the results are discarded and a failure only ends
    /// the warm-up (the real computation reports its own errors, e.g. a missing parameter). Returns the rounds run.
    /// </summary>
    internal int WarmUp(int year, ManualResetEventSlim stop)
    {
        try
        {
            return QuotaRulesFunction.WarmUp(new QuotaCalculator(parameters), year, stop);
        }
        catch (Exception)
        {
            return 0;
        }
    }
}
