namespace Banenmonitor.Survey;

/// <summary>What to do with a stratum that holds a single sampling unit (R: <c>options(survey.lonely.psu=)</c>).</summary>
public enum LonelyUnitPolicy
{
    /// <summary>Refuse to compute a standard error (R's default, "fail").</summary>
    Fail,
    /// <summary>The stratum contributes nothing to the variance (R "remove"/"certainty").</summary>
    Remove,
}

/// <summary>
/// Population size of a stratum for the finite population correction: either a count (<i>N<sub>h</sub></i>)
/// or a sampling fraction (<i>n<sub>h</sub>/N<sub>h</sub></i>), as in R's <c>fpc=</c>.
/// </summary>
public readonly record struct StratumPopulation(double Value, bool IsFraction)
{
    public static StratumPopulation Count(double n) => new(n, false);
    public static StratumPopulation Fraction(double f) => new(f, true);
}

/// <summary>
/// A one-stage stratified element sample (every respondent is its own sampling unit: R's <c>svydesign(ids=~1, ...)</c>),
/// optionally with a finite population correction and post-stratification. Immutable; <see cref="PostStratify"/>
/// returns a new design. Estimates and Taylor-linearised standard errors follow R's <c>survey</c> package conventions
/// (see <see cref="SurveyEstimator"/>).
/// </summary>
public sealed class SurveyDesign
{
    internal readonly int[] StratumOf;
    internal readonly int[] StratumSize;
    internal readonly double[] StratumFpc;   // (N_h - n_h)/N_h, or 1 without fpc
    internal readonly double[] W;
    internal readonly PostStrata? Post;

    public int Count => W.Length;
    public IReadOnlyList<string> StrataNames { get; }
    public IReadOnlyList<double> Weights => W;
    public bool HasFpc { get; }
    public bool IsPostStratified => Post is not null;
    public LonelyUnitPolicy LonelyUnits { get; }

    /// <summary>Design degrees of freedom: number of sampling units minus number of strata (R <c>degf</c>).</summary>
    public int DegreesOfFreedom => Count - StrataNames.Count;

    internal sealed record PostStrata(int[] CellOf, int[] CellCount, string[] CellNames, double[] Population, double[] BaseWeights);

    private SurveyDesign(int[] stratumOf, string[] strataNames, int[] stratumSize, double[] fpc, double[] w, bool hasFpc,
        PostStrata? post, LonelyUnitPolicy lonely)
    {
        StratumOf = stratumOf; StrataNames = strataNames; StratumSize = stratumSize; StratumFpc = fpc; W = w;
        HasFpc = hasFpc; Post = post; LonelyUnits = lonely;
    }

    /// <summary>
    /// Builds a design. <paramref name="strata"/>: stratum of each respondent (null: one stratum).
    /// <paramref name="weights"/>: sampling weight of each respondent (null: N<sub>h</sub>/n<sub>h</sub> when population counts
    /// are given, else 1 — as R does). <paramref name="population"/>: per stratum, for the finite population correction.
    /// </summary>
    public static SurveyDesign Create(IReadOnlyList<string>? strata, IReadOnlyList<double>? weights = null,
        IReadOnlyDictionary<string, StratumPopulation>? population = null, LonelyUnitPolicy lonely = LonelyUnitPolicy.Fail,
        int? count = null)
    {
        var n = strata?.Count ?? weights?.Count ?? count ?? throw new ArgumentException("Geef strata, gewichten of een aantal respondenten op.");
        if (weights is not null && weights.Count != n) throw new ArgumentException("Gewichten en strata hebben niet evenveel rijen.");
        var names = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var of = new int[n];
        for (var i = 0; i < n; i++)
        {
            var key = strata?[i] ?? "";
            if (!index.TryGetValue(key, out var h)) { h = names.Count; index[key] = h; names.Add(key); }
            of[i] = h;
        }
        var size = new int[names.Count];
        foreach (var h in of) size[h]++;
        var fpc = new double[names.Count];
        Array.Fill(fpc, 1.0);
        double[]? designWeight = null;
        if (population is not null)
        {
            designWeight = new double[names.Count];
            for (var h = 0; h < names.Count; h++)
            {
                if (!population.TryGetValue(names[h], out var p))
                    throw new ArgumentException($"Geen populatieomvang voor stratum '{names[h]}'.");
                double bigN = p.IsFraction ? size[h] / p.Value : p.Value;
                if (p.IsFraction ? p.Value <= 0 || p.Value > 1 : p.Value < size[h])
                    throw new ArgumentException($"Populatieomvang van stratum '{names[h]}' ({p.Value}) is kleiner dan het aantal respondenten ({size[h]}).");
                fpc[h] = (bigN - size[h]) / bigN;
                designWeight[h] = bigN / size[h];
            }
        }
        var w = new double[n];
        for (var i = 0; i < n; i++)
        {
            w[i] = weights?[i] ?? designWeight?[of[i]] ?? 1.0;
            if (!(w[i] >= 0) || !double.IsFinite(w[i])) throw new ArgumentException($"Gewicht van rij {i + 1} is ongeldig ({w[i]}).");
        }
        return new SurveyDesign(of, names.ToArray(), size, fpc, w, population is not null, null, lonely);
    }

