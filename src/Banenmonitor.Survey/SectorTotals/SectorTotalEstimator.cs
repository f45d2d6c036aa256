using System.Globalization;

namespace Banenmonitor.Survey.SectorTotals;

/// <summary>How a sector total is formed from its employers' reports (<i>schattingsmethode</i>).</summary>
public enum SectorTotalMethod
{
    /// <summary>Plain sum of the reports received: what is published today. A lower bound, not an estimate of the total.</summary>
    Sum,
    /// <summary>Ratio estimate: jobs per unit of size among reporters × the size of the whole register.</summary>
    Ratio,
    /// <summary>Post-stratified by size class: per class the reporters' mean × the number of employers in the class.</summary>
    PostStratified,
}

public static class SectorTotalMethodText
{
    /// <summary>CLI and JSON word of a method.</summary>
    public static string Code(this SectorTotalMethod m) => m switch
    {
        SectorTotalMethod.Sum => "som",
        SectorTotalMethod.Ratio => "ratio",
        SectorTotalMethod.PostStratified => "poststratificatie",
        _ => m.ToString(),
    };

    public static string Dutch(this SectorTotalMethod m) => m switch
    {
        SectorTotalMethod.Sum => "som van de rapportages",
        SectorTotalMethod.Ratio => "ratioschatting naar omvang",
        SectorTotalMethod.PostStratified => "poststratificatie naar grootteklasse",
        _ => m.ToString(),
    };

    public static bool TryParse(string? text, out SectorTotalMethod method)
    {
        foreach (var m in Enum.GetValues<SectorTotalMethod>())
            if (string.Equals(text?.Trim(), m.Code(), StringComparison.OrdinalIgnoreCase)) { method = m; return true; }
        method = default;
        return false;
    }

    public static string Codes => string.Join(", ", Enum.GetValues<SectorTotalMethod>().Select(m => m.Code()));
}

/// <summary>
/// One employer of a sector's register in one year: its size (staff, fte or paid hours: one measure for the whole
/// register), its size class, and its report when it sent one (<see cref="ReportedJobs"/> null = no report).
/// </summary>
public sealed record RegisterUnit(string Id, string SizeClass, double Size, double? ReportedJobs)
{
    public bool Reported => ReportedJobs is not null;
}

/// <summary>Coverage (<i>dekking</i>) of the reports: employers and share of the size measure.</summary>
public sealed record SectorCoverage(int EmployersReported, int EmployersTotal, double SizeReported, double SizeTotal)
{
    public double EmployerShare => EmployersTotal == 0 ? double.NaN : (double)EmployersReported / EmployersTotal;
    public double SizeShare => SizeTotal == 0 ? double.NaN : SizeReported / SizeTotal;

    public string DescriptionDutch(string sizeMeasure = "omvang") =>
        $"{EmployersReported} van {EmployersTotal} werkgevers ({Pct(EmployerShare)}), samen {Pct(SizeShare)} van de {sizeMeasure}";

    internal static string Pct(double share) => double.IsNaN(share) ? "—" : (share * 100).ToString("0.0", Nl) + "%";
    internal static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");
}

/// <summary>
/// A sector total (jobs, fta) by one method: estimate, standard error and interval (null where none exists, as for the
/// plain sum), what it assumes, and how it was computed — all in Dutch for page, CLI and report.
/// </summary>
public sealed record SectorTotalEstimate(
    SectorTotalMethod Method,
    double Estimate,
    double? StandardError,
    ConfidenceInterval? Interval,
    bool IsLowerBound,
    string AssumptionDutch,
    string ComputationDutch,
    IReadOnlyList<string> NotesDutch)
{
    public string MethodDutch => Method.Dutch();
}

/// <summary>Everything known about a sector total in one year: the coverage and the total by every method.</summary>
public sealed record SectorTotalResult(SectorCoverage Coverage, IReadOnlyList<SectorTotalEstimate> Estimates)
{
    public SectorTotalEstimate this[SectorTotalMethod m] => Estimates.First(e => e.Method == m);
}

