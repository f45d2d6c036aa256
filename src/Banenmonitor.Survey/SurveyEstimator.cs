using MathNet.Numerics.Distributions;

namespace Banenmonitor.Survey;

/// <summary>Which estimator (<i>schatter</i>).</summary>
public enum EstimatorKind { Total, Mean, Proportion, Ratio }

/// <summary>How the confidence interval is formed.</summary>
public enum IntervalMethod
{
    /// <summary>Student t with the design degrees of freedom (units − strata).</summary>
    StudentT,
    /// <summary>Standard normal (R's default in <c>confint</c> on a survey statistic).</summary>
    Normal,
}

public sealed record IntervalOptions(double Level = 0.95, IntervalMethod Method = IntervalMethod.StudentT)
{
    public static IntervalOptions Default { get; } = new();
}

/// <summary>A confidence interval, stating how it was formed.</summary>
public sealed record ConfidenceInterval(double Lower, double Upper, double Level, IntervalMethod Method, int? DegreesOfFreedom, double Quantile)
{
    public string MethodDutch => Method == IntervalMethod.StudentT
        ? $"t-verdeling met {DegreesOfFreedom} vrijheidsgraden (respondenten min strata), kwantiel {Quantile.ToString("0.0000", Dutch)}"
        : $"normale verdeling, kwantiel {Quantile.ToString("0.0000", Dutch)}";

    private static readonly System.Globalization.CultureInfo Dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
}

/// <summary>One weighted estimate with its Taylor-linearised standard error and interval.</summary>
public sealed record SurveyEstimate(
    EstimatorKind Kind,
    string Variable,
    string? Denominator,
    string? Domain,
    double Estimate,
    double StandardError,
    ConfidenceInterval Interval,
    int Respondents,
    double WeightSum,
    int DegreesOfFreedom)
{
    /// <summary>Relative standard error (coefficient of variation).</summary>
    public double RelativeStandardError => Estimate == 0 ? double.NaN : StandardError / Math.Abs(Estimate);

    public string KindDutch => Kind.Dutch();

    /// <summary>What was estimated, in Dutch.</summary>
    public string DescriptionDutch => Kind switch
    {
        EstimatorKind.Total => $"gewogen totaal van '{Variable}'",
        EstimatorKind.Mean => $"gewogen gemiddelde van '{Variable}'",
        EstimatorKind.Proportion => $"gewogen aandeel met '{Variable}'",
        EstimatorKind.Ratio => $"gewogen verhouding Σw·{Variable} ÷ Σw·{Denominator}",
        _ => Kind.ToString(),
    } + (Domain is null ? "" : $" in deelgroep {Domain}");

    /// <summary>How the standard error was computed, in Dutch.</summary>
    public string MethodDutch => Kind switch
    {
        EstimatorKind.Ratio => "Taylor-linearisatie: z = (teller − R·noemer) ÷ gewogen totaal noemer; variantie van het gewogen totaal van z binnen strata",
        EstimatorKind.Total => "variantie van het gewogen totaal binnen strata (elke respondent een eigen trekkingseenheid)",
        _ => "Taylor-linearisatie: z = (y − gemiddelde) ÷ gewichtssom; variantie van het gewogen totaal van z binnen strata",
    };
}

public static class EstimatorKindText
{
    public static string Dutch(this EstimatorKind k) => k switch
    {
        EstimatorKind.Total => "totaal",
        EstimatorKind.Mean => "gemiddelde",
        EstimatorKind.Proportion => "proportie",
        EstimatorKind.Ratio => "ratio",
        _ => k.ToString(),
    };

    public static bool TryParse(string text, out EstimatorKind kind)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "totaal": kind = EstimatorKind.Total; return true;
            case "gemiddelde": kind = EstimatorKind.Mean; return true;
            case "proportie": case "aandeel": kind = EstimatorKind.Proportion; return true;
            case "ratio": case "verhouding": kind = EstimatorKind.Ratio; return true;
            default: kind = default; return false;
        }
    }
}

