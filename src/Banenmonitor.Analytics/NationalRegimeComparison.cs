using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Regimes;
using Banenmonitor.Rules.Units;
using DuckDB.NET.Data;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Analytics;

/// <summary>
/// Both regimes side by side for every employer of a national payroll year: the quotumregeling (levy per missing job for
/// government employers above the threshold) and the Wet banenafspraak 2025 (inclusiveness surcharge, job agreement bonus,
/// wage cost advantage), each computed per employer by the rules core's <see cref="RegimeComparison"/> on the inputs
/// aggregated by the national engine's payroll pass, and the national measurement with and without the market/government
/// split. The rules core runs inside DuckDB as a scalar function over the employer table (<see cref="RegimeRulesFunction"/>);
/// group totals are summed and the employer file is written by DuckDB. No legal number is set here: all come from the
/// <see cref="ParameterSet"/>.
/// </summary>
public sealed class NationalRegimeComparison(ParameterSet parameters)
{
    public const string Government = "overheid";
    public const string Sheltered = "sw-bedrijf";
    public const string Market = "markt";
    public static readonly string[] GroupOrder = [Government, Market, Sheltered];

    public static string GroupOf(string sectorCode) =>
        NationalEngine.IsGovernmentSector(sectorCode) ? Government : sectorCode == NationalEngine.ShelteredSector ? Sheltered : Market;

    /// <summary>The group of <c>werkgever_invoer.sector</c> in SQL, from <see cref="GroupOf"/> per known sector code.</summary>
    internal static readonly string GroupSql =
        $"{Sql.List(NationalEngine.Sectors.Select(GroupOf))}[{NationalEngine.SectorIndexSql} + 1]";


    // Target-group hours per employer position and person over the year (for the per-employee LKV cap), exact.
    private const string PersonHoursSql = """
        SELECT w.rowid::INTEGER AS i, a.dg_persoon, sum(a.uren)::DECIMAL(18,4) AS uren
        FROM uren_doelgroep a JOIN werkgever_invoer w ON w.loonheffingennummer = a.lhnr
        GROUP BY ALL ORDER BY 1, 2
        """;

    /// <summary>The one mapping from an employer's aggregated figures to the rules core's input for both regimes.</summary>
    public static EmployerYear EmployerYearOf(int year, decimal totalPaidHours, decimal agencyStaffHours, decimal targetGroupHours,
        decimal? totalPaidHoursPreviousYear, bool isGovernment, IReadOnlyList<TargetGroupEmployee> employees, Euros? premium, Euros? excluded,
        IReadOnlyList<Rules.Quota.HiredInAttribution> attributions, Euros? premiumTwoYearsBefore = null) =>
        new(year, new PaidHours(totalPaidHours), new PaidHours(targetGroupHours),
            totalPaidHoursPreviousYear is { } p ? new PaidHours(p) : null, isGovernment, premium, excluded, employees, null,
            attributions, agencyStaffHours > 0 ? new PaidHours(agencyStaffHours) : null, premiumTwoYearsBefore);

