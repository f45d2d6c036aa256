using System.Diagnostics;
using System.Globalization;
using System.Text;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Regimes;
using Banenmonitor.Rules.Units;
using DuckDB.NET.Data;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Analytics;

/// <summary>Options of a national regime comparison.</summary>
/// <param name="RegimeYear">Year whose Wet banenafspraak parameters apply; default the regime's first year for earlier data.</param>
public sealed record NationalComparisonOptions(string InputDir, int Year, int? RegimeYear = null, string? OutputDir = null,
    string? ExplainEmployer = null, string? MemoryLimit = null, int? Threads = null);

/// <summary>Both regimes for one employer: the numbers of the rules core's two <see cref="RegimeOutcome"/>s (traces dropped).</summary>
public sealed record EmployerRegimeOutcome(
    string PayrollTaxNumber,
    string SectorCode,
    string Group,
    bool QuotaComputable,
    bool QuotaSubject,
    decimal Shortfall,
    decimal Levy,
    bool WbaComputable,
    bool WbaSubject,
    bool SurchargeNotComputed,
    decimal Surcharge,
    decimal Bonus,
    decimal WageCostAdvantage,
    string? NotComputableReason)
{
    public static EmployerRegimeOutcome From(string lhnr, string sector, RegimeOutcome quota, RegimeOutcome wba) => new(
        lhnr, sector, NationalRegimeComparison.GroupOf(sector),
        quota.Computable, quota.SubjectToQuota, quota.Shortfall?.Value ?? 0m, quota.Amount(RegimeAmountKind.Levy),
        wba.Computable, wba.SubjectToQuota, wba.Incomplete is not null, wba.Amount(RegimeAmountKind.Surcharge), wba.Amount(RegimeAmountKind.Bonus),
        wba.Amount(RegimeAmountKind.WageCostAdvantage),
        !quota.Computable ? quota.Summary[0] : !wba.Computable ? wba.Summary[0] : wba.Incomplete);
}

/// <summary>Totals of both regimes over a group of employers (or the whole country).</summary>
public sealed record RegimeTotals(
    string Group,
    long Employers,
    long QuotaSubject,
    long QuotaWithShortfall,
    decimal QuotaShortfallJobs,
    decimal Levy,
    long QuotaNotComputable,
    long WbaSubject,
    long SurchargeNotComputed,
    long SurchargePayers,
    decimal Surcharge,
    long BonusReceivers,
    decimal Bonus,
    long WageCostAdvantageReceivers,
    decimal WageCostAdvantage,
    long WbaNotComputable)
{
    public decimal WbaReceivable => Bonus + WageCostAdvantage;

    public static RegimeTotals Of(string group, IEnumerable<EmployerRegimeOutcome> employers)
    {
        long n = 0, qs = 0, qsh = 0, qnc = 0, ws = 0, snc = 0, sp = 0, br = 0, lr = 0, wnc = 0;
        decimal shortJobs = 0, levy = 0, sur = 0, bonus = 0, lkv = 0;
        foreach (var e in employers)
        {
            n++;
            if (!e.QuotaComputable) qnc++;
            if (e.QuotaSubject) qs++;
            if (e.QuotaSubject && e.Shortfall > 0) qsh++;
            shortJobs += e.Shortfall;
            levy += e.Levy;
            if (!e.WbaComputable) wnc++;
            if (e.WbaSubject) ws++;
            if (e.SurchargeNotComputed) snc++;
            if (e.Surcharge > 0) sp++;
            if (e.Bonus > 0) br++;
            if (e.WageCostAdvantage > 0) lr++;
            sur += e.Surcharge;
            bonus += e.Bonus;
            lkv += e.WageCostAdvantage;
        }
        return new RegimeTotals(group, n, qs, qsh, shortJobs, levy, qnc, ws, snc, sp, sur, br, bonus, lr, lkv, wnc);
    }
}

/// <summary>
/// The national measurement with the market/government split (quotumregeling: hired-in jobs divided with the
/// distribution key) and without it (Wet banenafspraak: one national count, no key needed).
/// </summary>
public sealed record MeasurementComparison(
    decimal FormalMarket,
    decimal FormalGovernment,
    decimal HiredIn,
    ParameterValue? GovernmentShareHiredIn,
    decimal? Market,
    decimal? Government,
    ParameterValue? TargetMarket,
    ParameterValue? TargetGovernment,
    decimal Total,
    ParameterValue BaselineJobs,
    decimal JobsFromYearHours,
    ParameterValue HoursPerJobPerMonth,
    ParameterValue HoursPerJobPerYear)
{
    public decimal Increase => Total - BaselineJobs.Required;
    public decimal? TotalTarget => TargetMarket?.Value is { } m && TargetGovernment?.Value is { } g ? m + g : null;
}

