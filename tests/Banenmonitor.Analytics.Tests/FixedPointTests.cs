using FsCheck.Xunit;

namespace Banenmonitor.Analytics.Tests;

/// <summary>The fixed-point numbers (ten-thousandths) in which the rules core's outcomes travel through DuckDB.</summary>
public class FixedPointTests
{
    /// <summary>Any count of ten-thousandths survives the round trip through a decimal.</summary>
    [Property(MaxTest = 2000)]
    public bool Ten_thousandths_round_trip(long t) => t == long.MinValue || FixedPoint.TenThousandths.ToUnits(FixedPoint.TenThousandths.FromUnits(t)) == t;

    /// <summary>
    /// Whatever the decimal's own scale (trailing zeros included) the value in ten-thousandths is exact: the same as the
    /// plain decimal arithmetic.
    /// </summary>
    [Property(MaxTest = 2000)]
    public bool Any_scale_of_the_same_value_gives_the_same_count(int units, short tenThousandths, byte extraZeros)
    {
        var v = units + tenThousandths % 10000 / 10000m;
        var padded = v + new decimal(0, 0, 0, false, (byte)(extraZeros % 10)); // same value, scale up to 9
        return FixedPoint.TenThousandths.ToUnits(padded) == (long)(v * 10000m) && FixedPoint.TenThousandths.ToUnits(-padded) == -(long)(v * 10000m);
    }

    [Fact]
    public void More_than_four_decimals_is_refused_not_rounded()
    {
        Assert.Throws<InvalidOperationException>(() => FixedPoint.TenThousandths.ToUnits(1.00005m));
        Assert.Equal(15_000L, FixedPoint.TenThousandths.ToUnits(1.50000m));
        Assert.Equal(long.MaxValue / 10000 * 10000, FixedPoint.TenThousandths.ToUnits(long.MaxValue / 10000));
    }

    /// <summary>The same type at scale 8 (both regimes): exact round trip, more decimals refused, SQL gives the same value.</summary>
    [Property(MaxTest = 1000)]
    public bool Hundred_millionths_round_trip(long t) => t == long.MinValue || FixedPoint.HundredMillionths.ToUnits(FixedPoint.HundredMillionths.FromUnits(t)) == t;

    [Fact]
    public void Scale_eight_refuses_a_ninth_decimal_and_sql_reads_back_exactly()
    {
        Assert.Throws<InvalidOperationException>(() => FixedPoint.HundredMillionths.ToUnits(0.000000001m));
        Assert.Equal(123_456_789L, FixedPoint.HundredMillionths.ToUnits(1.23456789m));
        using var db = NationalEngine.Open(null, 1);
        Assert.Equal(1.23456789m, Sql.Dec(Sql.Scalar(db, $"SELECT {FixedPoint.HundredMillionths.ToSql("123456789::BIGINT")}")));
        Assert.Equal(-1.2345m, Sql.Dec(Sql.Scalar(db, $"SELECT {FixedPoint.TenThousandths.ToSql("-12345::BIGINT")}")));
    }
}
