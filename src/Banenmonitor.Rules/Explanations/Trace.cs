using Banenmonitor.Rules.Parameters;

namespace Banenmonitor.Rules.Explanations;

/// <summary>An input value shown in a trace step.</summary>
public sealed record TraceInput(string Name, decimal Value, string Unit);

/// <summary>
/// One step of an explanation: what is computed (Dutch), the formula, the inputs, the parameters used
/// (each with its source and status), and the resulting value.
/// </summary>
public sealed record TraceStep(
    string Description,
    string Formula,
    IReadOnlyList<TraceInput> Inputs,
    IReadOnlyList<ParameterValue> Parameters,
    decimal? Value,
    string Unit,
    string? Legal = null,
    string? Note = null);

/// <summary>An ordered explanation of a computation, down to the article of law.</summary>
public sealed class Trace
{
    private readonly List<TraceStep> _steps = [];
    public IReadOnlyList<TraceStep> Steps => _steps;

    public Trace Add(TraceStep step) { _steps.Add(step); return this; }

    public Trace Add(string description, string formula, decimal? value, string unit,
        IEnumerable<TraceInput>? inputs = null, IEnumerable<ParameterValue>? parameters = null,
        string? legal = null, string? note = null)
        => Add(new TraceStep(description, formula, (inputs ?? []).ToList(), (parameters ?? []).ToList(), value, unit, legal, note));

    public Trace Append(Trace other) { _steps.AddRange(other.Steps); return this; }

    /// <summary>Every distinct parameter value the computation used.</summary>
    public IReadOnlyList<ParameterValue> ParametersUsed =>
        _steps.SelectMany(s => s.Parameters).Distinct().ToList();

    /// <summary>True when any step used a value whose status is <see cref="ParameterStatus.Unconfirmed"/>.</summary>
    public bool UsesUnconfirmed => ParametersUsed.Any(p => p.Status == ParameterStatus.Unconfirmed);
}

/// <summary>A value together with the trace that explains it.</summary>
public sealed record Explained<T>(T Value, Trace Trace);