    public NationalComparisonResult Run(NationalComparisonOptions o, Action<string>? step = null)
    {
        var timer = new StepTimer("invoer openen", step);
        var regimeYear = o.RegimeYear ?? Regime.WetBanenafspraak2025.ParameterYearFor(o.Year);
        var rules = new RegimeComparison(parameters);
        RegimeRulesFunction? function = null;
        using var db = NationalEngine.Open(o.MemoryLimit, o.Threads);
        try
        {
            var premiumPath = InputFiles.Find(o.InputDir, InputFiles.PremiumBase);
            var engine = new NationalEngine(parameters);
            var warmUpFunctions = NationalEngine.WarmUpPays(o.InputDir);
            var (count, pass, attributions) = engine.Prepare(db, o.InputDir, o.Year, timer, stop =>
            {
                WarmUp(rules, o.Year, regimeYear, stop);
                // DuckDB.NET's vector readers and writers, which this comparison's functions use as the engine's do.
                if (warmUpFunctions) engine.WarmUp(o.Year, stop);
            }, () =>
            {
                if (premiumPath is null) return;
                InputFiles.CreateView(db, InputFiles.PremiumBase, premiumPath);
                ValidatePremium(db);
            });
            timer.Step("uren per doelgroepwerknemer");
            var persons = ReadPersonHours(db);

            timer.Step("beide regimes per werkgever (rekenkern)");
            function = new RegimeRulesFunction(rules, o.Year, regimeYear, count, attributions, persons);
            function.Compute(db, premiumPath is not null);
            EmployerComparison? explanation = null;
            if (o.ExplainEmployer is not null)
                explanation = Explain(db, rules, o.ExplainEmployer, o.Year, regimeYear, attributions, persons, premiumPath is not null);

            timer.Step("landelijke meting met en zonder splitsing markt/overheid");
            var measurement = Measure(db, o.Year);
            var (groups, total) = ReadTotals(db);
            var employers = o.KeepEmployers ? ReadOutcomes(db, count) : null;
            var result = new NationalComparisonResult(o.Year, regimeYear, pass.Rows, employers, groups, total, measurement, premiumPath is not null,
                explanation, Notes(o.Year, regimeYear, premiumPath is not null, total), timer.Timings);
            if (o.OutputDir is not null)
            {
                timer.Step("resultaten schrijven");
                Write(db, result, o.OutputDir);
            }
            timer.Step("klaar");
            return result;
        }
        catch (DuckDBException e)
        {
            // An error inside the rules core surfaces as itself.
            function?.ThrowIfFailed();
            throw new AnalyticsInputException("Fout bij het lezen van de invoer: " + Sql.FirstLine(e.Message));
        }
    }

    private static EmployerComparison Explain(DuckDBConnection db, RegimeComparison rules, string lhnr, int year, int regimeYear,
        Dictionary<int, List<Rules.Quota.HiredInAttribution>> attributions, Dictionary<int, TargetGroupEmployee[]> persons, bool premiumGiven)
    {
        var employer = NationalEngine.FindEmployer(db, lhnr, attributions);
        Euros? pb = null, ex = null, p2 = null;
        if (premiumGiven)
        {
            using var cmd = Sql.Command(db, $"SELECT premieloon, coalesce(premieloon_uitgezonderd, 0), premieloon_t_min_2 FROM premieloon WHERE loonheffingennummer = {Sql.Literal(lhnr)}");
            using var r = cmd.ExecuteReader();
            if (r.Read())
            {
                (pb, ex) = (new Euros(Sql.Dec(r.GetValue(0))), new Euros(Sql.Dec(r.GetValue(1))));
                if (!r.IsDBNull(2)) p2 = new Euros(Sql.Dec(r.GetValue(2)));
            }
        }
        var e = employer.Aggregate;
        var input = EmployerYearOf(year, e.TotalPaidHours, e.AgencyStaffHours, e.TargetGroupHours, e.TotalPaidHoursPreviousYear, e.IsGovernment,
            persons.TryGetValue(employer.Position, out var list) ? list : [], pb, ex, e.Attributions, p2);
        return rules.Compare(input, regimeYear);
    }