    /// <summary>
    /// Post-stratification (R <c>postStratify</c>): weights are multiplied per cell by N<sub>g</sub> ÷ Σ<sub>i∈g</sub> w<sub>i</sub>, so the
    /// weighted sample reproduces the population of each cell. With equal base weights and shares instead of counts this is
    /// "population share ÷ sample share". Cells with too few respondents can be merged into a named neighbour first
    /// (<see cref="CellCollapse"/>). Standard errors then use residuals from the cell means, as R does.
    /// </summary>
    public SurveyDesign PostStratify(IReadOnlyList<string> cellOfRow, IReadOnlyDictionary<string, double> populationTotals)
    {
        if (cellOfRow.Count != Count) throw new ArgumentException("Cellen en respondenten hebben niet evenveel rijen.");
        if (Post is not null) throw new InvalidOperationException("Het ontwerp is al naar cellen gewogen.");
        var names = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var of = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            if (!index.TryGetValue(cellOfRow[i], out var g)) { g = names.Count; index[cellOfRow[i]] = g; names.Add(cellOfRow[i]); }
            of[i] = g;
        }
        foreach (var key in populationTotals.Keys)
            if (!index.ContainsKey(key) && populationTotals[key] > 0)
                throw new ArgumentException($"Cel '{key}' komt in de populatie voor ({populationTotals[key]}) maar heeft geen respondenten; voeg de cel samen met een buurcel.");
        var count = new int[names.Count];
        var sumW = new double[names.Count];
        var pop = new double[names.Count];
        for (var i = 0; i < Count; i++) { count[of[i]]++; sumW[of[i]] += W[i]; }
        for (var g = 0; g < names.Count; g++)
        {
            if (!populationTotals.TryGetValue(names[g], out pop[g]))
                throw new ArgumentException($"Cel '{names[g]}' heeft respondenten maar komt niet voor in de populatie.");
            if (!(sumW[g] > 0)) throw new ArgumentException($"Cel '{names[g]}' heeft een gewichtssom van nul.");
        }
        var w = new double[Count];
        for (var i = 0; i < Count; i++) w[i] = W[i] * pop[of[i]] / sumW[of[i]];
        return new SurveyDesign(StratumOf, (string[])StrataNames, StratumSize, StratumFpc, w, HasFpc,
            new PostStrata(of, count, names.ToArray(), pop, W), LonelyUnits);
    }

    /// <summary>
    /// Linearisation variance of a weighted total of the estimating function <paramref name="u"/> (already multiplied by the
    /// weights; zero outside a domain): post-stratum residuals (R ≥ 4.1: <c>x - psmeans[g] * psw</c>, where psmeans is the
    /// base-weighted mean of u/w over the rows of the cell, base = weights before post-stratification), then Σ<sub>h</sub> f<sub>h</sub> n<sub>h</sub>/(n<sub>h</sub>−1) Σ<sub>i∈h</sub>(u<sub>i</sub> − ū<sub>h</sub>)².
    /// </summary>
    internal double Variance(double[] u)
    {
        var x = u;
        if (Post is { } ps)
        {
            x = new double[u.Length];
            var mean = new double[ps.CellNames.Length];
            var baseSum = new double[ps.CellNames.Length];
            for (var i = 0; i < u.Length; i++)
            {
                var g = ps.CellOf[i];
                mean[g] += W[i] == 0 ? 0 : u[i] * ps.BaseWeights[i] / W[i];
                baseSum[g] += ps.BaseWeights[i];
            }
            for (var g = 0; g < mean.Length; g++) mean[g] /= baseSum[g];
            for (var i = 0; i < u.Length; i++) x[i] = u[i] - mean[ps.CellOf[i]] * W[i];
        }
        var H = StrataNames.Count;
        var sum = new double[H];
        for (var i = 0; i < x.Length; i++) sum[StratumOf[i]] += x[i];
        var ss = new double[H];
        for (var i = 0; i < x.Length; i++)
        {
            var h = StratumOf[i];
            var d = x[i] - sum[h] / StratumSize[h];
            ss[h] += d * d;
        }
        double v = 0;
        for (var h = 0; h < H; h++)
        {
            var nh = StratumSize[h];
            if (StratumFpc[h] < 1e-7) continue; // self-representing stratum (all units observed)
            if (nh == 1)
            {
                if (LonelyUnits == LonelyUnitPolicy.Fail)
                    throw new LonelyUnitException(StrataNames[h]);
                continue;
            }
            v += StratumFpc[h] * nh / (nh - 1.0) * ss[h];
        }
        return v;
    }
}

/// <summary>A stratum with a single respondent: no variance can be estimated within it.</summary>
public sealed class LonelyUnitException(string stratum)
    : Exception($"Stratum '{stratum}' heeft maar één respondent; binnen dat stratum is geen spreiding te schatten. " +
                "Voeg het stratum samen met een buurstratum of kies de optie om het stratum weg te laten uit de variantie.")
{
    public string Stratum { get; } = stratum;
}