/// <summary>Everything a national regime comparison produced.</summary>
public sealed record NationalComparisonResult(
    int Year,
    int RegimeYear,
    long PayrollRows,
    IReadOnlyList<EmployerRegimeOutcome> Employers,
    IReadOnlyList<RegimeTotals> Groups,
    RegimeTotals Total,
    MeasurementComparison Measurement,
    bool PremiumBaseGiven,
    EmployerComparison? Explanation,
    IReadOnlyList<string> Notes,
    IReadOnlyDictionary<string, TimeSpan> Timings);

/// <summary>
/// Both regimes side by side for every employer of a national payroll year: the quotumregeling (levy per missing job for
/// government employers above the threshold) and the Wet banenafspraak 2025 (inclusiveness surcharge, job agreement bonus,
/// wage cost advantage), each computed per employer by the rules core's <see cref="RegimeComparison"/> on the inputs
/// aggregated by <see cref="NationalEngine.AggregateEmployers"/>, and the national measurement with and without the
/// market/government split. No legal number is set here: all come from the <see cref="ParameterSet"/>.
/// </summary>
public sealed class NationalRegimeComparison(ParameterSet parameters)
{
    public const string Government = "overheid";
    public const string Sheltered = "sw-bedrijf";
    public const string Market = "markt";
    public static readonly string[] GroupOrder = [Government, Market, Sheltered];

    public static string GroupOf(string sectorCode) =>
        NationalEngine.IsGovernmentSector(sectorCode) ? Government : sectorCode == "67" ? Sheltered : Market;

    // Target-group hours per employer and person over the year (for the per-employee LKV cap), from the engine's aggregate.
    private const string PersonHoursSql = """
        SELECT lhnr, dg_persoon, sum(uren) AS uren FROM uren_agg WHERE dg_persoon IS NOT NULL GROUP BY ALL ORDER BY lhnr, dg_persoon
        """;

    // End-of-year jobs per sector and form (as the engine's national measurement) plus the whole year's hours.
    private const string MeasurementSql = """
        SELECT w.sector, a.vorm, coalesce(sum(a.uren) FILTER (a.eind), 0) AS uren_eind, sum(a.uren) AS uren_jaar
        FROM uren_agg a JOIN werkgevers w ON a.lhnr = w.loonheffingennummer
        WHERE a.dg_persoon IS NOT NULL
        GROUP BY ALL ORDER BY ALL
        """;

    /// <summary>The 2025 regime's input for one employer from the engine's aggregate (A after agency staff hours, as the quota).</summary>
    public static EmployerYear ToEmployerYear(EmployerAggregate e, int year, IReadOnlyList<TargetGroupEmployee> employees, Euros? premium, Euros? excluded) =>
        new(year, new PaidHours(e.TotalPaidHours), new PaidHours(e.TargetGroupHours),
            e.TotalPaidHoursPreviousYear is { } p ? new PaidHours(p) : null, e.IsGovernment, premium, excluded, employees, null,
            e.Attributions, e.AgencyStaffHours > 0 ? new PaidHours(e.AgencyStaffHours) : null);

    /// <summary>The quotumregeling and the Wet banenafspraak for one employer (rules core), as the national run computes them.</summary>
    public static (RegimeOutcome Quota, RegimeOutcome Wba) Compute(RegimeComparison rules, EmployerYear e, int regimeYear) =>
        (rules.Quotumregeling(e), rules.WetBanenafspraak2025(e with { Year = regimeYear }));