/// <summary>
/// Weighted estimators with Taylor-linearisation standard errors, matching R's <c>survey</c> package
/// (<c>svytotal</c>, <c>svymean</c>, <c>svyratio</c>; domains as <c>subset</c>/<c>svyby</c>):
/// <list type="bullet">
/// <item>total: t̂ = Σ w y; u = w y;</item>
/// <item>mean and proportion: ȳ = Σ w y / Σ w; u = w (y − ȳ) / Σ w;</item>
/// <item>ratio: R̂ = Σ w y / Σ w x; u = w (y − R̂ x) / Σ w x;</item>
/// <item>domain D: the same with w set to 0 outside D, strata sizes of the full sample (R: <c>subset</c> keeps
/// <c>fpc$sampsize</c>); degrees of freedom: respondents in D minus strata with respondents in D.</item>
/// </list>
/// Var = <see cref="SurveyDesign.Variance"/>(u).
/// </summary>
public static class SurveyEstimator
{
    public static SurveyEstimate Total(SurveyDesign d, IReadOnlyList<double> values, IReadOnlyList<bool>? domainRows = null,
        IntervalOptions? ci = null, string variable = "y", string? domainName = null)
    {
        var (y, domain) = (Arr(values), Arr(domainRows));
        Check(d, y, domain);
        var u = new double[d.Count];
        double t = 0, ws = 0;
        for (var i = 0; i < u.Length; i++)
        {
            var w = In(domain, i) ? d.W[i] : 0;
            u[i] = w * y[i];
            t += u[i]; ws += w;
        }
        return Make(d, EstimatorKind.Total, variable, null, domainName, t, d.Variance(u), domain, ws, ci);
    }

    public static SurveyEstimate Mean(SurveyDesign d, IReadOnlyList<double> y, IReadOnlyList<bool>? domain = null,
        IntervalOptions? ci = null, string variable = "y", string? domainName = null)
        => MeanCore(d, y, domain, ci, variable, domainName, EstimatorKind.Mean);

    /// <summary>Proportion of respondents (weighted) for whom the indicator is 1. Values must be 0 or 1.</summary>
    public static SurveyEstimate Proportion(SurveyDesign d, IReadOnlyList<double> indicator, IReadOnlyList<bool>? domain = null,
        IntervalOptions? ci = null, string variable = "y", string? domainName = null)
    {
        for (var i = 0; i < indicator.Count; i++)
            if (indicator[i] is not (0.0 or 1.0))
                throw new ArgumentException($"Een proportie vraagt waarden 0 of 1; rij {i + 1} heeft {indicator[i]}.");
        return MeanCore(d, indicator, domain, ci, variable, domainName, EstimatorKind.Proportion);
    }

    public static SurveyEstimate Ratio(SurveyDesign d, IReadOnlyList<double> numeratorValues, IReadOnlyList<double> denominatorValues,
        IReadOnlyList<bool>? domainRows = null, IntervalOptions? ci = null, string numeratorName = "y", string denominatorName = "x",
        string? domainName = null)
    {
        var (numerator, denominator, domain) = (Arr(numeratorValues), Arr(denominatorValues), Arr(domainRows));
        Check(d, numerator, domain);
        Check(d, denominator, domain);
        double ty = 0, tx = 0, ws = 0;
        for (var i = 0; i < d.Count; i++)
        {
            if (!In(domain, i)) continue;
            var w = d.W[i];
            ty += w * numerator[i]; tx += w * denominator[i]; ws += w;
        }
        if (tx == 0) throw new ArgumentException($"Het gewogen totaal van de noemer '{denominatorName}' is nul; de verhouding bestaat niet.");
        var r = ty / tx;
        var u = new double[d.Count];
        for (var i = 0; i < u.Length; i++)
            u[i] = In(domain, i) ? d.W[i] * (numerator[i] - r * denominator[i]) / tx : 0;
        return Make(d, EstimatorKind.Ratio, numeratorName, denominatorName, domainName, r, d.Variance(u), domain, ws, ci);
    }