/// <summary>
/// Sector totals from employer reports when not every employer reports. The size classes of the register serve as
/// response groups: within a class the reporters are treated as a simple random sample without replacement from the
/// class's employers (finite population correction (N<sub>g</sub> − n<sub>g</sub>) ÷ N<sub>g</sub>). That is exactly the assumption
/// "non-response is ignorable within size classes"; the survey estimators (<see cref="SurveyEstimator"/>, Taylor
/// linearisation as in R's <c>survey</c>) then give the standard errors — no separate variance code here:
/// <list type="bullet">
/// <item>sum: Σ reported jobs — exact for what was reported, a lower bound for the sector (no standard error: it is
/// not an estimate of the total);</item>
/// <item>ratio: R̂ = Σ w·jobs ÷ Σ w·size over reporters, w = N<sub>g</sub> ÷ n<sub>g</sub> (svyratio; with one class the plain
/// jobs-per-size of the reporters), total = R̂ × X with X the register's total size, SE = X × SE(R̂);</item>
/// <item>post-stratified: total = Σ<sub>g</sub> N<sub>g</sub> ȳ<sub>g</sub> (svytotal with weights N<sub>g</sub> ÷ n<sub>g</sub>); its variance is the
/// stratified one, i.e. conditional on the number of reporters per class (Holt and Smith 1979). A plain
/// post-stratification of an unstratified sample with one overall finite population correction overstates the
/// variance badly when the response rate differs between classes (the simulation in the tests shows 99.8% coverage).</item>
/// </list>
/// A class with fewer than two reporters is merged into its neighbour in the given class order (stated in the notes).
/// Intervals: Student t with degrees of freedom = reporters − classes, 95% by default.
/// </summary>
public static class SectorTotalEstimator
{
    public const string SumAssumption =
        "Geen aanname over de werkgevers die niet rapporteerden: de som telt alleen wat gerapporteerd is. " +
        "Het werkelijke totaal van de sector is minstens zo groot (ondergrens), tenzij rapportages te hoog zijn.";

    public const string RatioAssumption =
        "Aanname: de niet-rapporterende werkgevers hebben gemiddeld evenveel banen per eenheid omvang als de rapporterende " +
        "werkgevers (binnen hun grootteklasse): de niet-respons is te negeren gegeven de omvang, en de rapporteurs gedragen zich " +
        "binnen hun grootteklasse als een aselecte steekproef uit het register.";

    public const string AggregateRatioAssumption =
        "Aanname: de niet-rapporterende werkgevers hebben gemiddeld evenveel banen per eenheid omvang (hier: per personeelslid) " +
        "als de rapporterende werkgevers; hun kleinere of grotere omvang is daarmee verdisconteerd, een andere banendichtheid niet.";

    public const string PostStratifiedAssumption =
        "Aanname: binnen elke grootteklasse is de niet-respons te negeren: wie rapporteert heeft gemiddeld evenveel banen als " +
        "wie niet rapporteert in dezelfde grootteklasse (de rapporteurs zijn binnen hun klasse als een aselecte steekproef).";

    /// <summary>Coverage of the register.</summary>
    public static SectorCoverage Coverage(IReadOnlyList<RegisterUnit> register)
    {
        Validate(register);
        return new SectorCoverage(register.Count(u => u.Reported), register.Count,
            register.Where(u => u.Reported).Sum(u => u.Size), register.Sum(u => u.Size));
    }

    /// <summary>The total by every method that the register allows (the sum always; ratio and post-stratification need two reporters).</summary>
    public static SectorTotalResult EstimateAll(IReadOnlyList<RegisterUnit> register, IReadOnlyList<string>? classOrder = null, IntervalOptions? ci = null)
    {
        var coverage = Coverage(register);
        var list = new List<SectorTotalEstimate> { Sum(register) };
        if (coverage.EmployersReported >= 2)
        {
            list.Add(Ratio(register, classOrder, ci));
            list.Add(PostStratified(register, classOrder, ci));
        }
        return new SectorTotalResult(coverage, list);
    }

    public static SectorTotalEstimate Estimate(IReadOnlyList<RegisterUnit> register, SectorTotalMethod method, IReadOnlyList<string>? classOrder = null, IntervalOptions? ci = null) =>
        method switch
        {
            SectorTotalMethod.Sum => Sum(register),
            SectorTotalMethod.Ratio => Ratio(register, classOrder, ci),
            SectorTotalMethod.PostStratified => PostStratified(register, classOrder, ci),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };

    public static SectorTotalEstimate Sum(IReadOnlyList<RegisterUnit> register)
    {
        var c = Coverage(register);
        var sum = register.Where(u => u.Reported).Sum(u => u.ReportedJobs!.Value);
        var notes = new List<string>();
        if (c.EmployersReported < c.EmployersTotal)
            notes.Add($"{c.EmployersTotal - c.EmployersReported} werkgevers rapporteerden niet; hun banen ontbreken in deze som.");
        return new SectorTotalEstimate(SectorTotalMethod.Sum, sum, null, null, c.EmployersReported < c.EmployersTotal, SumAssumption,
            $"Σ gerapporteerde banen over {c.EmployersReported} werkgevers = {F(sum)}", notes);
    }

