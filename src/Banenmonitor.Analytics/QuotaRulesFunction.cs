using Banenmonitor.Rules.Quota;
using DuckDB.NET.Data;
using static Banenmonitor.Analytics.NationalEngine;

namespace Banenmonitor.Analytics;

/// <summary>
/// The quota of every employer by the rules core inside DuckDB (<see cref="RulesFunction{TOutcome}"/>): the function
/// <c>rekenkern_quotum</c> runs <see cref="QuotaCalculator.Figures"/>, the same computation as
/// <see cref="QuotaCalculator.Compute(QuotaInput)"/> without the trace; amounts are kept in ten-thousandths, and the
/// table <c>quotum</c> holds the outcomes via <c>rekenkern_uitkomst(positie, veld)</c>.
/// </summary>
internal sealed class QuotaRulesFunction(QuotaCalculator calc, int year, int count, Dictionary<int, List<HiredInAttribution>> attributions)
    : RulesFunction<QuotaRulesFunction.Outcome>("rekenkern_quotum", "rekenkern_uitkomst", count, Fields)
{
    /// <summary>One employer's outcome: amounts in ten-thousandths; <see cref="RulesFunction{T}.NoValue"/> for "none".</summary>
    internal struct Outcome
    {
        public long A, Required, Realised, Shortfall, Levy;
        public bool Exempt, Government;
        public int Attributions;
    }

    private static readonly OutcomeField<Outcome>[] Fields =
    [
        new("a", o => o.A), new("vereiste_banen", o => o.Required), new("gerealiseerde_banen", o => o.Realised),
        new("quotumtekort", o => o.Shortfall), new("quotumheffing", o => o.Levy), new("vrijgesteld", o => o.Exempt ? 1 : 0, "{0} = 1"),
        new("overheid", o => o.Government ? 1 : 0, "{0} = 1"), new("toerekeningen", o => o.Attributions, "{0}::INTEGER"),
    ];

    private static readonly FixedPoint Fixed = FixedPoint.TenThousandths;

    /// <summary>Per position in <see cref="Sectors"/>: a government sector?</summary>
    private readonly bool[] _government = [.. Sectors.Select(IsGovernmentSector)];

    public void Compute(DuckDBConnection db)
    {
        Register(db);
        Run(db);
    }

    private void Run(DuckDBConnection db)
    {
        ComputeAll(db, $"verloonde_uren, uren_uitzendkrachten, uren_doelgroep, verloonde_uren_vorig_jaar, ({SectorIndexSql})::BIGINT");
        Sql.Exec(db, OutcomeTable("quotum",
            "loonheffingennummer, sector, uitlenertype, verloonde_uren, uren_uitzendkrachten, uren_doelgroep, verloonde_uren_vorig_jaar"));
    }

    /// <summary>
    /// Runs these functions over a few thousand made-up employers (every path of the rules core) on a private in-memory
    /// database, so that the rules core, these functions and DuckDB.NET's vector readers and writers are compiled
    /// optimised before the real employers arrive (measured at 120M rows: the step took 0.7 s instead of 0.35 s).
    /// </summary>
    public static int WarmUp(QuotaCalculator calc, int year, ManualResetEventSlim stop)
    {
        const int n = 4096;
        using var db = Open(null, 1);
        Sql.Exec(db, $"""
            CREATE TABLE werkgever_invoer AS
            SELECT 'warm' || i AS loonheffingennummer, CASE WHEN i % 3 = 0 THEN '61' ELSE 'markt' END AS sector,
              'geen' AS uitlenertype, (1000 + 37.25 * i)::DECIMAL(18,4) AS verloonde_uren,
              (CASE WHEN i % 7 = 0 THEN 500 + i ELSE 0 END)::DECIMAL(18,4) AS uren_uitzendkrachten,
              ((1000 + 37.25 * i) / 40)::DECIMAL(18,4) AS uren_doelgroep,
              (CASE WHEN i % 5 <> 0 THEN 900 + 37.25 * i END)::DECIMAL(18,4) AS verloonde_uren_vorig_jaar
            FROM range({n}) r(i)
            """);
        var atts = RulesFunction.WarmUpAttributions(year);
        var function = new QuotaRulesFunction(calc, year, n, Enumerable.Range(0, n).Where(i => i % 11 == 0).ToDictionary(i => i, _ => atts));
        function.Register(db);
        return RulesFunction.WarmUpRounds(stop, () => function.Run(db));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    protected override void Chunk(IReadOnlyList<DuckDB.NET.Data.DataChunk.Reader.IDuckDBDataReader> readers,
        DuckDB.NET.Data.DataChunk.Writer.IDuckDBDataWriter writer, ulong n)
    {
        var (ri, rt, ra, rc, rp, rs) = (readers[0], readers[1], readers[2], readers[3], readers[4], readers[5]);
        for (ulong k = 0; k < n; k++)
        {
            var i = (int)ri.GetValue<long>(k);
            var gov = _government[rs.GetValue<long>(k)];
            var input = QuotaInput.OfAggregates(year, rt.GetValue<decimal>(k), ra.GetValue<decimal>(k), rc.GetValue<decimal>(k),
                rp.IsValid(k) ? rp.GetValue<decimal>(k) : null, attributions.TryGetValue(i, out var at) ? at : [], gov);
            var q = calc.Figures(input);
            Outcomes[i] = new Outcome
            {
                A = Fixed.ToUnits(q.TotalPaidHours.Value),
                Required = q.RequiredJobs is { } req ? Fixed.ToUnits(req.Value) : NoValue,
                Realised = Fixed.ToUnits(q.RealisedJobs.Value),
                Shortfall = Fixed.ToUnits(q.Shortfall.Value),
                Levy = Fixed.ToUnits(q.Levy.Value),
                Exempt = q.Exempt,
                Government = gov,
                Attributions = input.Attributions?.Count ?? 0,
            };
            writer.WriteValue(1L, k);
        }
    }
}
