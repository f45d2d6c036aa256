using Banenmonitor.Rules.Regions;
using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

namespace Banenmonitor.Analytics.Synthetic;

/// <summary>Options of the synthetic data set (<c>banenmonitor synthetisch</c>).</summary>
/// <param name="Jobs">Number of employment relations (<i>werknemers</i> / dienstverbanden); about 11.5 payroll rows each.</param>
/// <param name="Employers">Number of employers (<i>werkgevers</i>).</param>
/// <param name="Year">The year of the payroll records.</param>
/// <param name="Seed">Seed: the same seed gives byte-for-byte the same rows.</param>
public sealed record SyntheticOptions(long Jobs, long Employers, int Year, long Seed = 1)
{
    /// <summary>Registered persons per job in the national register (265,445 persons on 10 million jobs in the shapes used here).</summary>
    public const double RegisteredPerJob = 265_445d / 10_000_000d;

    /// <summary>Share of registered persons that works (UWV dashboard end 2023: 52.3%).</summary>
    public const double WorkingShare = 0.523;
}

/// <summary>Progress of a long-running step, reported to the caller (the CLI shows it with Spectre.Console).</summary>
public sealed record StepProgress(string Step, int Index, int Count, TimeSpan Elapsed, long? Rows);

/// <summary>
/// Generates a realistic synthetic year of payroll records with DuckDB SQL, streaming straight to Parquet:
/// heavy-tailed (Pareto) employer sizes, part-time hours, mid-year starts and ends, temp agencies, payroll companies,
/// sheltered-employment companies lending Wsw workers, government employers in sectors 61–66, a target-group register
/// with mid-year registrations and de-registrations, hired-in attributions and previous-year totals; each employer has a
/// municipality of the published division into labour-market regions (<see cref="LabourMarketRegions"/>).
/// All randomness comes from <c>hash(key, seed)</c>, so the output depends only on the options, not on thread timing.
/// The synthetic shapes (shares, size law) are modelling choices, not legal numbers.
/// </summary>
public static class SyntheticDataGenerator
{
    public static readonly string[] Files =
    [
        InputFiles.Employers, InputFiles.Payroll, InputFiles.Register, InputFiles.Attributions, InputFiles.PreviousYear,
    ];

