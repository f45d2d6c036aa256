namespace Banenmonitor.Rules.Units;

/// <summary>
/// The set of true values a published, rounded number can stand for: a closed interval.
/// Used to decide whether a difference between a published and a recomputed figure is
/// explained by rounding of the published inputs (<i>afronding</i>) or not (<i>inhoudelijk</i>).
/// </summary>
public readonly record struct ValueInterval(decimal Low, decimal High)
{
    public static ValueInterval Exact(decimal value) => new(value, value);

    /// <summary>A number published with <paramref name="decimals"/> decimals stands for value ± half a unit of its last digit.</summary>
    public static ValueInterval Rounded(decimal published, int decimals)
    {
        var half = 0.5m * Pow10(-decimals);
        return new(published - half, published + half);
    }

    public decimal Mid => (Low + High) / 2m;

    public static ValueInterval operator +(ValueInterval a, ValueInterval b) => new(a.Low + b.Low, a.High + b.High);
    public static ValueInterval operator -(ValueInterval a, ValueInterval b) => new(a.Low - b.High, a.High - b.Low);
    public static ValueInterval operator *(ValueInterval a, decimal k) => k >= 0 ? new(a.Low * k, a.High * k) : new(a.High * k, a.Low * k);

    /// <summary>Quotient of two positive-denominator intervals.</summary>
    public static ValueInterval operator /(ValueInterval a, ValueInterval b)
    {
        if (b.Low <= 0m) throw new DivideByZeroException("Noemer kan nul of negatief zijn.");
        var c = new[] { a.Low / b.Low, a.Low / b.High, a.High / b.Low, a.High / b.High };
        return new(c.Min(), c.Max());
    }

    public bool Overlaps(ValueInterval other) => Low <= other.High && other.Low <= High;
    public bool Contains(decimal v) => Low <= v && v <= High;

    /// <summary>Number of decimals a published number was written with (e.g. 508.5 → 1, 56 → 0).</summary>
    public static int DecimalsOf(decimal published)
    {
        var bits = decimal.GetBits(published);
        var scale = (bits[3] >> 16) & 0xFF;
        // normalise trailing zeros written in data (e.g. 69.0 means one decimal was published)
        return scale;
    }

    private static decimal Pow10(int exp)
    {
        decimal r = 1m;
        if (exp >= 0) { for (var i = 0; i < exp; i++) r *= 10m; }
        else { for (var i = 0; i < -exp; i++) r /= 10m; }
        return r;
    }
}
