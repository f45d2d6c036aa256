using System.Globalization;
using System.Collections.Concurrent;
using Banenmonitor.Rules.Regimes;
using Banenmonitor.Rules.Units;
using DuckDB.NET.Data;
using static Banenmonitor.Analytics.NationalRegimeComparison;

namespace Banenmonitor.Analytics;

/// <summary>
/// Both regimes of every employer by the rules core inside DuckDB (<see cref="RulesFunction{TOutcome}"/>): the function
/// <c>rekenkern_regimes</c> gets the employers with their premium base and runs <see cref="RegimeComparison.Figures"/>,
/// both regimes as <see cref="RegimeComparison.Compare"/> computes them without the traces; the table <c>regimes</c>
/// holds the outcomes via <c>rekenkern_regimes_uitkomst(positie, veld)</c>. Jobs and euros are kept as whole
/// hundred-millionths (<see cref="Unit"/>): exact for the rules core's values (hours have at most 4 decimals, the wage
/// cost advantage per hour is a euro amount in cents); a value with more decimals stops the run rather than being
/// rounded. The per-employer lists (attributions, target-group hours per person) are looked up by the employer's
/// position. A reason (why a regime is not computable, or why the surcharge is not computed) is the rules core's Dutch
/// text: the outcome holds a code per distinct text, and the texts land in the table <c>regimes_reden</c>.
/// </summary>
internal sealed class RegimeRulesFunction(RegimeComparison rules, int year, int regimeYear, int count,
    Dictionary<int, List<Rules.Quota.HiredInAttribution>> attributions, Dictionary<int, TargetGroupEmployee[]> persons)
    : RulesFunction<RegimeRulesFunction.Outcome>("rekenkern_regimes", "rekenkern_regimes_uitkomst", count, Fields)
{
    /// <summary>One employer's outcome of both regimes: amounts in hundred-millionths; reason 0 for none.</summary>
    internal struct Outcome
    {
        public long Shortfall, Levy, Surcharge, Bonus, WageCostAdvantage;
        public bool QuotaComputable, QuotaSubject, WbaComputable, WbaSubject, SurchargeNotComputed;
        public int Reason;
    }

    private static readonly OutcomeField<Outcome>[] Fields =
    [
        new("quotum_berekenbaar", o => o.QuotaComputable ? 1 : 0, "{0} = 1"), new("onder_quotum", o => o.QuotaSubject ? 1 : 0, "{0} = 1"),
        new("quotumtekort", o => o.Shortfall), new("quotumheffing", o => o.Levy),
        new("wba_berekenbaar", o => o.WbaComputable ? 1 : 0, "{0} = 1"), new("onder_wba_quotum", o => o.WbaSubject ? 1 : 0, "{0} = 1"),
        new("opslag_niet_berekend", o => o.SurchargeNotComputed ? 1 : 0, "{0} = 1"), new("inclusiviteitsopslag", o => o.Surcharge),
        new("banenafspraakbonus", o => o.Bonus), new("loonkostenvoordeel", o => o.WageCostAdvantage),
        new("reden", o => o.Reason, "nullif({0}, 0)::INTEGER"),
    ];

    private readonly bool[] _government = [.. NationalEngine.Sectors.Select(NationalEngine.IsGovernmentSector)];
    private readonly ConcurrentDictionary<string, int> _reasons = new(StringComparer.Ordinal);
    private int _lastReason;

    /// <summary>Fixed-point (hundred-millionths) BIGINT to an exact DECIMAL(38,8).</summary>
    public static string Dec(string expr) => FixedPoint.HundredMillionths.ToSql(expr);

    public void Compute(DuckDBConnection db, bool premiumGiven)
    {
        Register(db);
        var (premium, excluded, join) = premiumGiven
            ? ("p.premieloon", "coalesce(p.premieloon_uitgezonderd, 0)", "LEFT JOIN premieloon p ON p.loonheffingennummer = w.loonheffingennummer")
            : ("NULL::DECIMAL(18,2)", "NULL::DECIMAL(18,2)", "");
        var twoYearsBefore = premiumGiven ? "p.premieloon_t_min_2" : "NULL::DECIMAL(18,2)";
        ComputeAll(db, $"w.verloonde_uren, w.uren_uitzendkrachten, w.uren_doelgroep, w.verloonde_uren_vorig_jaar, ({NationalEngine.SectorIndexSql})::BIGINT, {premium}, {excluded}, {twoYearsBefore}", join);
        Sql.Exec(db, OutcomeTable("regimes", $"loonheffingennummer, sector, {GroupSql} AS groep") + """
            ;
            CREATE OR REPLACE TEMP TABLE regimes_reden (code INTEGER, reden VARCHAR);
            """);
        foreach (var (text, code) in _reasons)
            Sql.Exec(db, "INSERT INTO regimes_reden VALUES ($code, $reden)", new Dictionary<string, object?> { ["code"] = code, ["reden"] = text });
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    protected override void Chunk(IReadOnlyList<DuckDB.NET.Data.DataChunk.Reader.IDuckDBDataReader> readers,
        DuckDB.NET.Data.DataChunk.Writer.IDuckDBDataWriter writer, ulong n)
    {
        var (ri, rt, ra, rc, rp, rs, rb, rx) = (readers[0], readers[1], readers[2], readers[3], readers[4], readers[5], readers[6], readers[7]);
        var r2 = readers[8];
        for (ulong k = 0; k < n; k++)
        {
            var i = (int)ri.GetValue<long>(k);
            Euros? premium = null, excluded = null;
            if (rb.IsValid(k))
            {
                premium = new Euros(rb.GetValue<decimal>(k));
                excluded = new Euros(rx.GetValue<decimal>(k));
            }
            var e = EmployerYearOf(year, rt.GetValue<decimal>(k), ra.GetValue<decimal>(k), rc.GetValue<decimal>(k),
                rp.IsValid(k) ? rp.GetValue<decimal>(k) : null, _government[rs.GetValue<long>(k)],
                persons.TryGetValue(i, out var staff) ? staff : [], premium, excluded,
                attributions.TryGetValue(i, out var at) ? at : [], r2.IsValid(k) ? new Euros(r2.GetValue<decimal>(k)) : null);
            var (q, w) = rules.Figures(e, regimeYear);
            Outcomes[i] = new Outcome
            {
                QuotaComputable = q.Computable,
                QuotaSubject = q.SubjectToQuota,
                Shortfall = Fixed(q.Shortfall?.Value ?? 0m, "quotumtekort"),
                Levy = Fixed(q.Levy, "quotumheffing"),
                WbaComputable = w.Computable,
                WbaSubject = w.SubjectToQuota,
                SurchargeNotComputed = w.Incomplete is not null,
                Surcharge = Fixed(w.Surcharge, "inclusiviteitsopslag"),
                Bonus = Fixed(w.Bonus, "banenafspraakbonus"),
                WageCostAdvantage = Fixed(w.WageCostAdvantage, "loonkostenvoordeel"),
                Reason = ReasonCode(EmployerRegimeOutcome.Reason(q, w)),
            };
            writer.WriteValue(1L, k);
        }
    }

    /// <summary>The value in hundred-millionths; a value with more decimals stops the run (never rounded silently).</summary>
    private static long Fixed(decimal v, string what) => FixedPoint.HundredMillionths.ToUnits(v, what);

    private int ReasonCode(string? text) =>
        text is null ? 0 : _reasons.GetOrAdd(text, _ => Interlocked.Increment(ref _lastReason));
}
