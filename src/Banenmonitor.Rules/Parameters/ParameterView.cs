using Banenmonitor.Rules.Explanations;

namespace Banenmonitor.Rules.Parameters;

/// <summary>
/// The reading underneath the typed parameter views (<see cref="QuotaParameters"/>, <see cref="WetBanenafspraakParameters"/>,
/// <see cref="MeasurementParameters"/>, <see cref="JobParameters"/>, <see cref="RegimeParameters"/>): a parameter set, a year and
/// the trace of the computation. Every value served is recorded in the trace (parameter, value, valid-from, status, source),
/// where the next step picks it up; without a trace (the bulk path) nothing is recorded and nothing is allocated.
/// Rules read through the views, never by key: only the views name parameters.
/// </summary>
public readonly struct ParameterView(ParameterSet set, int year, Trace? trace)
{
    public ParameterSet Set => set;
    public int Year => year;
    public Trace? Trace => trace;

    /// <summary>The value valid on 1 January of the year; a Dutch <see cref="MissingParameterException"/> when it has none.</summary>
    public ParameterValue Value(string name) => Served(set.Get(name, year));

    /// <summary>The value valid on <paramref name="date"/> (a parameter fixed at a date, such as the baseline).</summary>
    public ParameterValue Value(string name, DateOnly date) => Served(set.Get(name, date));

    public decimal Required(string name) => Value(name).Required;

    /// <summary>
    /// The value of the year when it has one, else null; the trace then records the entry that explains why (unconfirmed,
    /// not applicable), if there is one.
    /// </summary>
    public ParameterValue? Optional(string name)
    {
        if (set.TryGet(name, year, out var v)) return Served(v!);
        if (trace is not null && set.InForce(name, year) is { } hole) trace.Record(hole);
        return null;
    }

    private ParameterValue Served(ParameterValue v)
    {
        trace?.Record(v);
        return v;
    }
}
