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
    public QuotaInput ToQuotaInput(int year) =>
        QuotaInputOf(year, TotalPaidHours, AgencyStaffHours, TargetGroupHours, TotalPaidHoursPreviousYear, Attributions, IsGovernment);

    /// <summary>The one mapping from an employer's aggregated figures to the rules core's input.</summary>
    public static QuotaInput QuotaInputOf(int year, decimal totalPaidHours, decimal agencyStaffHours, decimal targetGroupHours,
        decimal? totalPaidHoursPreviousYear, IReadOnlyList<HiredInAttribution> attributions, bool isGovernment) =>
        new(year, new(totalPaidHours), new(targetGroupHours), totalPaidHoursPreviousYear is { } p ? new(p) : null, attributions,
            agencyStaffHours > 0 ? new(agencyStaffHours) : null, isGovernment);
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

/// <summary>
/// Options of a national run. <paramref name="KeepEmployers"/>: also return every employer's inputs and outcome as .NET
/// objects (<see cref="NationalRunResult.Employers"/>); the outcomes are written to the output file either way.
/// </summary>
public sealed record NationalRunOptions(string InputDir, int Year, string? OutputDir = null, string? ExplainEmployer = null,
    string? MemoryLimit = null, int? Threads = null, bool Csv = false, bool KeepEmployers = false);

/// <summary>One of the largest levies.</summary>
public sealed record LevyRow(string PayrollTaxNumber, string SectorCode, decimal Shortfall, decimal Levy);

/// <summary>
/// Totals of the employers' quota outcomes (each outcome computed by the rules core): all employers, government
/// employers, those above the threshold (not exempt), with a shortfall, and the sums over the latter.
/// </summary>
public sealed record QuotaOverview(
    long Employers,
    long Government,
    long Liable,
    long WithShortfall,
    decimal RequiredJobs,
    decimal RealisedJobs,
    decimal Shortfall,
    decimal Levy,
    IReadOnlyList<LevyRow> LargestLevies);

