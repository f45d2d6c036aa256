using System.Runtime.ExceptionServices;
using DuckDB.NET.Data;
using DuckDB.NET.Data.DataChunk.Reader;
using DuckDB.NET.Data.DataChunk.Writer;

namespace Banenmonitor.Analytics;

/// <summary>
/// How both national computations run the rules core inside DuckDB: a compute function, which DuckDB calls with a vector
/// of employers at a time (arguments of any type, so exact decimals arrive as they are) and which keeps each outcome at
/// the employer's position; and an outcome function <c>(positie, veld)</c>, which hands one field of a kept outcome back
/// (<see cref="NoValue"/> becomes NULL). DuckDB reports an exception inside a function only by its message, so the first
/// one is kept and <see cref="ThrowIfFailed"/> rethrows it as itself.
/// </summary>
internal sealed class RulesFunctions
{
    /// <summary>Stands for "no value" in an outcome field; DuckDB receives NULL.</summary>
    public const long NoValue = long.MinValue;

    private Exception? _failure;

    public void Register(DuckDBConnection db, string computeName, Action<IReadOnlyList<IDuckDBDataReader>, IDuckDBDataWriter, ulong> compute,
        string outcomeName, Func<int, long, long> field)
    {
        db.RegisterScalarFunction<object, long>(computeName, (readers, writer, n) =>
        {
            try
            {
                compute(readers, writer, n);
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
                var v = field((int)position.GetValue<long>(k), which.GetValue<long>(k));
                if (v == NoValue) writer.WriteNull(k);
                else writer.WriteValue(v, k);
            }
        }, new ScalarFunctionOptions { IsPureFunction = true });
    }

    public void ThrowIfFailed()
    {
        if (_failure is { } e) ExceptionDispatchInfo.Throw(e);
    }
}
