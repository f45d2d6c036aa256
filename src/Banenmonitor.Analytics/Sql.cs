using System.Globalization;
using DuckDB.NET.Data;

namespace Banenmonitor.Analytics;

/// <summary>Small helpers around DuckDB commands.</summary>
internal static class Sql
{
    /// <summary>The one quoting helper: a string as an SQL literal, quotes doubled (<c>'it''s'</c>).</summary>
    public static string Literal(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A DuckDB list literal of strings, e.g. <c>['a', 'b']</c>.</summary>
    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Literal)) + "]";

    /// <summary>An SQL <c>IN</c> list of strings, e.g. <c>('a', 'b')</c>.</summary>
    public static string In(IEnumerable<string> values) => "(" + string.Join(", ", values.Select(Literal)) + ")";

    /// <summary>
    /// The one templating style: the embedded file <c>Sql/<paramref name="name"/>.sql</c> with each <c>{{key}}</c> replaced
    /// by its value; a placeholder left unfilled is an error (never sent to DuckDB).
    /// </summary>
    public static string Template(string name, params (string Key, string Value)[] fill)
    {
        var text = Templates.GetOrAdd(name, n =>
        {
            using var stream = typeof(Sql).Assembly.GetManifestResourceStream($"sql.{n}.sql")
                ?? throw new InvalidOperationException($"SQL-bestand {n}.sql ontbreekt.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        });
        foreach (var (key, value) in fill) text = text.Replace("{{" + key + "}}", value, StringComparison.Ordinal);
        var open = text.IndexOf("{{", StringComparison.Ordinal);
        if (open >= 0) throw new InvalidOperationException($"SQL-bestand {name}.sql: {text[open..(text.IndexOf("}}", open, StringComparison.Ordinal) + 2)]} is niet ingevuld.");
        return text;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Templates = new(StringComparer.Ordinal);

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

    public static decimal Dec(object? v) => v switch
    {
        null or DBNull => 0m,
        decimal d => d,
        System.Numerics.BigInteger b => (decimal)b,
        _ => Convert.ToDecimal(v, CultureInfo.InvariantCulture),
    };
}