    public static SectorTotalEstimate Ratio(IReadOnlyList<RegisterUnit> register, IReadOnlyList<string>? classOrder = null, IntervalOptions? ci = null)
    {
        var c = Coverage(register);
        var cells = Cells(register, classOrder, "de ratioschatting");
        var r = SurveyEstimator.Ratio(cells.Design, cells.Reporters.Select(u => u.ReportedJobs!.Value).ToArray(), cells.Reporters.Select(u => u.Size).ToArray(),
            ci: ci, numeratorName: "banen", denominatorName: "omvang");
        var total = r.Estimate * c.SizeTotal;
        var se = r.StandardError * c.SizeTotal;
        var interval = SurveyEstimator.Interval(total, se, r.DegreesOfFreedom, ci);
        var weighting = cells.Count == 1
            ? $"R = Σ banen ÷ Σ omvang bij {cells.Reporters.Count} rapporteurs"
            : $"R = Σ w·banen ÷ Σ w·omvang bij {cells.Reporters.Count} rapporteurs, met w = werkgevers ÷ rapporteurs per grootteklasse ({cells.Describe()})";
        return new SectorTotalEstimate(SectorTotalMethod.Ratio, total, se, interval, false, RatioAssumption,
            $"{weighting} = {F(r.Estimate, 6)} banen per eenheid omvang; totaal = R × {F(c.SizeTotal)} (omvang van alle {c.EmployersTotal} werkgevers) = {F(total)}; " +
            "standaardfout = totale omvang × SE(R) (Taylor-linearisatie, eindigepopulatiecorrectie per grootteklasse)",
            cells.Notes);
    }

    public static SectorTotalEstimate PostStratified(IReadOnlyList<RegisterUnit> register, IReadOnlyList<string>? classOrder = null, IntervalOptions? ci = null)
    {
        var cells = Cells(register, classOrder, "de poststratificatie");
        var t = SurveyEstimator.Total(cells.Design, cells.Reporters.Select(u => u.ReportedJobs!.Value).ToArray(), ci: ci, variable: "banen");
        var parts = cells.Names.Select(g =>
        {
            var rs = cells.Reporters.Where(u => cells.CellOf[u.SizeClass] == g).ToList();
            return $"{g}: {cells.Population[g]} × {F(rs.Average(u => u.ReportedJobs!.Value), 3)} ({rs.Count} rapporteurs)";
        });
        return new SectorTotalEstimate(SectorTotalMethod.PostStratified, t.Estimate, t.StandardError, t.Interval, false, PostStratifiedAssumption,
            $"totaal = Σ per grootteklasse aantal werkgevers × gemiddelde banen van de rapporteurs = {string.Join("; ", parts)} = {F(t.Estimate)}; " +
            "standaardfout als bij een gestratificeerde steekproef per grootteklasse (variantie gegeven het aantal rapporteurs per klasse), met eindigepopulatiecorrectie",
            cells.Notes);
    }

    /// <summary>Size classes as response groups: classes with fewer than two reporters merged into a neighbour, and the stratified design.</summary>
    private sealed record ClassCells(List<RegisterUnit> Reporters, Dictionary<string, string> CellOf, List<string> Names,
        Dictionary<string, int> Population, SurveyDesign Design, List<string> Notes)
    {
        public int Count => Names.Count;
        public string Describe() => string.Join(", ", Names.Select(g => $"{g} {Population[g]}/{Reporters.Count(u => CellOf[u.SizeClass] == g)}"));
    }

