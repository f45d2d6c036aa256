using System.Globalization;

namespace Banenmonitor.Analytics;

/// <summary>
/// The one fixed-point type in which the rules core's outcomes travel through DuckDB: whole units of 10^-<see cref="Scale"/>
/// in a <c>long</c> (BIGINT), exact both ways. A value with more decimals than the scale stops the run (never rounded
/// silently). In SQL, <see cref="ToSql"/> turns the BIGINT back into an exact <c>DECIMAL(precision, scale)</c>.
/// </summary>
internal sealed class FixedPoint
{
    /// <summary>The quota's outcomes: ten-thousandths, written as DECIMAL(18,4).</summary>
    public static readonly FixedPoint TenThousandths = new(4, 18);

    /// <summary>Both regimes' outcomes: hundred-millionths (hours have 4 decimals, euros per hour are cents), DECIMAL(38,8).</summary>
    public static readonly FixedPoint HundredMillionths = new(8, 38);

    public int Scale { get; }
    private readonly int _precision;
    private readonly decimal _unit;
    private readonly long[] _factor;

    private FixedPoint(int scale, int precision)
    {
        (Scale, _precision) = (scale, precision);
        _unit = (decimal)Math.Pow(10, scale);
        _factor = [.. Enumerable.Range(0, scale + 1).Select(s => (long)Math.Pow(10, scale - s))];
    }

    /// <summary>The value in whole units; throws when it has more than <see cref="Scale"/> decimals.</summary>
    public long ToUnits(decimal v, string what = "waarde")
    {
        // Common case, without decimal arithmetic: at most Scale decimals and a 64-bit mantissa.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(v, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[2] == 0 && scale <= Scale)
        {
            var mantissa = (ulong)(uint)bits[0] | ((ulong)(uint)bits[1] << 32);
            var factor = _factor[scale];
            if (mantissa <= (ulong)(long.MaxValue / factor))
            {
                var t = (long)mantissa * factor;
                return bits[3] < 0 ? -t : t;
            }
        }
        // Otherwise (more decimal places, possibly trailing zeros, or a large value) the exact decimal way.
        var x = v * _unit;
        if (x != decimal.Truncate(x))
            throw new InvalidOperationException($"De {what} {v.ToString(CultureInfo.InvariantCulture)} heeft meer dan {Scale} decimalen; de landelijke berekening rondt niet af.");
        return (long)x;
    }

    /// <summary>An exact decimal with this scale from a count of units.</summary>
    public decimal FromUnits(long v)
    {
        var neg = v < 0;
        var m = neg ? (ulong)(-(v + 1)) + 1 : (ulong)v;
        return new decimal((int)(uint)m, (int)(uint)(m >> 32), 0, neg, (byte)Scale);
    }

    /// <summary>The SQL for a BIGINT count of units <paramref name="expr"/> as an exact DECIMAL(precision, scale).</summary>
    public string ToSql(string expr) =>
        $"({expr}::DECIMAL({_precision},0) * {(1m / _unit).ToString(CultureInfo.InvariantCulture)}::DECIMAL({Scale + 1},{Scale}))::DECIMAL({_precision},{Scale})";
}