    private static Dictionary<int, TargetGroupEmployee[]> ReadPersonHours(DuckDBConnection db)
    {
        var d = new Dictionary<int, TargetGroupEmployee[]>();
        var current = -1;
        var list = new List<TargetGroupEmployee>();
        using (var cmd = Sql.Command(db, PersonHoursSql))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                var i = r.GetInt32(0);
                if (i != current)
                {
                    if (list.Count > 0) d[current] = [.. list];
                    list.Clear();
                    current = i;
                }
                list.Add(new TargetGroupEmployee("persoon " + r.GetInt64(1).ToString(CultureInfo.InvariantCulture), new PaidHours(r.GetDecimal(2))));
            }
        if (list.Count > 0) d[current] = [.. list];
        return d;
    }

    /// <summary>
    /// Checks the premium file (unique employers, a non-negative premium base, no negative exclusion) with one cheap
    /// aggregate; only when it fails are the rows read to name the first offending row and column.
    /// </summary>
    private static void ValidatePremium(DuckDBConnection db)
    {
        var ok = Sql.Scalar(db, """
            SELECT count(*) = count(DISTINCT loonheffingennummer)
               AND count(*) FILTER (loonheffingennummer IS NULL OR premieloon IS NULL OR premieloon < 0 OR premieloon_uitgezonderd < 0 OR premieloon_t_min_2 < 0) = 0
            FROM premieloon
            """) is true;
        if (ok) return;
        // The first offending row in file order; a repeated employer at its second occurrence.
        var first = Sql.Scalar(db, """
            SELECT 'rij ' || rij || ', kolom ' || CASE WHEN loonheffingennummer IS NULL THEN 'loonheffingennummer: leeg'
                WHEN premieloon IS NULL OR premieloon < 0 THEN 'premieloon: ontbreekt of is negatief'
                WHEN premieloon_uitgezonderd < 0 THEN 'premieloon_uitgezonderd: negatief'
                WHEN premieloon_t_min_2 < 0 THEN 'premieloon_t_min_2: negatief'
                ELSE 'loonheffingennummer: ' || loonheffingennummer || ' komt meer dan eens voor' END
            FROM (SELECT *, row_number() OVER (PARTITION BY loonheffingennummer ORDER BY rij) AS keer
                  FROM (SELECT *, row_number() OVER () + 1 AS rij FROM premieloon))
            WHERE loonheffingennummer IS NULL OR premieloon IS NULL OR premieloon < 0 OR premieloon_uitgezonderd < 0 OR premieloon_t_min_2 < 0 OR keer > 1
            ORDER BY rij LIMIT 1
            """);
        throw new AnalyticsInputException(first is string where ? $"Bestand premieloon, {where}. Er is niets geschreven." : "Bestand premieloon: ongeldige invoer. Er is niets geschreven.");
    }


    /// <summary>A DECIMAL read from DuckDB without trailing zeros (exact: dividing by one only drops them).</summary>
    private static decimal Amount(object? v) => Sql.Dec(v) / 1.0000000000000000000000000000m;

    /// <summary>Totals per group and over all employers, summed by DuckDB over the rules core's per-employer figures.</summary>
    private static (List<RegimeTotals> Groups, RegimeTotals Total) ReadTotals(DuckDBConnection db)
    {
        static string D(string c) => RegimeRulesFunction.Dec($"coalesce(sum({c}), 0)");
        var byGroup = new Dictionary<string, RegimeTotals>(StringComparer.Ordinal);
        RegimeTotals? total = null;
        using (var cmd = Sql.Command(db, $"""
            SELECT groep, grouping(groep) = 1 AS totaal, count(*),
              count(*) FILTER (onder_quotum), count(*) FILTER (onder_quotum AND quotumtekort > 0), {D("quotumtekort")}, {D("quotumheffing")},
              count(*) FILTER (NOT quotum_berekenbaar), count(*) FILTER (onder_wba_quotum), count(*) FILTER (opslag_niet_berekend),
              count(*) FILTER (inclusiviteitsopslag > 0), {D("inclusiviteitsopslag")}, count(*) FILTER (banenafspraakbonus > 0),
              {D("banenafspraakbonus")}, count(*) FILTER (loonkostenvoordeel > 0), {D("loonkostenvoordeel")},
              count(*) FILTER (NOT wba_berekenbaar)
            FROM regimes GROUP BY GROUPING SETS ((groep), ())
            """))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                var isTotal = r.GetBoolean(1);
                var t = new RegimeTotals(isTotal ? "totaal" : r.GetString(0), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), Amount(r.GetValue(5)),
                    Amount(r.GetValue(6)), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10), Amount(r.GetValue(11)), r.GetInt64(12),
                    Amount(r.GetValue(13)), r.GetInt64(14), Amount(r.GetValue(15)), r.GetInt64(16));
                if (isTotal) total = t;
                else byGroup[t.Group] = t;
            }
        var groups = GroupOrder.Select(g => byGroup.GetValueOrDefault(g) ?? RegimeTotals.None(g)).ToList();
        return (groups, total ?? RegimeTotals.None("totaal"));
    }

    /// <summary>The employer's position and the columns of <c>werkgevers_regimes.csv</c> (numbers as DECIMAL, flags as BOOLEAN).</summary>
    private static readonly string EmployerSelect = $"""
        SELECT x.i AS positie, x.loonheffingennummer, x.sector, x.groep, x.quotum_berekenbaar, x.onder_quotum,
          {RegimeRulesFunction.Dec("x.quotumtekort")} AS quotumtekort, {RegimeRulesFunction.Dec("x.quotumheffing")} AS quotumheffing,
          x.wba_berekenbaar, x.onder_wba_quotum, x.opslag_niet_berekend,
          {RegimeRulesFunction.Dec("x.inclusiviteitsopslag")} AS inclusiviteitsopslag, {RegimeRulesFunction.Dec("x.banenafspraakbonus")} AS banenafspraakbonus,
          {RegimeRulesFunction.Dec("x.loonkostenvoordeel")} AS loonkostenvoordeel, t.reden
        FROM regimes x LEFT JOIN regimes_reden t ON t.code = x.reden
        """;

    /// <summary>Every employer's outcome as .NET objects, in the order of <c>werkgever_invoer</c>.</summary>
    private static EmployerRegimeOutcome[] ReadOutcomes(DuckDBConnection db, int count)
    {
        var list = new EmployerRegimeOutcome[count];
        using var cmd = Sql.Command(db, EmployerSelect);
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list[r.GetInt32(0)] = new EmployerRegimeOutcome(r.GetString(1), r.GetString(2), r.GetString(3), r.GetBoolean(4), r.GetBoolean(5),
                Amount(r.GetValue(6)), Amount(r.GetValue(7)), r.GetBoolean(8), r.GetBoolean(9), r.GetBoolean(10), Amount(r.GetValue(11)),
                Amount(r.GetValue(12)), Amount(r.GetValue(13)), r.IsDBNull(14) ? null : r.GetString(14));
        return list;
    }

    /// <summary>
    /// Runs both regimes on a few thousand made-up employers (every path) while DuckDB does the payroll pass, so the JIT has
    /// compiled optimised code before the real employers arrive; stops as soon as the pass is done. Results are discarded.
    /// </summary>
    private static void WarmUp(RegimeComparison rules, int year, int regimeYear, ManualResetEventSlim stop)
    {
        var atts = RulesFunction.WarmUpAttributions(year);
        TargetGroupEmployee[] staff = [new("persoon 1", new(1200.5m)), new("persoon 2", new(2500m))];
        // Measured at 10M rows: the rules core then ran in about 150 instead of 250 ms, compared with 4 rounds of 3,000
        // employers and 150 ms pauses.
        RulesFunction.WarmUpRounds(stop, () =>
        {
            for (var i = 0; i < 1000 && !stop.IsSet; i++)
            {
                var hours = 1000m + 37.25m * i;
                var e = EmployerYearOf(year, hours, i % 7 == 0 ? hours / 2 : 0m, hours / (i % 2 == 0 ? 20 : 80), i % 5 == 0 ? null : hours,
                    i % 3 == 0, i % 4 == 0 ? [] : staff, i % 6 == 0 ? null : new Euros(hours * 30), new Euros(0m), i % 11 == 0 ? atts : [],
                    i % 6 == 0 ? null : new Euros(hours * 28));
                rules.Figures(e, regimeYear);
            }
        });
    }

    private MeasurementComparison Measure(DuckDBConnection db, int year)
    {
        var rows = NationalEngine.ReadMeasurement(db);
        var yearHours = rows.Where(m => NationalEngine.CountsNationally(m.End.SectorCode, m.End.Form)).Sum(m => m.YearHours);
        return MeasurementComparison.Of(parameters, year, rows.Select(m => m.End), yearHours);
    }

    private List<string> Notes(int year, int regimeYear, bool premiumGiven, RegimeTotals total)
    {
        var notes = new List<string>();
        if (regimeYear != year)
            notes.Add($"De Wet banenafspraak geldt vanaf {Regime.WetBanenafspraak2025.FirstYear}: berekend met de parameters van {regimeYear} op de gegevens van {year} (wat de nieuwe wet voor dit jaar zou betekenen).");
        if (!parameters.TryGet(P.WbaActivationYear, regimeYear, out var act) || act?.Value is null)
            notes.Add($"Het activeringsjaar van de quotumregeling van de Wet banenafspraak (art. 5) is onbekend: zonder opgave geen inclusiviteitsopslag en geen banenafspraakbonus, alleen het loonkostenvoordeel. Geef het op met bron: --parameter {P.WbaActivationYear}={Regime.WetBanenafspraak2025.FirstYear}:JAAR:\"bron\".");
        else if (act.Status == ParameterStatus.Unconfirmed)
            notes.Add($"Activeringsjaar {act.Value:0} is opgegeven (onbevestigd): {act.Source}.");
        if (total.SurchargeNotComputed > 0)
            notes.Add($"Voor {DutchFormat.Number(total.SurchargeNotComputed)} werkgevers is de inclusiviteitsopslag niet berekend: " +
                      (premiumGiven
                          ? "hun premieloon Aof of hun premieloon van jaar t−2 (kolom premieloon_t_min_2, voor de kleinewerkgeverstoets) staat niet in het invoerbestand premieloon, of het gemiddelde premieloon van het jaar is onbekend (zie kolom reden)."
                          : "het premieloon Aof en het premieloon van jaar t−2 voor de kleinewerkgeverstoets ontbreken (optioneel invoerbestand premieloon)."));
        if (total.WbaNotComputable > 0)
            notes.Add($"Voor {DutchFormat.Number(total.WbaNotComputable)} werkgevers is de Wet banenafspraak niet te berekenen (zie werkgevers_regimes.csv, kolom reden).");
        if (parameters.TryGet(P.LevySuspended, year, out var s) && s?.Value is 1m)
            notes.Add("De quotumheffing is opgeschort (Wfsv art. 122na) en is nooit geïnd: het bedrag is wat de wet zou heffen, niet wat betaald wordt.");
        return notes;
    }

    /// <summary>Dutch summary of a national comparison.</summary>
    public static string Text(NationalComparisonResult r)
    {
        var t = new StringBuilder();
        string N(decimal v, int d = 0) => DutchFormat.Number(v, d);
        string E(decimal v) => "€ " + DutchFormat.Fixed(v, 2);
        t.AppendLine($"Twee regimes naast elkaar: landelijke vergelijking {r.Year}");
        t.AppendLine(new string('=', 70));
        t.AppendLine($"Verloningsregels verwerkt: {N(r.PayrollRows)}; werkgevers: {N(r.Total.Employers)}.");
        t.AppendLine($"Quotumregeling: {Regime.Quotumregeling.LegalBasis}.");
        t.AppendLine($"Wet banenafspraak (2025): {Regime.WetBanenafspraak2025.LegalBasis}; parameters van {r.RegimeYear}.");
        t.AppendLine();
        t.AppendLine($"{"",-22}{"werkgevers",12}{"quotum: tekort",16}{"heffing",20}{"opslag",18}{"bonus",18}{"LKV",18}");
        foreach (var g in r.Groups.Append(r.Total))
            t.AppendLine($"{g.Group,-22}{N(g.Employers),12}{N(g.QuotaShortfallJobs, 1),16}{E(g.Levy),20}{E(g.Surcharge),18}{E(g.Bonus),18}{E(g.WageCostAdvantage),18}");
        t.AppendLine();
        var x = r.Total;
        t.AppendLine("Quotumregeling (alleen de sector overheid, Wfsv art. 38b–38j)");
        t.AppendLine($"  Werkgevers boven de drempel: {N(x.QuotaSubject)}, met een quotumtekort: {N(x.QuotaWithShortfall)}; tekort {N(x.QuotaShortfallJobs, 1)} banen.");
        t.AppendLine($"  Quotumheffing totaal: {E(x.Levy)}; niet te berekenen: {N(x.QuotaNotComputable)} werkgevers.");
        t.AppendLine("Wet banenafspraak (alle werkgevers, één regeling)");
        t.AppendLine($"  Onder het quotum (geactiveerd, niet klein): {N(x.WbaSubject)}; betalen inclusiviteitsopslag: {N(x.SurchargePayers)}, samen {E(x.Surcharge)}" +
                     (x.SurchargeNotComputed > 0 ? $"; opslag niet berekend (premieloon, premieloon t−2 of gemiddeld premieloon ontbreekt): {N(x.SurchargeNotComputed)}." : "."));
        t.AppendLine($"  Ontvangen banenafspraakbonus: {N(x.BonusReceivers)}, samen {E(x.Bonus)}; loonkostenvoordeel: {N(x.WageCostAdvantageReceivers)}, samen {E(x.WageCostAdvantage)}.");
        t.AppendLine($"  Saldo voor werkgevers (ontvangen − opslag): {E(x.WbaReceivable - x.Surcharge)}; niet te berekenen: {N(x.WbaNotComputable)} werkgevers.");
        t.AppendLine();
        var m = r.Measurement;
        t.AppendLine($"Landelijke meting eind {r.Year} (banen = uren in de laatste maand ÷ {N(m.HoursPerJobPerMonth.Required, 2)})");
        t.AppendLine("  Met splitsing markt/overheid (quotumregeling):");
        t.AppendLine($"    formeel markt {N(m.FormalMarket, 1)}, formeel overheid {N(m.FormalGovernment, 1)}, inleen {N(m.HiredIn, 1)}");
        if (m.Market is { } mk && m.Government is { } gv)
            t.AppendLine($"    inleen verdeeld met de verdeelsleutel ({N(m.GovernmentShareHiredIn!.Required, 1)}% overheid): markt {N(mk, 1)}, overheid {N(gv, 1)}");
        else
            t.AppendLine($"    de verdeelsleutel voor {r.Year} is onbekend: de inleenbanen ({N(m.HiredIn, 1)}) kunnen niet over markt en overheid worden verdeeld.");
        if (m.TargetMarket?.Value is { } tm && m.TargetGovernment?.Value is { } tg)
            t.AppendLine($"    doelstellingen: markt {N(tm)}, overheid {N(tg)} extra banen (elk afzonderlijk getoetst)");
        t.AppendLine("  Zonder splitsing (Wet banenafspraak, één landelijke meting):");
        t.AppendLine($"    totaal {N(m.Total, 1)} banen; ten opzichte van de nulmeting ({N(m.BaselineJobs.Required)}): {N(m.Increase, 1)}" +
                     (m.TotalTarget is { } tt ? $"; doelstelling {N(tt)} extra banen" : ""));
        t.AppendLine($"    in verloonde uren over het hele jaar: {N(m.JobsFromYearHours, 1)} banen (uren ÷ {N(m.HoursPerJobPerYear.Required)}); geen verdeelsleutel nodig.");
        t.AppendLine();
        t.AppendLine("Verschil");
        t.AppendLine("  De quotumregeling kent alleen een heffing per ontbrekende baan voor overheidswerkgevers boven de drempel (nooit geïnd);");
        t.AppendLine("  de Wet banenafspraak beloont elke baan bij iedere werkgever (bonus, loonkostenvoordeel) en legt na activering een");
        t.AppendLine("  opslag op de premie Aof bij werkgevers die het quotumpercentage niet halen; de meting kent geen sectoren meer.");
        foreach (var n in r.Notes) t.AppendLine("  Let op: " + n);
        return t.ToString();
    }

    /// <summary>
    /// Writes <c>werkgevers_regimes.csv</c> with DuckDB's COPY (one row per employer, in no particular order; flags as
    /// ja/nee, numbers without trailing zeros, a field quoted when it holds a comma or quote) and the Dutch summary.
    /// </summary>
    private static void Write(DuckDBConnection db, NationalComparisonResult r, string dir)
    {
        Directory.CreateDirectory(dir);
        static string Flag(string c) => $"CASE WHEN x.{c} THEN 'ja' ELSE 'nee' END AS {c}";
        // From the whole hundred-millionths: without trailing zeros, and the text conversion only for non-zero amounts
        // with a fraction (most amounts are 0). No sort: the rows are in no particular order, like werkgevers_quotum.
        static string Number(string c) => $"""
            CASE WHEN x.{c} = 0 THEN '0' WHEN x.{c} % 100000000 = 0 THEN (x.{c} // 100000000)::VARCHAR
                 ELSE rtrim({RegimeRulesFunction.Dec("x." + c)}::VARCHAR, '0') END AS {c}
            """;
        var select = $"""
            SELECT x.loonheffingennummer, x.sector, x.groep, {Flag("quotum_berekenbaar")}, {Flag("onder_quotum")}, {Number("quotumtekort")},
              {Number("quotumheffing")}, {Flag("wba_berekenbaar")}, {Flag("onder_wba_quotum")}, {Flag("opslag_niet_berekend")},
              {Number("inclusiviteitsopslag")}, {Number("banenafspraakbonus")}, {Number("loonkostenvoordeel")}, t.reden
            FROM regimes x LEFT JOIN regimes_reden t ON t.code = x.reden
            """;
        Sql.Exec(db, $"COPY ({select}) TO {Sql.Literal(Path.Combine(dir, "werkgevers_regimes.csv"))} (FORMAT csv, HEADER true)");
        File.WriteAllText(Path.Combine(dir, "samenvatting_regimes.txt"), Text(r));
    }
}