    public static IReadOnlyDictionary<string, long> Generate(SyntheticOptions o, string outputDir, IProgress<StepProgress>? progress = null,
        string? memoryLimit = null)
    {
        if (o.Jobs < 1 || o.Employers < 1) throw new ArgumentOutOfRangeException(nameof(o), "Aantal werknemers en werkgevers moet groter dan nul zijn.");
        if (o.Employers > o.Jobs) throw new ArgumentOutOfRangeException(nameof(o), "Er moeten minstens zoveel werknemers als werkgevers zijn.");
        Directory.CreateDirectory(outputDir);
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        var tmp = Path.Combine(Path.GetTempPath(), "banenmonitor-duckdb-" + Environment.ProcessId);
        Exec(db, $"SET temp_directory = {Sql.Literal(tmp)}");
        Exec(db, "SET preserve_insertion_order = false");
        if (memoryLimit is not null) Exec(db, $"SET memory_limit = {Sql.Literal(memoryLimit)}");
        var seed = o.Seed.ToString(CultureInfo.InvariantCulture);
        // u(key, tag): a deterministic uniform number in [0, 1) from the key, a tag per use and the seed.
        Exec(db, $"CREATE MACRO u(k, tag) AS (hash(k, tag, {seed}::BIGINT) % 1000000007) / 1000000007.0");
        // Municipalities (for the labour-market regions): each employer gets one of the published division's, uniformly.
        LabourMarketRegionTables.CreateTables(db);
        var registered = Math.Max(10L, (long)Math.Round(o.Jobs * SyntheticOptions.RegisteredPerJob));
        var working = (long)Math.Round(registered * SyntheticOptions.WorkingShare);
        var rows = new Dictionary<string, long>();
        var sw = Stopwatch.StartNew();
        var steps = new (string Name, string File, string Sql)[]
        {
            ("werkgevers", InputFiles.Employers, EmployersSql),
            ("dienstverbanden", "", JobsSql),
            ("doelgroepregister", InputFiles.Register, RegisterSql),
            ("verloning", InputFiles.Payroll, PayrollSql),
            ("toerekeningen inleen", InputFiles.Attributions, AttributionsSql),
            ("verloonde uren vorig jaar", InputFiles.PreviousYear, PreviousYearSql),
        };
        for (var i = 0; i < steps.Length; i++)
        {
            var (name, file, sql) = steps[i];
            progress?.Report(new StepProgress(name, i, steps.Length, sw.Elapsed, null));
            using var cmd = db.CreateCommand();
            cmd.CommandText = sql;
            cmd.Parameters.Add(new DuckDBParameter("werkgevers", o.Employers));
            cmd.Parameters.Add(new DuckDBParameter("banen", o.Jobs));
            cmd.Parameters.Add(new DuckDBParameter("jaar", o.Year));
            cmd.Parameters.Add(new DuckDBParameter("geregistreerd", registered));
            cmd.Parameters.Add(new DuckDBParameter("werkend", working));
            // Only parameters the statement uses may be bound.
            var used = cmd.Parameters.Cast<DuckDBParameter>().Where(p => sql.Contains("$" + p.ParameterName, StringComparison.Ordinal)).ToList();
            cmd.Parameters.Clear();
            foreach (var p in used) cmd.Parameters.Add(p);
            var path = Path.Combine(outputDir, file + ".parquet");
            if (file == InputFiles.Payroll)
            {
                // The payroll rows stream straight from the query to Parquet, never held in memory as a table.
                cmd.CommandText = $"COPY ({sql}) TO {Sql.Literal(path)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000000)";
                rows[file] = Convert.ToInt64(cmd.ExecuteNonQuery());
            }
            else
            {
                cmd.ExecuteNonQuery();
                if (file.Length > 0)
                {
                    Exec(db, $"COPY (SELECT * FROM {file}) TO {Sql.Literal(path)} (FORMAT parquet, COMPRESSION zstd)");
                    rows[file] = Scalar(db, $"SELECT count(*) FROM {file}");
                }
            }
            progress?.Report(new StepProgress(name, i + 1, steps.Length, sw.Elapsed, file.Length > 0 ? rows[file] : null));
        }
        try { if (Directory.Exists(tmp)) Directory.Delete(tmp, true); } catch (IOException) { }
        return rows;
    }