/// <summary>Everything a national run produced.</summary>
public sealed record NationalRunResult(
    int Year,
    long PayrollRows,
    QuotaOverview Quota,
    IReadOnlyList<EmployerQuota>? Employers,
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

    /// <summary>Sector codes of the employers file: government 61–66, sheltered employment 67, and market.</summary>
    public static readonly string[] Sectors = ["61", "62", "63", "64", "65", "66", "67", "markt"];

    private static string SqlList(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(v => $"'{v}'")) + "]";

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
    /// Leaves temporary tables <c>reg_persoon</c> and <c>uren_agg</c> (columns lhnr, vorm, dg_persoon, eind, uren,
    /// regels).
    /// </summary>
    /// <remarks>
    /// Period rule (Wfsv art. 38g lid 8): a period counts when the person was registered at any moment of it. Per
    /// registered person the register keeps the hull [b, e] of the person's intervals that touch the year and, only for
    /// the few persons with more than one interval, the list of intervals. The payroll pass is an equi-join on the person;
    /// per row two date comparisons against the hull decide, and only a multi-interval person's rows evaluate the list
    /// (measured: 10–20% faster at 120M rows than a list per person). Row validation is folded into the same pass: form
    /// and employer are group keys (checked on the groups); a row failing the other column checks ({0}: see
    /// <see cref="FullRowCheck"/>; for Parquet whose statistics prove no NULLs and no negative hours only the period
    /// order is checked per row) lands in a group whose <c>eind</c> is NULL, which the validation looks for (measured:
    /// cheaper than a counted filter, an extra aggregate per group).
    /// </remarks>
    public const string FullRowCheck =
        "v.uren IS NULL OR v.uren < 0 OR v.periode_einde IS NULL OR v.periode_einde < v.periode_begin OR v.persoon IS NULL";

    private const string PeriodOrderCheck = "v.periode_einde < v.periode_begin";

    public const string AggregateSql = """
        CREATE OR REPLACE TEMP TABLE reg_persoon AS
        SELECT persoon, min(begindatum) AS b, max(coalesce(einddatum, DATE '9999-12-31')) AS e,
          CASE WHEN count(*) > 1 THEN list({'b': begindatum, 'e': coalesce(einddatum, DATE '9999-12-31')}) END AS iv
        FROM doelgroepregister
        WHERE begindatum <= $jaareinde AND (einddatum IS NULL OR einddatum >= $jaarbegin) AND persoon IS NOT NULL
        GROUP BY persoon;
        CREATE OR REPLACE TEMP TABLE uren_agg AS
        SELECT v.loonheffingennummer AS lhnr, v.vorm,
          CASE WHEN r.b <= v.periode_einde AND r.e >= v.periode_begin
                AND (r.iv IS NULL OR len(list_filter(r.iv, x -> x.b <= v.periode_einde AND x.e >= v.periode_begin)) > 0)
               THEN v.persoon END AS dg_persoon,
          CASE WHEN NOT ({0}) THEN v.periode_begin >= $laatstemaand END AS eind,
          sum(v.uren) AS uren,
          count(*) AS regels
        FROM verloning v LEFT JOIN reg_persoon r ON v.persoon = r.persoon
        WHERE v.periode_begin BETWEEN $jaarbegin AND $jaareinde
        GROUP BY ALL;
        """;

    /// <summary>
    /// Employer inputs, one row per employer, kept as table <c>werkgever_invoer</c> (not TEMP: the parallel readers use
    /// their own connections); its <c>rowid</c>, dense from 0, is the employer's position in the returned list, so results
    /// are joined back by position. Hours are read as whole ten-thousandths (BIGINT, exact: input hours have at most 4
    /// decimals, checked when the views are made), which avoids 128-bit decimal conversions per value.
    /// </summary>
    private const string EmployerSql = """
        CREATE OR REPLACE TABLE werkgever_invoer AS
        WITH a AS (
          SELECT lhnr, sum(uren) AS verloonde_uren,
            coalesce(sum(uren) FILTER (vorm = 'uitzending'), 0) AS uren_uitzendkrachten,
            coalesce(sum(uren) FILTER (dg_persoon IS NOT NULL), 0) AS uren_doelgroep
          FROM uren_agg GROUP BY lhnr)
        SELECT w.loonheffingennummer, w.sector, w.uitlenertype,
          (coalesce(a.verloonde_uren, 0) * 10000)::BIGINT AS verloonde_uren,
          (coalesce(a.uren_uitzendkrachten, 0) * 10000)::BIGINT AS uren_uitzendkrachten,
          (coalesce(a.uren_doelgroep, 0) * 10000)::BIGINT AS uren_doelgroep,
          ({0} * 10000)::BIGINT AS verloonde_uren_vorig_jaar
        FROM werkgevers w LEFT JOIN a ON a.lhnr = w.loonheffingennummer {1}
        """;


    private const string AttributionSql = """
        WITH ph AS (SELECT lhnr, dg_persoon AS persoon, sum(uren) AS uren FROM uren_agg WHERE dg_persoon IS NOT NULL GROUP BY ALL)
        SELECT wu.rowid::INTEGER AS uitlener, wi.rowid::INTEGER AS inlener, t.persoon, t.uren, coalesce(ph.uren, 0) AS uren_persoon,
          t.overeengekomen_op
        FROM toerekeningen t LEFT JOIN ph ON ph.lhnr = t.uitlener AND ph.persoon = t.persoon
        LEFT JOIN werkgever_invoer wu ON wu.loonheffingennummer = t.uitlener
        LEFT JOIN werkgever_invoer wi ON wi.loonheffingennummer = t.inlener
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
        var (count, attributions) = PrepareEmployers(db, year, hasPreviousYear, step);
        var list = new EmployerAggregate[count];
        ReadEmployers(db, "true", attributions, (i, e) => list[i] = e);
        return list;
    }

    /// <summary>
    /// The payroll pass, validation, the table <c>werkgever_invoer</c> (one row per employer, its <c>rowid</c> the
    /// employer's position) and the attributions per employer position; returns the number of employers and the
    /// attributions.
    /// </summary>
    internal (int Count, Dictionary<int, List<HiredInAttribution>> Attributions) PrepareEmployers(DuckDBConnection db, int year,
        bool hasPreviousYear, Action<string>? step)
    {
        var ps = SqlParameters(year);
        step?.Invoke("verloning lezen en optellen per werkgever");
        Sql.Exec(db, AggregateSql.Replace("{0}", StatisticsProveValues(db) ? PeriodOrderCheck : FullRowCheck, StringComparison.Ordinal), ps);
        step?.Invoke("invoer controleren");
        ValidatePayroll(db);
        step?.Invoke("werkgevers");
        Sql.Exec(db, string.Format(CultureInfo.InvariantCulture, EmployerSql,
            hasPreviousYear ? "coalesce(p.verloonde_uren, 0)" : "NULL::DECIMAL(18,4)",
            hasPreviousYear ? "LEFT JOIN vorig_jaar p ON p.loonheffingennummer = w.loonheffingennummer" : ""));
        step?.Invoke("toerekeningen");
        var attributions = ReadAttributions(db);
        return ((int)Sql.Long(db, "SELECT count(*) FROM werkgever_invoer"), attributions);
    }

    /// <summary>Sector and lender type as their position in <see cref="Sectors"/> and <see cref="LenderTypes"/> (validated codes).</summary>
    internal static readonly string SectorIndexSql = $"list_position({SqlList(Sectors)}, sector)::INTEGER - 1";
    private static readonly string LenderIndexSql = $"list_position({SqlList(LenderTypes)}, uitlenertype)::INTEGER - 1";

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
            each(i, new EmployerAggregate(r.GetString(1), Sectors[r.GetInt32(2)], LenderTypes[r.GetInt32(3)], Sql.FromTenThousandths(r.GetInt64(4)),
                Sql.FromTenThousandths(r.GetInt64(5)), Sql.FromTenThousandths(r.GetInt64(6)),
                r.IsDBNull(7) ? null : Sql.FromTenThousandths(r.GetInt64(7)),
                attributions.TryGetValue(i, out var at) ? at : []));
        }
    }

    /// <summary>
    /// True when the payroll Parquet's row-group statistics show that persoon, periode_einde and uren have no NULLs and
    /// uren no negative value in any row group (missing statistics prove nothing).
    /// </summary>
    private static bool StatisticsProveValues(DuckDBConnection db)
    {
        if (Sql.Long(db, $"SELECT count(*) FROM duckdb_views() WHERE view_name = '{InputFiles.Payroll}{InputFiles.StatisticsSuffix}'") == 0)
            return false;
        return Sql.Scalar(db, $"""
            SELECT count(*) FILTER (kolom = 'uren') > 0
               AND count(*) FILTER (kolom IN ('persoon', 'periode_einde', 'uren') AND coalesce(nullen, 1) > 0) = 0
               AND count(*) FILTER (kolom = 'uren' AND coalesce(TRY_CAST(minimum AS DECIMAL(38,4)) < 0, true)) = 0
            FROM {InputFiles.Payroll}{InputFiles.StatisticsSuffix}
            """) is true;
    }

    private static void ValidatePayroll(DuckDBConnection db)
    {
        // Employers: unique, known sector and lender type. A cheap aggregate first; the row is looked up only on failure.
        var employersOk = Sql.Scalar(db, """
            SELECT count(*) = count(DISTINCT loonheffingennummer)
               AND count(*) FILTER (loonheffingennummer IS NULL
                 OR sector IS NULL OR sector NOT IN ('61','62','63','64','65','66','67','markt')
                 OR uitlenertype IS NULL OR uitlenertype NOT IN ('geen','uitzendbureau','sw-bedrijf')) = 0
            FROM werkgevers
            """) is true;
        if (!employersOk)
        {
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
        }
        if (Sql.Long(db, """
            SELECT count(*) FILTER (eind IS NULL OR lhnr IS NULL OR vorm IS NULL
              OR vorm NOT IN ('dienstverband', 'uitzending', 'detachering', 'payroll'))
            FROM uren_agg
            """) > 0)
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
        var rulesCore = new RulesCoreFunction(calc, o.Year);
        try
        {
            var hasPrev = CreateInputViews(db, o.InputDir);
            using var stopWarmUp = new ManualResetEventSlim();
            var warmUp = Task.Run(() => WarmUp(o.Year, stopWarmUp));
            int count;
            Dictionary<int, List<HiredInAttribution>> attributions;
            try { (count, attributions) = PrepareEmployers(db, o.Year, hasPrev, timer.Step); }
            finally
            {
                stopWarmUp.Set();
                warmUp.Wait();
            }
            var rows = Sql.Long(db, "SELECT coalesce(sum(regels), 0) FROM uren_agg");

            timer.Step("quotum per werkgever (rekenkern)");
            rulesCore.Compute(db, attributions);

            QuotaResult? explanation = null;
            if (o.ExplainEmployer is not null)
            {
                ReadEmployers(db, $"loonheffingennummer = '{Sql.Escape(o.ExplainEmployer)}'", attributions,
                    (_, e) => explanation = calc.Compute(e.ToQuotaInput(o.Year)));
                if (explanation is null) throw new AnalyticsInputException($"Werkgever {o.ExplainEmployer} staat niet in werkgevers.");
            }

            timer.Step("landelijke meting");
            var overview = ReadOverview(db);
            var measurement = new List<MeasurementRow>();
            using (var cmd = Sql.Command(db, MeasurementSql))
            using (var r = cmd.ExecuteReader())
                while (r.Read())
                    measurement.Add(new MeasurementRow(r.GetString(0), r.GetString(1), Sql.Dec(r.GetValue(2)), r.GetInt64(3), r.GetInt64(4)));
            var persons = Sql.Long(db, """
                SELECT count(DISTINCT a.dg_persoon) FROM uren_agg a JOIN werkgevers w ON a.lhnr = w.loonheffingennummer
                WHERE a.dg_persoon IS NOT NULL AND a.eind AND NOT (w.sector = '67' AND a.vorm = 'dienstverband')
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
            rulesCore.ThrowIfFailed();
            throw new AnalyticsInputException("Fout bij het lezen van de invoer: " + Sql.FirstLine(e.Message));
        }
    }

    /// <summary>
    /// The rules core as a DuckDB scalar function: DuckDB hands it the employers' aggregated figures a vector (2,048
    /// employers) at a time, on its own worker threads, and it returns for each employer the outcome of
    /// <see cref="QuotaCalculator.Figures"/> — the same computation as <see cref="QuotaCalculator.Compute(QuotaInput)"/>
    /// without building the trace — as a list of numbers: A, required jobs (<see cref="NoValue"/> when the employer is
    /// exempt), realised jobs, shortfall, levy (fixed-point ten-thousandths), exempt (1/0), government (1/0) and the
    /// number of attributions the rules core received. The lists land in the temporary table <c>quotum_uitkomst</c>;
    /// the view <c>quotum</c> names their elements (<see cref="OutcomeView"/>). No employer passes through a .NET object
    /// on the way.
    /// </summary>
    private sealed class RulesCoreFunction(QuotaCalculator calc, int year)
    {
        private const string Name = "rekenkern_quotum";
        private Exception? _failure;

        /// <summary>Stands for "no value" (required jobs of an exempt employer) in the list; counts are never negative.</summary>
        private const long NoValue = -1;
        private const string NoValueText = "-1";

        public void Compute(DuckDBConnection db, Dictionary<int, List<HiredInAttribution>> attributions)
        {
            db.RegisterScalarFunction<long, List<long>>(Name, (readers, writer, count) =>
            {
                try
                {
                    Chunk(readers, writer, count, attributions);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref _failure, e, null);
                    throw;
                }
            }, new ScalarFunctionOptions { IsPureFunction = true, HandlesNulls = true }, @params: true);
            Sql.Exec(db, $"""
                CREATE OR REPLACE TEMP TABLE quotum_uitkomst AS
                SELECT rowid::INTEGER AS i, {Name}(rowid, verloonde_uren, uren_uitzendkrachten, uren_doelgroep,
                  verloonde_uren_vorig_jaar, {SectorIndexSql}) AS r
                FROM werkgever_invoer;
                {OutcomeView}
                """);
        }

        /// <summary>The one place that knows the positions in the function's list and the stand-in for "no value".</summary>
        private const string OutcomeView = $"""
            CREATE OR REPLACE TEMP VIEW quotum AS
            SELECT i, r[1] AS a, nullif(r[2], {NoValueText}) AS vereiste_banen, r[3] AS gerealiseerde_banen, r[4] AS quotumtekort,
              r[5] AS quotumheffing, r[6] = 1 AS vrijgesteld, r[7] = 1 AS overheid, r[8]::INTEGER AS toerekeningen
            FROM quotum_uitkomst
            """;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private void Chunk(IReadOnlyList<DuckDB.NET.Data.DataChunk.Reader.IDuckDBDataReader> readers,
            DuckDB.NET.Data.DataChunk.Writer.IDuckDBDataWriter writer, ulong count, Dictionary<int, List<HiredInAttribution>> attributions)
        {
            var (ri, rt, ra, rc, rp, rs) = (readers[0], readers[1], readers[2], readers[3], readers[4], readers[5]);
            for (ulong k = 0; k < count; k++)
            {
                var i = (int)ri.GetValue<long>(k);
                var gov = IsGovernmentSector(Sectors[rs.GetValue<long>(k)]);
                var input = EmployerAggregate.QuotaInputOf(year, Sql.FromTenThousandths(rt.GetValue<long>(k)),
                    Sql.FromTenThousandths(ra.GetValue<long>(k)), Sql.FromTenThousandths(rc.GetValue<long>(k)),
                    rp.IsValid(k) ? Sql.FromTenThousandths(rp.GetValue<long>(k)) : null,
                    attributions.TryGetValue(i, out var at) ? at : [], gov);
                var q = calc.Figures(input);
                writer.WriteValue(new List<long>(7)
                {
                    Sql.ToTenThousandths(q.TotalPaidHours.Value),
                    q.RequiredJobs is { } req ? Sql.ToTenThousandths(req.Value) : NoValue,
                    Sql.ToTenThousandths(q.RealisedJobs.Value), Sql.ToTenThousandths(q.Shortfall.Value),
                    Sql.ToTenThousandths(q.Levy.Value), q.Exempt ? 1 : 0, gov ? 1 : 0, input.Attributions?.Count ?? 0,
                }, k);
            }
        }

        public void ThrowIfFailed()
        {
            if (_failure is { } e) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e);
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
            SELECT w.loonheffingennummer, w.sector, {Dec4("q.quotumtekort")}, {Dec4("q.quotumheffing")}
            FROM quotum q JOIN werkgever_invoer w ON w.rowid = q.i
            WHERE q.overheid AND NOT q.vrijgesteld
            ORDER BY q.quotumheffing DESC, w.loonheffingennummer LIMIT 5
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
        // DuckDB joins the employers' inputs with the rules core's outcomes and writes the file with COPY.
        static string D(string c, string name) => $"{Dec4(c)} AS {name}";
        var select = $"""
            SELECT w.loonheffingennummer, w.sector, w.uitlenertype, {D("w.verloonde_uren", "verloonde_uren")},
              {D("w.uren_uitzendkrachten", "uren_uitzendkrachten")}, {D("w.uren_doelgroep", "uren_doelgroep")},
              {D("w.verloonde_uren_vorig_jaar", "verloonde_uren_vorig_jaar")}, q.toerekeningen,
              {D("q.a", "a")}, {D("q.vereiste_banen", "vereiste_banen")}, {D("q.gerealiseerde_banen", "gerealiseerde_banen")},
              {D("q.quotumtekort", "quotumtekort")}, {D("q.quotumheffing", "quotumheffing")}, q.vrijgesteld
            FROM werkgever_invoer w JOIN quotum q ON q.i = w.rowid
            """;
        var fmt = o.Csv ? "(FORMAT csv, HEADER true)" : "(FORMAT parquet, COMPRESSION zstd)";
        var ext = o.Csv ? ".csv" : ".parquet";
        Sql.Exec(db, $"COPY ({select}) TO '{Sql.Escape(Path.Combine(o.OutputDir!, "werkgevers_quotum" + ext))}' {fmt}");
        var summary = NationalSummary.Build(parameters, result);
        File.WriteAllText(Path.Combine(o.OutputDir!, "landelijke_meting.csv"), summary.MeasurementCsv);
        File.WriteAllText(Path.Combine(o.OutputDir!, "samenvatting.txt"), summary.Text);
    }

    /// <summary>
    /// Runs the rules core on a few thousand made-up employers (every path: market, below the threshold, shortfall,
    /// agency hours, attributions) while DuckDB does the payroll pass, so the JIT has compiled optimised code before
    /// the real employers arrive (measured: the first pass over 450,000 employers took 2–3× the later ones when cold).
    /// Stops as soon as the payroll pass is done (small inputs do not wait for it). The results are discarded.
    /// </summary>
    private void WarmUp(int year, ManualResetEventSlim stop)
    {
        try
        {
            var calc = new QuotaCalculator(parameters);
            var agreed = new DateOnly(year + 1, 3, 1);
            HiredInAttribution[] atts =
            [
                new("persoon 1", AttributionSide.Hirer, new(500m), new(400m), agreed),
                new("persoon 2", AttributionSide.Lender, new(300m), new(350m), agreed.AddYears(1)),
            ];
            for (var round = 0; round < 4 && !stop.IsSet; round++)
            {
                for (var i = 0; i < 3000 && !stop.IsSet; i++)
                {
                    var hours = 1000m + 37.25m * i;
                    var input = new EmployerAggregate("warm", i % 3 == 0 ? "61" : "markt", i % 7 == 0 ? "uitzendbureau" : "geen",
                        hours, i % 7 == 0 ? hours / 2 : 0m, hours / 40, i % 5 == 0 ? null : hours, i % 11 == 0 ? atts : []);
                    calc.Figures(input.ToQuotaInput(year));
                }
                stop.Wait(150); // tiered compilation promotes hot methods in the background after a short delay
            }
        }
        catch (MissingParameterException)
        {
            // The real computation reports missing parameters with its own message.
        }
    }

    /// <summary>Used by the synthetic generator's callers to check the file set is complete.</summary>
    public static IEnumerable<string> MissingInputs(string dir) =>
        SyntheticDataGenerator.Files.Take(3).Where(f => InputFiles.Find(dir, f) is null);
}
