using Banenmonitor.Rules.Laws;
using Banenmonitor.Rules.Parameters;

namespace Banenmonitor.Rules.Explanations;

/// <summary>An input value shown in a trace step.</summary>
public sealed record TraceInput(string Name, decimal Value, string Unit);

/// <summary>
/// One step of an explanation: what is computed (Dutch), the formula, the inputs, the parameters used
/// (each with its source and status), the resulting value, and the articles of law it applies.
/// </summary>
public sealed record TraceStep(
    string Description,
    string Formula,
    IReadOnlyList<TraceInput> Inputs,
    IReadOnlyList<ParameterValue> Parameters,
    decimal? Value,
    string Unit,
    IReadOnlyList<LegalReference> References,
    string? Note = null)
{
    /// <summary>The references as one Dutch text ("Wfsv art. 38g lid 3; Besluit Wfsv art. 2.22"), null without any.</summary>
    public string? Legal => References.Count == 0 ? null : LegalReference.Text(References);
}

/// <summary>
/// An ordered explanation of a computation, down to the article of law. The typed parameter views
/// (<see cref="ParameterView"/>) record every value they serve here (<see cref="Record"/>); the next step added takes
/// those reads as its parameters, so no step lists its parameters by hand and no read goes unexplained
/// (<see cref="UnexplainedReads"/> is empty after a computation).
/// </summary>
public sealed class Trace
{
    private readonly List<TraceStep> _steps = [];
    private readonly List<ParameterValue> _pending = [];
    public IReadOnlyList<TraceStep> Steps => _steps;

    /// <summary>Values served by a parameter view since the last step, waiting for the step that uses them.</summary>
    public IReadOnlyList<ParameterValue> UnexplainedReads => _pending;

    /// <summary>Records a parameter value served to the computation; the next step lists it.</summary>
    public void Record(ParameterValue value)
    {
        if (!_pending.Contains(value)) _pending.Add(value);
    }

    /// <summary>Adds a step; the parameter values read since the previous step are added to its parameters.</summary>
    public Trace Add(TraceStep step)
    {
        if (_pending.Count > 0)
        {
            step = step with { Parameters = step.Parameters.Concat(_pending).Distinct().ToList() };
            _pending.Clear();
        }
        _steps.Add(step);
        return this;
    }

    public Trace Add(string description, string formula, decimal? value, string unit,
        IEnumerable<TraceInput>? inputs = null, IEnumerable<ParameterValue>? parameters = null,
        IEnumerable<LegalReference>? legal = null, string? note = null)
        => Add(new TraceStep(description, formula, (inputs ?? []).ToList(), (parameters ?? []).ToList(), value, unit, (legal ?? []).ToList(), note));

    public Trace Append(Trace other) { _steps.AddRange(other.Steps); return this; }

    /// <summary>Every distinct parameter value the computation used.</summary>
    public IReadOnlyList<ParameterValue> ParametersUsed =>
        _steps.SelectMany(s => s.Parameters).Distinct().ToList();

    /// <summary>True when any step used a value whose status is <see cref="ParameterStatus.Unconfirmed"/>.</summary>
    public bool UsesUnconfirmed => ParametersUsed.Any(p => p.Status == ParameterStatus.Unconfirmed);
}

/// <summary>A value together with the trace that explains it.</summary>
public sealed record Explained<T>(T Value, Trace Trace);