    private static void Exec(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static long Scalar(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    // Employer kinds: uitzendbureau (temp agency), sw (sheltered employment, sector 67), payroll company,
    // government (sectors 61–66) and market. Sizes follow a Pareto law (alpha 1.1), agencies and government
    // employers larger on average; every employer gets at least one job.
    private const string EmployersSql = """
        CREATE TABLE wg_raw AS
        WITH k AS (
          SELECT range AS i, u(range, 'kind') AS uk, u(range, 'sector') AS us, u(range, 'size') AS uz FROM range($werkgevers)
        ), kinds AS (
          SELECT i, uz, us,
            CASE WHEN uk < 0.006 THEN 'uitzendbureau' WHEN uk < 0.0062 THEN 'sw' WHEN uk < 0.0072 THEN 'payroll'
                 WHEN uk < 0.0372 THEN 'overheid' ELSE 'markt' END AS soort
          FROM k
        )
        SELECT i, soort,
          CASE soort WHEN 'overheid' THEN
                 CASE WHEN us < 0.50 THEN '61' WHEN us < 0.60 THEN '62' WHEN us < 0.61 THEN '63'
                      WHEN us < 0.86 THEN '64' WHEN us < 0.93 THEN '65' ELSE '66' END
               WHEN 'sw' THEN '67' ELSE 'markt' END AS sector,
          CASE soort WHEN 'uitzendbureau' THEN 'uitzendbureau' WHEN 'sw' THEN 'sw-bedrijf' ELSE 'geen' END AS uitlenertype,
          least(pow(1 - uz, -1 / 1.1), 1e6) * CASE soort WHEN 'uitzendbureau' THEN 12 WHEN 'sw' THEN 8 WHEN 'payroll' THEN 6
                                                        WHEN 'overheid' THEN 6 ELSE 1 END AS gewicht
        FROM kinds;
        CREATE TABLE wg AS
        WITH s AS (SELECT *, gewicht / sum(gewicht) OVER () AS aandeel FROM wg_raw),
             n AS (SELECT *, 1 + floor(aandeel * ($banen - $werkgevers))::BIGINT AS aantal FROM s)
        SELECT i, soort, sector, uitlenertype, aantal,
               sum(aantal) OVER (ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS eerste
        FROM n;
        UPDATE wg SET eerste = 0 WHERE eerste IS NULL;
        CREATE TABLE werkgevers AS
          WITH g AS (SELECT gemeente, row_number() OVER (ORDER BY gemeente) - 1 AS k, count(*) OVER () AS n FROM gemeente_regio)
          SELECT printf('%09dL01', 100000000 + i) AS loonheffingennummer, sector, uitlenertype, g.gemeente
          FROM wg JOIN g ON g.k = floor(u(wg.i, 'gemeente') * g.n) ORDER BY i;
        """;

    // One row per job: person, start and end month, monthly hours (part-time mostly), form of employment.
    // 8% of jobs are a second job of a person who already has one (persons < jobs).
    private const string JobsSql = """
        CREATE TABLE banen AS
        WITH b AS (SELECT wg.i AS w, wg.soort, wg.eerste + r.range AS baan FROM wg, range(wg.aantal) r)
        SELECT baan, w, soort,
          (CASE WHEN u(baan, 'tweede') < 0.08 THEN hash(baan, 'wie', 7) % (SELECT max(eerste + aantal) FROM wg) ELSE baan END)::BIGINT AS persoon,
          CASE WHEN u(baan, 'start') < 0.86 THEN 1 ELSE 2 + floor(u(baan, 'startm') * 11)::INT END AS m1,
          u(baan, 'einde') AS ue,
          CASE WHEN u(baan, 'vt') < 0.32 THEN 150 + 25 * u(baan, 'vtu') ELSE 12 + 128 * u(baan, 'dtu') END AS uren_basis,
          CASE soort WHEN 'uitzendbureau' THEN 'uitzending' WHEN 'payroll' THEN 'payroll'
                     WHEN 'sw' THEN CASE WHEN u(baan, 'det') < 0.35 THEN 'detachering' ELSE 'dienstverband' END
                     ELSE 'dienstverband' END AS vorm
        FROM b;
        """;

    // Target-group register: working persons (more likely at sheltered employment and agencies), the rest not
    // working; most registered years ago, some during the year, a few leave during the year (some of those return).
    private const string RegisterSql = """
        CREATE TABLE dg_werkend AS
        WITH p AS (
          SELECT persoon, max(CASE soort WHEN 'sw' THEN 3 WHEN 'uitzendbureau' THEN 2 ELSE 1 END) AS klasse
          FROM banen GROUP BY persoon
        ), n AS (SELECT count(*) FILTER (klasse = 1) AS n1, count(*) FILTER (klasse = 2) AS n2, count(*) FILTER (klasse = 3) AS n3 FROM p),
        q AS (SELECT greatest(0.0, ($werkend - 0.55 * n3) / (n1 + 3.0 * n2)) AS q FROM n)
        SELECT persoon FROM p, q
        WHERE u(persoon, 'reg') < CASE klasse WHEN 3 THEN 0.55 WHEN 2 THEN least(1.0, 3 * q.q) ELSE q.q END;
        CREATE TABLE doelgroepregister AS
        WITH personen AS (
          SELECT persoon FROM dg_werkend
          UNION ALL
          SELECT (SELECT max(persoon) FROM banen) + 1 + range FROM range(greatest(0, $geregistreerd - (SELECT count(*) FROM dg_werkend)))
        ), r AS (
          SELECT persoon,
            CASE WHEN u(persoon, 'regstart') < 0.85
                 THEN DATE '2015-01-01' + floor(u(persoon, 'regdag') * (make_date($jaar, 1, 1) - DATE '2015-01-01'))::INT
                 ELSE make_date($jaar, 1, 1) + floor(u(persoon, 'regdag2') * 365)::INT END AS begindatum,
            u(persoon, 'regeind') AS ue
          FROM personen
        ), e AS (
          SELECT persoon, begindatum,
            CASE WHEN ue < 0.04 THEN greatest(begindatum, make_date($jaar, 1, 1)) + floor(u(persoon, 'eind') * 200)::INT END AS einddatum, ue
          FROM r
        )
        SELECT persoon, begindatum, einddatum FROM e
        UNION ALL
        SELECT persoon, einddatum + 10 + floor(u(persoon, 'terug') * 50)::INT, NULL FROM e WHERE ue < 0.012;
        """;

    private const string PayrollSql = """
        WITH j AS (
          SELECT baan, w, persoon, m1, uren_basis, vorm,
            CASE WHEN ue < 0.9 THEN 12 ELSE m1 + floor(u(baan, 'eindm') * (13 - m1))::INT END AS m2
          FROM banen
        )
        SELECT printf('%09dL01', 100000000 + w) AS loonheffingennummer, persoon,
          make_date($jaar, m.range::INT, 1) AS periode_begin,
          last_day(make_date($jaar, m.range::INT, 1)) AS periode_einde,
          round(uren_basis * (0.92 + 0.16 * u(baan * 16 + m.range, 'maand')), 2)::DECIMAL(9,2) AS uren,
          vorm
        FROM j, range(j.m1, j.m2 + 1) m
        """;

    // Attribution agreements for lent-out registered workers: 60% of them, hirer mostly a government employer,
    // attributed hours around the person's hours (sometimes more, so the cap matters), ~10% agreed too late.
    private const string AttributionsSql = """
        CREATE TABLE toerekeningen AS
        WITH gov AS (SELECT row_number() OVER (ORDER BY i) - 1 AS k, i FROM wg WHERE soort = 'overheid'),
             ng AS (SELECT count(*) AS n FROM gov),
             uit AS (
               SELECT b.baan, b.w, b.persoon, b.uren_basis * (13 - b.m1) AS jaaruren
               FROM banen b SEMI JOIN dg_werkend d ON b.persoon = d.persoon
               WHERE b.vorm IN ('uitzending', 'detachering') AND u(b.baan, 'toe') < 0.6
             )
        SELECT printf('%09dL01', 100000000 + uit.w) AS uitlener,
               printf('%09dL01', 100000000 + CASE WHEN u(uit.baan, 'inl') < 0.7 AND ng.n > 0 THEN g.i
                                                 ELSE hash(uit.baan, 'wgv', 3) % $werkgevers END) AS inlener,
               uit.persoon,
               round(uit.jaaruren * (0.5 + 0.65 * u(uit.baan, 'toeu')), 2)::DECIMAL(12,2) AS uren,
               make_date($jaar + 1, 3, 1) + floor(u(uit.baan, 'akkoord') * 170)::INT AS overeengekomen_op
        FROM uit CROSS JOIN ng LEFT JOIN gov g ON g.k = hash(uit.baan, 'gk', 5) % greatest(ng.n, 1);
        """;

    // Previous year's A per employer (threshold test): about this year's size with noise; 3% did not exist.
    private const string PreviousYearSql = """
        CREATE TABLE vorig_jaar AS
        SELECT printf('%09dL01', 100000000 + wg.i) AS loonheffingennummer,
               round(sum(CASE WHEN b.vorm = 'uitzending' THEN 0 ELSE b.uren_basis * 12 END) * (0.8 + 0.35 * u(wg.i, 'groei')), 2)::DECIMAL(14,2) AS verloonde_uren
        FROM wg JOIN banen b ON b.w = wg.i
        WHERE u(wg.i, 'nieuw') >= 0.03
        GROUP BY wg.i;
        """;
}
