using System.Runtime.ExceptionServices;
using DuckDB.NET.Data;
using DuckDB.NET.Data.DataChunk.Reader;
using DuckDB.NET.Data.DataChunk.Writer;

namespace Banenmonitor.Analytics;

/// <summary>One field of a kept outcome: its column in the outcome table, its value, and the SQL around <c>{0}</c> (the call).</summary>
internal sealed record OutcomeField<TOutcome>(string Column, Func<TOutcome, long> Value, string Sql = "{0}");

/// <summary>
/// How both national computations run the rules core inside DuckDB. The compute function (<c>name</c>) gets the
/// employers of <c>werkgever_invoer</c> a vector (2,048 employers) at a time, on DuckDB's own worker threads (arguments of
/// any type, so exact decimals arrive as they are), runs the rules core's figures for each — the same computation as
/// with a trace, without building it — and keeps the outcome, as fixed-point numbers, at the employer's position. The
/// outcome function <c>(positie, veld)</c> hands one field back (<see cref="NoValue"/> becomes NULL), and
/// the outcome table (<see cref="OutcomeTable"/>) holds the fields next to the employer's inputs; DuckDB sums them and
/// writes the files. No employer passes through a .NET object on the way, and no list is built per employer (measured:
/// writing a list value per employer cost more than the rules core itself). DuckDB reports an exception inside a
/// function only by its message, so the first one is kept and <see cref="ThrowIfFailed"/> rethrows it as itself.
/// </summary>
internal abstract class RulesFunction<TOutcome>(string name, string outcomeName, int count, IReadOnlyList<OutcomeField<TOutcome>> fields)
{
    /// <summary>Stands for "no value" in an outcome field; DuckDB receives NULL.</summary>
    public const long NoValue = long.MinValue;

    protected readonly TOutcome[] Outcomes = new TOutcome[count];
    private Exception? _failure;

    /// <summary>Computes the employers of one vector; writes 1 per employer.</summary>
    protected abstract void Chunk(IReadOnlyList<IDuckDBDataReader> readers, IDuckDBDataWriter writer, ulong n);

    public void Register(DuckDBConnection db)
    {
        db.RegisterScalarFunction<object, long>(name, (readers, writer, n) =>
        {
            try
            {
                Chunk(readers, writer, n);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _failure, e, null);
                throw;
            }
        }, new ScalarFunctionOptions { IsPureFunction = false, HandlesNulls = true }, @params: true);
        db.RegisterScalarFunction<long, long, long>(outcomeName, (readers, writer, n) =>
        {
            var (position, which) = (readers[0], readers[1]);
            for (ulong k = 0; k < n; k++)
            {
                var v = fields[(int)which.GetValue<long>(k) - 1].Value(Outcomes[(int)position.GetValue<long>(k)]);
                if (v == NoValue) writer.WriteNull(k);
                else writer.WriteValue(v, k);
            }
        }, new ScalarFunctionOptions { IsPureFunction = true });
    }

    /// <summary>Runs the compute function over every employer (<c>w</c>: <c>werkgever_invoer</c>, <paramref name="join"/> joined) and checks all were computed.</summary>
    protected void ComputeAll(DuckDBConnection db, string arguments, string join = "")
    {
        var computed = Sql.Long(db, $"SELECT sum({name}(w.rowid, {arguments})) FROM werkgever_invoer w {join}");
        if (computed != count) throw new InvalidOperationException($"De rekenkern berekende {computed} van de {count} werkgevers.");
    }

    /// <summary>The one place that knows the outcome's fields: the table <paramref name="table"/>, the employer's <paramref name="columns"/> and each field, fetched once.</summary>
    protected string OutcomeTable(string table, string columns) => $"""
        CREATE OR REPLACE TEMP TABLE {table} AS
        SELECT rowid::INTEGER AS i, {columns},
          {string.Join(", ", fields.Select((f, k) => string.Format(System.Globalization.CultureInfo.InvariantCulture, f.Sql, $"{outcomeName}(rowid, {k + 1})") + " AS " + f.Column))}
        FROM werkgever_invoer
        """;

    public void ThrowIfFailed()
    {
        if (_failure is { } e) ExceptionDispatchInfo.Throw(e);
    }
}

/// <summary>What both national computations share for their warm-up (<see cref="RulesFunction{TOutcome}"/>).</summary>
internal static class RulesFunction
{
    /// <summary>
    /// Calls <paramref name="round"/> in short rounds with a pause just over the runtime's 100 ms call-counting delay, until
    /// <paramref name="stop"/> is set: hot methods are promoted in stages (quick code, instrumented, optimised), each after
    /// such a pause, so the code on the way is compiled optimised before the real employers arrive. Returns the rounds run.
    /// </summary>
    public static int WarmUpRounds(ManualResetEventSlim stop, Action round)
    {
        var rounds = 0;
        for (; rounds < 10 && !stop.IsSet; rounds++)
        {
            round();
            stop.Wait(110);
        }
        return rounds;
    }

    /// <summary>Made-up attributions (both sides) for a warm-up.</summary>
    public static List<Rules.Quota.HiredInAttribution> WarmUpAttributions(int year)
    {
        var agreed = new DateOnly(year + 1, 3, 1);
        return
        [
            new("persoon 1", Rules.Quota.AttributionSide.Hirer, new(500m), new(400m), agreed),
            new("persoon 2", Rules.Quota.AttributionSide.Lender, new(300m), new(350m), agreed.AddYears(1)),
        ];
    }
}
