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
    public static readonly string[] Forms = ["dienstverband", "uitzending", "detachering", "payroll"];
    public static readonly string[] LenderTypes = ["geen", "uitzendbureau", "sw-bedrijf"];

    /// <summary>Sector codes of the employers file: the legal sector codes 61–67 and the market (<see cref="PublicSectors"/>).</summary>
    public static readonly string[] Sectors = [.. PublicSectors.LegalCodes.Select(c => c.ToString()), PublicSectors.Market.Code];

    /// <summary>The sector code of sheltered employment (67) in the employers file.</summary>
    public static readonly string ShelteredSector = PublicSectors.ShelteredEmployment.LegalSectorCode!.Value.ToString(CultureInfo.InvariantCulture);

    private static readonly HashSet<string> GovernmentSectors = [.. PublicSectors.LegalCodes.Where(c => c.IsGovernment).Select(c => c.ToString())];

    /// <summary>A list of known codes as an SQL <c>IN</c> list.</summary>
    private static string InSql(IEnumerable<string> codes) => "(" + string.Join(",", codes.Select(v => $"'{v}'")) + ")";
    private static readonly string SectorsInSql = InSql(Sectors);

    public static bool IsGovernmentSector(string code) => GovernmentSectors.Contains(code);

    /// <summary>Formal employment at a sheltered-employment company (sector 67) is not a regular job; Wsw workers count only while lent out.</summary>
    public static bool CountsNationally(string sectorCode, string form) => !(sectorCode == ShelteredSector && form == "dienstverband");

    public static bool IsHiredInForm(string form) => form is "uitzending" or "detachering";

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

    /// <summary>
    /// Register intervals per person, kept as <c>reg_persoon</c>. Period rule (Wfsv art. 38g lid 8): a period counts when
    /// the person was registered at any moment of it. Per registered person the register keeps the hull [b, e] of the
    /// person's intervals that touch the year and, only for the few persons with more than one interval, the list of
    /// intervals: per row two date comparisons against the hull decide, and only a multi-interval person's rows evaluate
    /// the list (measured: 10–20% faster at 120M rows than a list per person).
    /// </summary>
    private const string RegisterSql = """
        CREATE OR REPLACE TEMP TABLE reg_persoon AS
        SELECT persoon, min(begindatum) AS b, max(coalesce(einddatum, DATE '9999-12-31')) AS e,
          CASE WHEN count(*) > 1 THEN list({'b': begindatum, 'e': coalesce(einddatum, DATE '9999-12-31')}) END AS iv
        FROM doelgroepregister
        WHERE begindatum <= $jaareinde AND (einddatum IS NULL OR einddatum >= $jaarbegin) AND persoon IS NOT NULL
        GROUP BY persoon
        """;

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

    /// <summary>
    /// Parquet, read twice. First the totals per employer and form, without a join; the rows failing the row check are
    /// counted per group (<c>fout</c>), form and employer are checked on the groups. The second read
    /// (<see cref="TargetRowsSql"/>) runs after the validation.
    /// </summary>
    private const string TotalsSql = """
        CREATE OR REPLACE TEMP TABLE uren_werkgever AS
        SELECT v.loonheffingennummer AS lhnr, v.vorm, sum(v.uren) AS uren, count(*) FILTER ({0}) AS fout{2}
        FROM verloning v
        WHERE v.periode_begin BETWEEN $jaarbegin AND $jaareinde {1}
        GROUP BY ALL
        """;

    /// <summary>
    /// Parquet, second read: only the rows of registered persons, through a semi join that DuckDB turns into a Bloom
    /// filter on the scan, then the period rule on those few rows (about 1.5% of them).
    /// </summary>
    private static readonly string TargetRowsSql = $$"""
        CREATE OR REPLACE TEMP TABLE doelgroep_rijen AS
        SELECT v.loonheffingennummer AS lhnr, v.vorm, v.persoon, v.periode_begin, v.periode_einde, v.uren
        FROM verloning v SEMI JOIN reg_persoon r ON v.persoon = r.persoon
        WHERE v.periode_begin BETWEEN $jaarbegin AND $jaareinde;
        CREATE OR REPLACE TEMP TABLE uren_doelgroep AS
        SELECT t.lhnr, t.vorm, t.persoon AS dg_persoon, t.periode_begin >= $laatstemaand AS eind, sum(t.uren) AS uren
        FROM doelgroep_rijen t JOIN reg_persoon r ON t.persoon = r.persoon
        WHERE {{Rule("t")}}
        GROUP BY ALL;
        DROP TABLE doelgroep_rijen;
        """;

    /// <summary>
    /// CSV, read once (parsing is the cost): every row joined to the register, grouped by employer, form, target-group
    /// person (NULL when not registered in that period) and whether the period is the year's last month; a row failing
    /// the check lands in a group whose <c>eind</c> is NULL. The two tables of the Parquet path are derived from it.
    /// </summary>
    private static readonly string OnePassSql = $$"""
        CREATE OR REPLACE TEMP TABLE uren_agg AS
        SELECT v.loonheffingennummer AS lhnr, v.vorm,
          CASE WHEN {{Rule("v")}} THEN v.persoon END AS dg_persoon,
          CASE WHEN NOT ({0}) THEN v.periode_begin >= $laatstemaand END AS eind,
          sum(v.uren) AS uren{2}
        FROM verloning v LEFT JOIN reg_persoon r ON v.persoon = r.persoon
        WHERE v.periode_begin BETWEEN $jaarbegin AND $jaareinde {1}
        GROUP BY ALL;
        CREATE OR REPLACE TEMP TABLE uren_werkgever AS
        SELECT lhnr, vorm, sum(uren) AS uren, count(*) FILTER (eind IS NULL) AS fout{3}
        FROM uren_agg GROUP BY ALL;
        CREATE OR REPLACE TEMP TABLE uren_doelgroep AS
        SELECT lhnr, vorm, dg_persoon, eind, uren FROM uren_agg WHERE dg_persoon IS NOT NULL AND eind IS NOT NULL;
        DROP TABLE uren_agg;
        """;

    /// <summary>
    /// Employer inputs, one row per employer, kept as table <c>werkgever_invoer</c>; its <c>rowid</c>, dense from 0, is
    /// the employer's position, by which the attributions are looked up and the outcomes stored. Hours are exact
    /// DECIMAL(18,4) (input hours have at most 4 decimals, checked when the views are made): the sums are DECIMAL(38,s),
    /// and narrowing them is cheap where multiplying them into whole ten-thousandths is not (measured: about 0.3 s for
    /// 450,000 employers).
    /// </summary>
    private const string EmployerSql = """
        CREATE OR REPLACE TABLE werkgever_invoer AS
        WITH a AS (
          SELECT lhnr, sum(uren) AS verloonde_uren,
            coalesce(sum(uren) FILTER (vorm = 'uitzending'), 0) AS uren_uitzendkrachten
          FROM uren_werkgever GROUP BY lhnr),
        d AS (SELECT lhnr, sum(uren) AS uren_doelgroep FROM uren_doelgroep GROUP BY lhnr)
        SELECT w.loonheffingennummer, w.sector, w.uitlenertype,
          coalesce(a.verloonde_uren, 0)::DECIMAL(18,4) AS verloonde_uren,
          coalesce(a.uren_uitzendkrachten, 0)::DECIMAL(18,4) AS uren_uitzendkrachten,
          coalesce(d.uren_doelgroep, 0)::DECIMAL(18,4) AS uren_doelgroep,
          {0}::DECIMAL(18,4) AS verloonde_uren_vorig_jaar
        FROM werkgevers w LEFT JOIN a ON a.lhnr = w.loonheffingennummer LEFT JOIN d ON d.lhnr = w.loonheffingennummer {1}
        """;


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
        var (count, _, attributions) = PrepareEmployers(db, year, hasPreviousYear, step);
        var list = new EmployerAggregate[count];
        ReadEmployers(db, "true", attributions, (i, e) => list[i] = e);
        return list;
    }

    /// <summary>
    /// The common start of both national computations: the input views (<paramref name="moreViews"/> opens a computation's
    /// own files), then the payroll pass (<see cref="PrepareEmployers"/>) while <paramref name="warmUp"/> runs, told to stop
    /// when the pass is done.
    /// </summary>
    internal (int Count, long PayrollRows, Dictionary<int, List<HiredInAttribution>> Attributions) Prepare(DuckDBConnection db,
        string inputDir, int year, StepTimer timer, Action<ManualResetEventSlim> warmUp, Action? moreViews = null)
    {
        var hasPrev = CreateInputViews(db, inputDir);
        moreViews?.Invoke();
        using var stop = new ManualResetEventSlim();
        var task = Task.Run(() => warmUp(stop));
        try { return PrepareEmployers(db, year, hasPrev, timer.Step); }
        finally
        {
            stop.Set();
            task.Wait();
        }
    }

    /// <summary>
    /// The payroll pass, validation, the table <c>werkgever_invoer</c> (one row per employer, its <c>rowid</c> the
    /// employer's position) and the attributions per employer position; returns the number of employers and the
    /// attributions.
    /// </summary>
    internal (int Count, long PayrollRows, Dictionary<int, List<HiredInAttribution>> Attributions) PrepareEmployers(DuckDBConnection db,
        int year, bool hasPreviousYear, Action<string>? step)
    {
        var ps = SqlParameters(year);
        step?.Invoke("verloning lezen en optellen per werkgever");
        var twoReads = InputFiles.ReadAsStored(db, InputFiles.Payroll);
        var proven = twoReads && StatisticsProveValues(db);
        // The rows of the year: from the Parquet statistics when they show every row is in the year (the year filter then
        // keeps all), otherwise counted in the pass (measured: the count costs ≈ 0.1 s at 120M rows).
        var rowsFromStatistics = proven ? RowsWhenAllInYear(db, ps) : null;
        Sql.Exec(db, RegisterSql, ps);
        Sql.Exec(db, (twoReads ? TotalsSql : OnePassSql)
            .Replace("{0}", proven ? PeriodOrderCheck : FullRowCheck, StringComparison.Ordinal)
            .Replace("{1}", proven ? "" : WithoutPeriodStart, StringComparison.Ordinal)
            .Replace("{2}", rowsFromStatistics is null ? ", count(*) AS regels" : "", StringComparison.Ordinal)
            .Replace("{3}", rowsFromStatistics is null ? ", sum(regels) AS regels" : "", StringComparison.Ordinal), ps);
        step?.Invoke("invoer controleren");
        ValidatePayroll(db);
        if (twoReads)
        {
            step?.Invoke("verloning lezen: uren van de doelgroep");
            Sql.Exec(db, TargetRowsSql, ps);
        }
        step?.Invoke("werkgevers");
        Sql.Exec(db, string.Format(CultureInfo.InvariantCulture, EmployerSql,
            hasPreviousYear ? "coalesce(p.verloonde_uren, 0)" : "NULL",
            hasPreviousYear ? "LEFT JOIN vorig_jaar p ON p.loonheffingennummer = w.loonheffingennummer" : ""));
        step?.Invoke("toerekeningen");
        var attributions = ReadAttributions(db);
        var rows = rowsFromStatistics ?? Sql.Long(db, "SELECT coalesce(sum(regels), 0) FROM uren_werkgever");
        return ((int)Sql.Long(db, "SELECT count(*) FROM werkgever_invoer"), rows, attributions);
    }

    /// <summary>Sector and lender type as their position in <see cref="Sectors"/> and <see cref="LenderTypes"/> (validated codes).</summary>
    internal static readonly string SectorIndexSql = $"list_position({Sql.List(Sectors)}, sector)::INTEGER - 1";
    private static readonly string LenderIndexSql = $"list_position({Sql.List(LenderTypes)}, uitlenertype)::INTEGER - 1";

    /// <summary>The position and inputs of one employer of <c>werkgever_invoer</c> (for an explanation), or a Dutch error.</summary>
    internal static (int Position, EmployerAggregate Aggregate) FindEmployer(DuckDBConnection db, string lhnr,
        Dictionary<int, List<HiredInAttribution>> attributions)
    {
        (int, EmployerAggregate)? found = null;
        ReadEmployers(db, $"loonheffingennummer = '{Sql.Escape(lhnr)}'", attributions, (i, e) => found = (i, e));
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
                 OR uitlenertype IS NULL OR uitlenertype NOT IN {InSql(LenderTypes)}) = 0
            FROM werkgevers
            """) is true;
        if (!employersOk)
        {
            using (var cmd = Sql.Command(db, $"""
                SELECT loonheffingennummer, sector, uitlenertype, row_number() OVER () + 1 AS rij FROM werkgevers
                QUALIFY count(*) OVER (PARTITION BY loonheffingennummer) > 1
                     OR loonheffingennummer IS NULL
                     OR sector IS NULL OR sector NOT IN {SectorsInSql}
                     OR uitlenertype IS NULL OR uitlenertype NOT IN {InSql(LenderTypes)}
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
              OR vorm NOT IN {InSql(Forms)})
            FROM uren_werkgever
            """) > 0)
        {
            using var cmd = Sql.Command(db, $"""
                SELECT rij, loonheffingennummer, persoon, periode_begin, periode_einde, uren, vorm FROM (
                  SELECT row_number() OVER () + 1 AS rij, * FROM verloning)
                WHERE uren IS NULL OR uren < 0 OR vorm IS NULL OR vorm NOT IN {InSql(Forms)}
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
            var (count, rows, attributions) = Prepare(db, o.InputDir, o.Year, timer, stop => { if (warmUp) WarmUp(o.Year, stop); });
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
                WHERE a.eind AND NOT (w.sector = '{ShelteredSector}' AND a.vorm = 'dienstverband')
                """);
            var employers = o.KeepEmployers ? ReadOutcomes(db, count, attributions) : null;

            var result = new NationalRunResult(o.Year, rows, overview, employers, measurement, persons, explanation, timer.Timings);
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


    /// <summary>Fixed-point (ten-thousandths) BIGINT to DECIMAL(18,4), exact.</summary>
    internal static string Dec4(string expr) => $"({expr}::DECIMAL(18,0) * 0.0001::DECIMAL(5,4))::DECIMAL(18,4)";

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
            list[i] = new EmployerQuota(inputs[i], Sql.FromTenThousandths(r.GetInt64(1)), r.IsDBNull(2) ? null : Sql.FromTenThousandths(r.GetInt64(2)),
                Sql.FromTenThousandths(r.GetInt64(3)), Sql.FromTenThousandths(r.GetInt64(4)), Sql.FromTenThousandths(r.GetInt64(5)), r.GetBoolean(6));
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
        Sql.Exec(db, $"COPY ({select}) TO '{Sql.Escape(Path.Combine(o.OutputDir!, "werkgevers_quotum" + ext))}' {fmt}");
        var summary = NationalSummary.Build(parameters, result);
        File.WriteAllText(Path.Combine(o.OutputDir!, "landelijke_meting.csv"), summary.MeasurementCsv);
        File.WriteAllText(Path.Combine(o.OutputDir!, "samenvatting.txt"), summary.Text);
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