    public NationalComparisonResult Run(NationalComparisonOptions o, Action<string>? step = null)
    {
        var timer = new StepTimer("invoer openen", step);
        var regimeYear = o.RegimeYear ?? Regime.WetBanenafspraak2025.ParameterYearFor(o.Year);
        using var db = NationalEngine.Open(o.MemoryLimit, o.Threads);
        try
        {
            var hasPrev = NationalEngine.CreateInputViews(db, o.InputDir);
            var premiumPath = InputFiles.Find(o.InputDir, InputFiles.PremiumBase);
            if (premiumPath is not null) InputFiles.CreateView(db, InputFiles.PremiumBase, premiumPath);
            var engine = new NationalEngine(parameters);
            var employers = engine.AggregateEmployers(db, o.Year, hasPrev, timer.Step);
            var rows = Sql.Long(db, "SELECT coalesce(sum(regels), 0) FROM uren_agg");

            timer.Step("uren per doelgroepwerknemer en premieloon");
            var persons = ReadPersonHours(db);
            var premium = premiumPath is null ? null : ReadPremium(db);

            timer.Step("beide regimes per werkgever (rekenkern)");
            var rules = new RegimeComparison(parameters);
            var results = new EmployerRegimeOutcome[employers.Count];
            EmployerComparison? explanation = null;
            Parallel.For(0, employers.Count, new ParallelOptions { MaxDegreeOfParallelism = o.Threads ?? Environment.ProcessorCount }, i =>
            {
                var agg = employers[i];
                var e = Input(agg, o.Year, persons, premium);
                var (q, w) = Compute(rules, e, regimeYear);
                results[i] = EmployerRegimeOutcome.From(agg.PayrollTaxNumber, agg.SectorCode, q, w);
            });
            if (o.ExplainEmployer is not null)
            {
                var agg = employers.FirstOrDefault(e => e.PayrollTaxNumber == o.ExplainEmployer)
                          ?? throw new AnalyticsInputException($"Werkgever {o.ExplainEmployer} staat niet in werkgevers.");
                explanation = Explain(rules, Input(agg, o.Year, persons, premium), regimeYear);
            }

            timer.Step("landelijke meting met en zonder splitsing markt/overheid");
            var measurement = Measure(db, o.Year);

            var groups = GroupOrder.Select(g => RegimeTotals.Of(g, results.Where(r => r.Group == g))).ToList();
            var total = RegimeTotals.Of("totaal", results);
            var result = new NationalComparisonResult(o.Year, regimeYear, rows, results, groups, total, measurement, premium is not null,
                explanation, Notes(o.Year, regimeYear, premium is not null, total), timer.Timings);
            if (o.OutputDir is not null)
            {
                timer.Step("resultaten schrijven");
                Write(result, o.OutputDir);
            }
            timer.Step("klaar");
            return result;
        }
        catch (DuckDBException e)
        {
            throw new AnalyticsInputException("Fout bij het lezen van de invoer: " + Sql.FirstLine(e.Message));
        }
    }

    private static EmployerYear Input(EmployerAggregate agg, int year, Dictionary<string, List<TargetGroupEmployee>> persons,
        Dictionary<string, (decimal Premium, decimal Excluded)>? premium)
    {
        Euros? pb = null, ex = null;
        if (premium is not null && premium.TryGetValue(agg.PayrollTaxNumber, out var p)) { pb = new Euros(p.Premium); ex = new Euros(p.Excluded); }
        return ToEmployerYear(agg, year, persons.TryGetValue(agg.PayrollTaxNumber, out var list) ? list : [], pb, ex);
    }

    /// <summary>The full side-by-side explanation for one employer (both traces, the difference in Dutch).</summary>
    public static EmployerComparison Explain(RegimeComparison rules, EmployerYear e, int regimeYear) => rules.Compare(e, regimeYear);

