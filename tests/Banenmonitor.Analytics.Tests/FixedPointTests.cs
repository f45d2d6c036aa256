using FsCheck.Xunit;

namespace Banenmonitor.Analytics.Tests;

/// <summary>The fixed-point numbers (ten-thousandths) in which the rules core's outcomes travel through DuckDB.</summary>
public class FixedPointTests
{
    /// <summary>Any count of ten-thousandths survives the round trip through a decimal.</summary>
    [Property(MaxTest = 2000)]
    public bool Ten_thousandths_round_trip(long t) => t == long.MinValue || Sql.ToTenThousandths(Sql.FromTenThousandths(t)) == t;

    /// <summary>
    /// Whatever the decimal's own scale (trailing zeros included) the value in ten-thousandths is exact: the same as the
    /// plain decimal arithmetic.
    /// </summary>
    [Property(MaxTest = 2000)]
    public bool Any_scale_of_the_same_value_gives_the_same_count(int units, short tenThousandths, byte extraZeros)
    {
        var v = units + tenThousandths % 10000 / 10000m;
        var padded = v + new decimal(0, 0, 0, false, (byte)(extraZeros % 10)); // same value, scale up to 9
        return Sql.ToTenThousandths(padded) == (long)(v * 10000m) && Sql.ToTenThousandths(-padded) == -(long)(v * 10000m);
    }

    [Fact]
    public void More_than_four_decimals_is_refused_not_rounded()
    {
        Assert.Throws<InvalidOperationException>(() => Sql.ToTenThousandths(1.00005m));
        Assert.Equal(15_000L, Sql.ToTenThousandths(1.50000m));
        Assert.Equal(long.MaxValue / 10000 * 10000, Sql.ToTenThousandths(long.MaxValue / 10000));
    }
}
