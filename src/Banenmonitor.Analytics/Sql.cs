using System.Globalization;
using DuckDB.NET.Data;

namespace Banenmonitor.Analytics;

/// <summary>Small helpers around DuckDB commands.</summary>
internal static class Sql
{
    public static string Escape(string s) => s.Replace("'", "''", StringComparison.Ordinal);

    /// <summary>A DuckDB list literal of strings, e.g. <c>['a', 'b']</c>.</summary>
    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(v => $"'{Escape(v)}'")) + "]";

    public static string FirstLine(string s) => s.Split('\n')[0];

    public static DuckDBCommand Command(DuckDBConnection db, string sql, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        if (parameters is not null)
            foreach (var (k, v) in parameters)
                if (sql.Contains("$" + k, StringComparison.Ordinal)) cmd.Parameters.Add(new DuckDBParameter(k, v));
        return cmd;
    }

    public static long Exec(DuckDBConnection db, string sql, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        using var cmd = Command(db, sql, parameters);
        return cmd.ExecuteNonQuery();
    }

    public static object? Scalar(DuckDBConnection db, string sql, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        using var cmd = Command(db, sql, parameters);
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    public static long Long(DuckDBConnection db, string sql, IReadOnlyDictionary<string, object?>? parameters = null) =>
        Scalar(db, sql, parameters) switch
        {
            null => 0L,
            System.Numerics.BigInteger b => (long)b,
            var v => Convert.ToInt64(v, CultureInfo.InvariantCulture),
        };

    public static Dictionary<string, string> Describe(DuckDBConnection db, string select)
    {
        using var cmd = Command(db, "DESCRIBE " + select);
        using var r = cmd.ExecuteReader();
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        while (r.Read()) d[r.GetString(0)] = r.GetString(1);
        return d;
    }

    /// <summary>An exact decimal with scale 4 from a count of ten-thousandths.</summary>
    public static decimal FromTenThousandths(long v)
    {
        var neg = v < 0;
        var m = neg ? (ulong)(-(v + 1)) + 1 : (ulong)v;
        return new decimal((int)(uint)m, (int)(uint)(m >> 32), 0, neg, 4);
    }

    private static readonly long[] TenThousandthsFactor = [10000, 1000, 100, 10, 1];

    /// <summary>The value in ten-thousandths; throws when it has more than 4 decimals (never rounds silently).</summary>
    public static long ToTenThousandths(decimal v)
    {
        // Common case, without decimal arithmetic: at most 4 decimals and a 64-bit mantissa.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(v, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[2] == 0 && scale <= 4)
        {
            var mantissa = (ulong)(uint)bits[0] | ((ulong)(uint)bits[1] << 32);
            var factor = TenThousandthsFactor[scale];
            if (mantissa <= (ulong)(long.MaxValue / factor))
            {
                var t = (long)mantissa * factor;
                return bits[3] < 0 ? -t : t;
            }
        }
        // Otherwise (more decimal places, possibly trailing zeros, or a large value) the exact decimal way.
        var x = v * 10000m;
        if (x != decimal.Truncate(x)) throw new InvalidOperationException($"{v} heeft meer dan 4 decimalen.");
        return (long)x;
    }

    public static decimal Dec(object? v) => v switch
    {
        null or DBNull => 0m,
        decimal d => d,
        System.Numerics.BigInteger b => (decimal)b,
        _ => Convert.ToDecimal(v, CultureInfo.InvariantCulture),
    };
}