    private static Dictionary<string, List<TargetGroupEmployee>> ReadPersonHours(DuckDBConnection db)
    {
        var d = new Dictionary<string, List<TargetGroupEmployee>>(StringComparer.Ordinal);
        using var cmd = Sql.Command(db, PersonHoursSql);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var lhnr = r.GetString(0);
            if (!d.TryGetValue(lhnr, out var l)) d[lhnr] = l = [];
            l.Add(new TargetGroupEmployee("persoon " + r.GetInt64(1).ToString(CultureInfo.InvariantCulture), new PaidHours(Sql.Dec(r.GetValue(2)))));
        }
        return d;
    }

    private static Dictionary<string, (decimal, decimal)> ReadPremium(DuckDBConnection db)
    {
        var d = new Dictionary<string, (decimal, decimal)>(StringComparer.Ordinal);
        using var cmd = Sql.Command(db, "SELECT loonheffingennummer, premieloon, premieloon_uitgezonderd, row_number() OVER () + 1 AS rij FROM premieloon");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var row = r.GetInt64(3);
            if (r.IsDBNull(0)) throw new AnalyticsInputException($"Bestand premieloon, rij {row}, kolom loonheffingennummer: leeg. Er is niets geschreven.");
            var lhnr = r.GetString(0);
            if (r.IsDBNull(1) || Sql.Dec(r.GetValue(1)) < 0)
                throw new AnalyticsInputException($"Bestand premieloon, rij {row}, kolom premieloon: ontbreekt of is negatief. Er is niets geschreven.");
            var ex = r.IsDBNull(2) ? 0m : Sql.Dec(r.GetValue(2));
            if (ex < 0) throw new AnalyticsInputException($"Bestand premieloon, rij {row}, kolom premieloon_uitgezonderd: negatief. Er is niets geschreven.");
            if (!d.TryAdd(lhnr, (Sql.Dec(r.GetValue(1)), ex)))
                throw new AnalyticsInputException($"Bestand premieloon, rij {row}, kolom loonheffingennummer: {lhnr} komt meer dan eens voor. Er is niets geschreven.");
        }
        return d;
    }

    private MeasurementComparison Measure(DuckDBConnection db, int year)
    {
        decimal formalMarket = 0, formalGov = 0, hiredIn = 0, yearHours = 0;
        using (var cmd = Sql.Command(db, MeasurementSql))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                var sector = r.GetString(0);
                var form = r.GetString(1);
                if (!NationalEngine.CountsNationally(sector, form)) continue;
                var end = Sql.Dec(r.GetValue(2));
                yearHours += Sql.Dec(r.GetValue(3));
                if (NationalEngine.IsHiredInForm(form)) hiredIn += end;
                else if (NationalEngine.IsGovernmentSector(sector)) formalGov += end;
                else formalMarket += end;
            }
        var perMonth = parameters.Get(P.HoursPerJobPerMonth, year);
        var perYear = parameters.Get(P.HoursPerJobPerYear, year);
        decimal Jobs(decimal h) => h / perMonth.Required;
        var key = parameters.TryGet(P.GovernmentShareHiredIn, year, out var k) ? k : null;
        var fm = Jobs(formalMarket);
        var fg = Jobs(formalGov);
        var hi = Jobs(hiredIn);
        decimal? market = key is not null ? fm + hi * (100m - key.Required) / 100m : null;
        decimal? gov = key is not null ? fg + hi * key.Required / 100m : null;
        var tm = parameters.TryGet(P.TargetMarket, year, out var a) ? a : null;
        var tg = parameters.TryGet(P.TargetGovernment, year, out var b) ? b : null;
        var baseline = parameters.Get(P.BaselineJobs, new DateOnly(2013, 1, 1));
        return new MeasurementComparison(fm, fg, hi, key, market, gov, tm, tg, fm + fg + hi, baseline, yearHours / perYear.Required, perMonth, perYear);
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
            notes.Add($"Voor {DutchFormat.Number(total.SurchargeNotComputed)} werkgevers die het quotumpercentage niet halen is de inclusiviteitsopslag niet berekend: " +
                      (premiumGiven ? "hun premieloon Aof staat niet in het invoerbestand premieloon." : "het premieloon Aof ontbreekt (optioneel invoerbestand premieloon)."));
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
        t.AppendLine($"Verloningsregels verwerkt: {N(r.PayrollRows)}; werkgevers: {N(r.Employers.Count)}.");
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
                     (x.SurchargeNotComputed > 0 ? $"; opslag niet berekend (premieloon ontbreekt): {N(x.SurchargeNotComputed)}." : "."));
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

    private static void Write(NationalComparisonResult r, string dir)
    {
        Directory.CreateDirectory(dir);
        static string D(decimal v) => v.ToString(CultureInfo.InvariantCulture);
        using (var w = new StreamWriter(Path.Combine(dir, "werkgevers_regimes.csv"), false, new UTF8Encoding(false)))
        {
            w.WriteLine("loonheffingennummer,sector,groep,quotum_berekenbaar,onder_quotum,quotumtekort,quotumheffing,wba_berekenbaar,onder_wba_quotum,opslag_niet_berekend,inclusiviteitsopslag,banenafspraakbonus,loonkostenvoordeel,reden");
            foreach (var e in r.Employers.OrderBy(e => e.PayrollTaxNumber, StringComparer.Ordinal))
                w.WriteLine(string.Join(',', e.PayrollTaxNumber, e.SectorCode, e.Group, e.QuotaComputable ? "ja" : "nee", e.QuotaSubject ? "ja" : "nee",
                    D(e.Shortfall), D(e.Levy), e.WbaComputable ? "ja" : "nee", e.WbaSubject ? "ja" : "nee", e.SurchargeNotComputed ? "ja" : "nee", D(e.Surcharge), D(e.Bonus), D(e.WageCostAdvantage),
                    e.NotComputableReason is null ? "" : "\"" + e.NotComputableReason.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        }
        File.WriteAllText(Path.Combine(dir, "samenvatting_regimes.txt"), Text(r));
    }
}
