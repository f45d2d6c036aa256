using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Banenmonitor.Survey.Forecasts;

/// <summary>One observed value of a yearly series (e.g. the realised jobs of a sector at the end of a year).</summary>
public sealed record Observation(int Year, double Value);

/// <summary>The two trend models a forecast chooses between (see <c>docs/prognose.md</c>).</summary>
public enum TrendModelKind { Linear, Damped }

public static class TrendModelText
{
    public static string Code(this TrendModelKind k) => k == TrendModelKind.Linear ? "lineair" : "gedempt";

    public static string Dutch(this TrendModelKind k) => k == TrendModelKind.Linear
        ? "lineaire trend (kleinste kwadraten)"
        : "gedempte trend (Holt, exponentiële afvlakking met demping)";
}

/// <summary>A point forecast with its prediction interval at <see cref="Level"/> (e.g. 0,80).</summary>
public sealed record PointForecast(int Year, double Value, double Lower, double Upper, double Level);

/// <summary>A model fitted to a series: it forecasts any later year with a prediction interval.</summary>
public abstract class FittedTrend
{
    public abstract TrendModelKind Kind { get; }
    /// <summary>The last year of the data the model was fitted to.</summary>
    public abstract int LastYear { get; }
    /// <summary>The fitted parameters in Dutch (for the explanation on the page and in the CLI).</summary>
    public abstract string ParametersDutch { get; }
    /// <summary>Forecast for a year after <see cref="LastYear"/>, with its prediction interval at <paramref name="level"/>.</summary>
    public abstract PointForecast Forecast(int year, double level);

    /// <summary>Half width of a two-sided interval: Student t with <paramref name="df"/> degrees of freedom.</summary>
    protected static double Quantile(double level, int df) => StudentT.InvCDF(0, 1, Math.Max(1, df), 0.5 + level / 2);
}

/// <summary>
/// Linear trend: y = a + b·jaar by ordinary least squares (MathNet <see cref="Fit.Line"/>). Gaps between years are no
/// problem. Prediction interval: the classical one of simple regression, s·√(1 + 1/n + (x₀ − x̄)²/Sxx) times Student t
/// with n − 2 degrees of freedom. Needs at least three years.
/// </summary>
public sealed class LinearTrend : FittedTrend
{
    public const int MinimumYears = 3;
    private readonly double intercept, slope, s, meanX, sxx;
    private readonly int n;

    private LinearTrend(double intercept, double slope, double s, double meanX, double sxx, int n, int lastYear)
    {
        (this.intercept, this.slope, this.s, this.meanX, this.sxx, this.n) = (intercept, slope, s, meanX, sxx, n);
        LastYear = lastYear;
    }

    public override TrendModelKind Kind => TrendModelKind.Linear;
    public override int LastYear { get; }
    /// <summary>Growth per year (b).</summary>
    public double Slope => slope;
    public double Intercept => intercept;
    /// <summary>Residual standard deviation s (n − 2 degrees of freedom).</summary>
    public double ResidualStandardDeviation => s;

    public override string ParametersDutch =>
        $"helling {Nl(slope, 1)} banen per jaar; restspreiding {Nl(s, 1)} banen ({n} jaren)";

    public static LinearTrend Fit(IReadOnlyList<Observation> series)
    {
        if (series.Count < MinimumYears) throw new ArgumentException($"Een lineaire trend vraagt ten minste {MinimumYears} jaren; er zijn er {series.Count}.");
        var x = series.Select(o => (double)o.Year).ToArray();
        var y = series.Select(o => o.Value).ToArray();
        var meanX = x.Average();
        // centred years keep the fit well conditioned
        var (a, b) = MathNet.Numerics.Fit.Line(x.Select(v => v - meanX).ToArray(), y);
        var sse = x.Select((v, i) => Math.Pow(y[i] - (a + b * (v - meanX)), 2)).Sum();
        var sxx = x.Sum(v => (v - meanX) * (v - meanX));
        var s = series.Count > 2 ? Math.Sqrt(sse / (series.Count - 2)) : 0;
        return new LinearTrend(a - b * meanX, b, s, meanX, sxx, series.Count, series.Max(o => o.Year));
    }

    public override PointForecast Forecast(int year, double level)
    {
        var value = intercept + slope * year;
        var half = Quantile(level, n - 2) * s * Math.Sqrt(1 + 1.0 / n + (year - meanX) * (year - meanX) / sxx);
        return new PointForecast(year, value, value - half, value + half, level);
    }