    /// <summary>The same estimator for every value of a domain variable (R <c>svyby</c>), in order of first appearance.</summary>
    public static IReadOnlyList<SurveyEstimate> ByDomain(SurveyDesign d, IReadOnlyList<string> domainOf,
        Func<IReadOnlyList<bool>, string, SurveyEstimate> estimate)
    {
        if (domainOf.Count != d.Count) throw new ArgumentException("Deelgroepen en respondenten hebben niet evenveel rijen.");
        return domainOf.Distinct().Select(v => estimate(domainOf.Select(x => x == v).ToArray(), v)).ToList();
    }

    /// <summary>Degrees of freedom of a domain (R: <c>degf(subset(design, ...))</c>): respondents in the domain minus strata with respondents in it.</summary>
    public static int DegreesOfFreedom(SurveyDesign d, IReadOnlyList<bool>? domain)
    {
        if (domain is null) return d.DegreesOfFreedom;
        var n = 0;
        var strata = new HashSet<int>();
        for (var i = 0; i < d.Count; i++)
            if (domain[i]) { n++; strata.Add(d.StratumOf[i]); }
        return n - strata.Count;
    }

    public static ConfidenceInterval Interval(double estimate, double se, int df, IntervalOptions? options = null)
    {
        var o = options ?? IntervalOptions.Default;
        if (!(o.Level > 0 && o.Level < 1)) throw new ArgumentException("Betrouwbaarheid moet tussen 0 en 1 liggen.");
        var p = 1 - (1 - o.Level) / 2;
        var q = o.Method == IntervalMethod.StudentT
            ? (df > 0 ? StudentT.InvCDF(0, 1, df, p) : double.NaN)
            : Normal.InvCDF(0, 1, p);
        return new ConfidenceInterval(estimate - q * se, estimate + q * se, o.Level, o.Method,
            o.Method == IntervalMethod.StudentT ? df : null, q);
    }

    private static SurveyEstimate MeanCore(SurveyDesign d, IReadOnlyList<double> values, IReadOnlyList<bool>? domainRows,
        IntervalOptions? ci, string variable, string? domainName, EstimatorKind kind)
    {
        var (y, domain) = (Arr(values), Arr(domainRows));
        Check(d, y, domain);
        double ty = 0, ws = 0;
        for (var i = 0; i < d.Count; i++)
        {
            if (!In(domain, i)) continue;
            ty += d.W[i] * y[i]; ws += d.W[i];
        }
        if (ws == 0) throw new ArgumentException("De gewichtssom is nul (lege deelgroep?); er valt niets te schatten.");
        var mean = ty / ws;
        var u = new double[d.Count];
        for (var i = 0; i < u.Length; i++)
            u[i] = In(domain, i) ? d.W[i] * (y[i] - mean) / ws : 0;
        return Make(d, kind, variable, null, domainName, mean, d.Variance(u), domain, ws, ci);
    }

    private static SurveyEstimate Make(SurveyDesign d, EstimatorKind kind, string variable, string? denominator, string? domainName,
        double estimate, double variance, bool[]? domain, double weightSum, IntervalOptions? ci)
    {
        var se = Math.Sqrt(variance);
        var df = DegreesOfFreedom(d, domain);
        var n = 0;
        if (domain is null) n = d.Count;
        else foreach (var b in domain) if (b) n++;
        return new SurveyEstimate(kind, variable, denominator, domainName, estimate, se, Interval(estimate, se, df, ci), n, weightSum, df);
    }

    private static bool In(bool[]? domain, int i) => domain is null || domain[i];
    private static double[] Arr(IReadOnlyList<double> v) => v as double[] ?? v.ToArray();
    private static bool[]? Arr(IReadOnlyList<bool>? v) => v is null ? null : v as bool[] ?? v.ToArray();

    private static void Check(SurveyDesign d, double[] y, bool[]? domain)
    {
        if (y.Length != d.Count) throw new ArgumentException($"De variabele heeft {y.Length} waarden, het ontwerp {d.Count} respondenten.");
        if (domain is not null && domain.Length != d.Count) throw new ArgumentException("De deelgroep heeft niet evenveel rijen als het ontwerp.");
        for (var i = 0; i < y.Length; i++)
            if (!double.IsFinite(y[i])) throw new ArgumentException($"Rij {i + 1} heeft geen geldige waarde.");
    }
}