    private static ClassCells Cells(IReadOnlyList<RegisterUnit> register, IReadOnlyList<string>? classOrder, string what)
    {
        var reporters = Reporters(register, 2, what);
        var order = (classOrder ?? register.Select(u => u.SizeClass).Distinct().Order(StringComparer.Ordinal).ToList()).ToList();
        foreach (var k in register.Select(u => u.SizeClass).Distinct())
            if (!order.Contains(k)) throw new ArgumentException($"Grootteklasse '{k}' staat niet in de volgorde van klassen ({string.Join(", ", order)}).");
        var present = order.Where(k => register.Any(u => u.SizeClass == k)).ToList();
        var neighbours = new Dictionary<string, string>(StringComparer.Ordinal);
        var collapse = new CellCollapse("grootteklasse", 2, neighbours);
        var notes = new List<string>();
        var cellOf = present.ToDictionary(k => k, k => k, StringComparer.Ordinal);
        // Merge a class with fewer than two reporters into the next class in order (the last into the one before),
        // one at a time, until every remaining class has two: within a class of one no spread can be estimated.
        while (true)
        {
            var live = present.Where(k => cellOf[k] == k).ToList();
            var small = live.FirstOrDefault(k => reporters.Count(u => cellOf[u.SizeClass] == k) < 2);
            if (small is null || live.Count == 1) break;
            var i = live.IndexOf(small);
            var into = i + 1 < live.Count ? live[i + 1] : live[i - 1];
            neighbours[small] = into;
            notes.Add($"Grootteklasse '{small}' ({reporters.Count(u => cellOf[u.SizeClass] == small)} rapporteurs) samengevoegd met '{into}'.");
            foreach (var k in present) cellOf[k] = collapse.Resolve(k);
        }
        var names = present.Select(k => cellOf[k]).Distinct().ToList();
        var population = names.ToDictionary(g => g, g => register.Count(u => cellOf[u.SizeClass] == g), StringComparer.Ordinal);
        var design = SurveyDesign.Create(reporters.Select(u => cellOf[u.SizeClass]).ToArray(),
            population: population.ToDictionary(kv => kv.Key, kv => StratumPopulation.Count(kv.Value), StringComparer.Ordinal));
        return new ClassCells(reporters, cellOf, names, population, design, notes);
    }

    /// <summary>
    /// The ratio estimate when only aggregates are known (e.g. Kamerbrief BZK 2021 over 2020: 408 jobs from 21 of 36 hbo institutions that
    /// hold 79% of the staff): total = reported jobs ÷ reported share of size. Without each reporter's jobs and size no
    /// standard error can be computed; the result says what an interval would need.
    /// </summary>
    public static SectorTotalEstimate RatioFromAggregates(double reportedJobs, double reportedSizeShare, int? employersReported = null, int? employersTotal = null)
    {
        if (!(reportedSizeShare > 0 && reportedSizeShare <= 1)) throw new ArgumentException($"Het gerapporteerde aandeel van de omvang moet tussen 0 en 1 liggen (was {reportedSizeShare}).");
        if (!(reportedJobs >= 0) || !double.IsFinite(reportedJobs)) throw new ArgumentException("Het aantal gerapporteerde banen is ongeldig.");
        var total = reportedJobs / reportedSizeShare;
        var who = employersReported is { } n && employersTotal is { } N ? $"{n} van {N} werkgevers" : "de rapporterende werkgevers";
        return new SectorTotalEstimate(SectorTotalMethod.Ratio, total, null, null, false, AggregateRatioAssumption,
            $"totaal = {F(reportedJobs)} gerapporteerde banen ÷ {SectorCoverage.Pct(reportedSizeShare)} van de omvang ({who}) = {F(total)}",
            [
                "Zonder cijfers per werkgever is geen standaardfout te berekenen en dus geen betrouwbaarheidsinterval. " +
                "Daarvoor zijn per rapporterende werkgever de banen en de omvang nodig, en de omvang van alle werkgevers in het register " +
                "(of ten minste het aantal werkgevers en de totale omvang).",
                $"Gevoeligheid (geen betrouwbaarheidsinterval): hebben de niet-rapporteurs per eenheid omvang half zoveel of anderhalf keer " +
                $"zoveel banen als de rapporteurs, dan is het totaal {F(reportedJobs + 0.5 * (total - reportedJobs))} tot {F(reportedJobs + 1.5 * (total - reportedJobs))}.",
            ]);
    }

    private static List<RegisterUnit> Reporters(IReadOnlyList<RegisterUnit> register, int minimum, string what)
    {
        Validate(register);
        var r = register.Where(u => u.Reported).ToList();
        if (r.Count < minimum)
            throw new ArgumentException($"Voor {what} zijn minstens {minimum} rapporterende werkgevers nodig; er zijn er {r.Count}.");
        return r;
    }

    private static void Validate(IReadOnlyList<RegisterUnit> register)
    {
        if (register.Count == 0) throw new ArgumentException("Het register van de sector is leeg.");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var u in register)
        {
            if (!ids.Add(u.Id)) throw new ArgumentException($"Werkgever '{u.Id}' staat twee keer in het register.");
            if (!(u.Size >= 0) || !double.IsFinite(u.Size)) throw new ArgumentException($"Werkgever '{u.Id}' heeft een ongeldige omvang ({u.Size}).");
            if (u.ReportedJobs is { } j && (!(j >= 0) || !double.IsFinite(j))) throw new ArgumentException($"Werkgever '{u.Id}' heeft een ongeldig aantal banen ({j}).");
        }
    }

    private static string F(double v, int decimals = 1) => v.ToString("N" + decimals, SectorCoverage.Nl);
}