    internal static string Nl(double v, int decimals) => v.ToString("N" + decimals, System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
}

/// <summary>
/// Damped trend: Holt's linear method with a damped trend (Gardner &amp; McKenzie 1985; the additive ETS(A,Ad,N) model of
/// Hyndman et al. 2008). Level ℓ and trend b are updated each year with the one-step error e:
/// ℓₜ = ℓₜ₋₁ + φbₜ₋₁ + αe, bₜ = φbₜ₋₁ + αβe; the forecast h years ahead is ℓ + (φ + φ² + … + φʰ)·b, so growth fades
/// instead of continuing for ever. The first two years set the starting level and trend; α, β and φ minimise the sum of
/// squared one-step errors of the later years (MathNet Nelder–Mead), with 0 &lt; α, β &lt; 1 and φ between 0,80 and 0,98
/// (the range of Hyndman &amp; Athanasopoulos, <i>Forecasting: Principles and Practice</i>, §8.2). A year without a figure is
/// skipped the state-space way: level and trend run on without an update. Prediction interval: the variance of
/// ETS(A,Ad,N), σ²·(1 + Σⱼ₌₁ʰ⁻¹ cⱼ²) with cⱼ = α + αβφ(1 − φʲ)/(1 − φ), σ² from the one-step errors, Student t with as
/// many degrees of freedom as there are errors. Needs at least four years (two to start, two errors).
/// </summary>
public sealed class DampedTrend : FittedTrend
{
    public const int MinimumYears = 4;
    public const double MinimumDamping = 0.80, MaximumDamping = 0.98;
    private const int MaximumIterations = 4096;
    private readonly double level, trend, sigma;
    private readonly int errors;

    private DampedTrend(double alpha, double beta, double phi, double level, double trend, double sigma, int errors, int lastYear)
    {
        (Alpha, Beta, Phi, this.level, this.trend, this.sigma, this.errors) = (alpha, beta, phi, level, trend, sigma, errors);
        LastYear = lastYear;
    }

    public double Alpha { get; }
    public double Beta { get; }
    public double Phi { get; }
    public override TrendModelKind Kind => TrendModelKind.Damped;
    public override int LastYear { get; }

    public override string ParametersDutch =>
        $"α {LinearTrend.Nl(Alpha, 2)}, β {LinearTrend.Nl(Beta, 2)}, demping φ {LinearTrend.Nl(Phi, 2)}; laatste niveau {LinearTrend.Nl(level, 0)} en trend {LinearTrend.Nl(trend, 1)} banen per jaar";

    public static DampedTrend Fit(IReadOnlyList<Observation> series)
    {
        if (series.Count < MinimumYears) throw new ArgumentException($"Een gedempte trend vraagt ten minste {MinimumYears} jaren; er zijn er {series.Count}.");
        var ordered = series.OrderBy(o => o.Year).ToList();
        double Sse(double a, double b, double p) => Run(ordered, a, b, p).Sse;
        // unconstrained search over logistic transforms keeps every parameter in its range
        static double Logistic(double v) => 1 / (1 + Math.Exp(-v));
        (double A, double B, double P) Map(Vector<double> v) =>
            (0.0001 + 0.9998 * Logistic(v[0]), 0.0001 + 0.9998 * Logistic(v[1]), MinimumDamping + (MaximumDamping - MinimumDamping) * Logistic(v[2]));
        var objective = ObjectiveFunction.Value(v => { var (a, b, p) = Map(v); return Sse(a, b, p); });
        // a few starting points (the surface of a short series has flat parts); the best minimum wins
        var best = (Value: double.PositiveInfinity, Point: Vector<double>.Build.Dense(3));
        foreach (var start in new[] { new[] { 0.0, -1.0, 0.0 }, new[] { 2.0, 0.0, 1.0 }, new[] { -1.0, -2.0, -1.0 } })
        {
            try
            {
                var r = NelderMeadSimplex.Minimum(objective, Vector<double>.Build.DenseOfArray(start), 1e-10, MaximumIterations);
                if (r.FunctionInfoAtMinimum.Value < best.Value) best = (r.FunctionInfoAtMinimum.Value, r.MinimizingPoint);
            }
            catch (MaximumIterationsException) { }
        }
        var (alpha, beta, phi) = Map(best.Point);
        var run = Run(ordered, alpha, beta, phi);
        var sigma = Math.Sqrt(run.Sse / Math.Max(1, run.Errors));
        return new DampedTrend(alpha, beta, phi, run.Level, run.Trend, sigma, run.Errors, ordered[^1].Year);
    }

    private static (double Level, double Trend, double Sse, int Errors) Run(IReadOnlyList<Observation> s, double alpha, double beta, double phi)
    {
        var level = s[1].Value;
        var trend = (s[1].Value - s[0].Value) / (s[1].Year - s[0].Year);
        var sse = 0.0;
        var errors = 0;
        var next = 2;
        for (var year = s[1].Year + 1; year <= s[^1].Year; year++)
        {
            var forecast = level + phi * trend;
            if (next < s.Count && s[next].Year == year)
            {
                var e = s[next].Value - forecast;
                sse += e * e;
                errors++;
                next++;
                level = forecast + alpha * e;
                trend = phi * trend + alpha * beta * e;
            }
            else
            {
                level = forecast;
                trend = phi * trend;
            }
        }
        return (level, trend, sse, errors);
    }

    public override PointForecast Forecast(int year, double level)
    {
        var h = year - LastYear;
        if (h < 1) throw new ArgumentOutOfRangeException(nameof(year), $"Een prognose geldt voor een jaar na {LastYear}.");
        double damp = 0, variance = 1, phiPower = 1;
        for (var i = 1; i <= h; i++)
        {
            phiPower *= Phi;
            damp += phiPower;
            if (i < h)
            {
                var c = Alpha + Alpha * Beta * Phi * (1 - phiPower) / (1 - Phi);
                variance += c * c;
            }
        }
        var value = this.level + damp * trend;
        var half = Quantile(level, errors) * sigma * Math.Sqrt(variance);
        return new PointForecast(year, value, value - half, value + half, level);
    }
}
