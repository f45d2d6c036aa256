using Banenmonitor.Rules.Contracts;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Reports.Progress;

/// <summary>
/// The explanation (<i>uitleg</i>) of one figure the report computed, for the annex "Uitleg van de berekende cijfers":
/// what it is, the formula, each input with its value and sources, the result before and after rounding, and the
/// article of law where one applies. <see cref="Steps"/> holds the rules core's own trace where the figure comes from it
/// (the national measurement), as the web and the CLI show that trace.
/// </summary>
public sealed record FigureTrace(
    int Number,
    string Figure,
    string Formula,
    IReadOnlyList<TraceLine> Inputs,
    string Result,
    string? Legal,
    IReadOnlyList<StapView> Steps,
    string? Note = null)
{
    /// <summary>Reference in the report: "U1".</summary>
    public string Reference => $"U{Number}";

    /// <summary>Every source the inputs cite, in order.</summary>
    public IReadOnlyList<int> Sources => Inputs.SelectMany(i => i.Sources).Distinct().Order().ToList();
}

/// <summary>One input of a computed figure: its name, its value in Dutch and the sources it is cited from.</summary>
/// <param name="Resolved">The annex reference of the resolution whose value stands for this input ("O1"), if any.</param>
public sealed record TraceLine(string Name, string Value, IReadOnlyList<int> Sources, string? Resolved = null);

/// <summary>
/// Marks a figure whose value a resolution settled: the number of the resolution in the annex, what stands, and the value
/// the document published (shown beside the value that stands).
/// </summary>
public sealed record ResolvedMark(int Number, string Choice, decimal Published, int Decimals, string Unit)
{
    /// <summary>Reference to the annex of resolutions: "O1".</summary>
    public string Reference => $"O{Number}";

    /// <summary>"opgelost: geldt de herberekende waarde; gepubliceerd 56,6%".</summary>
    public string Text => $"opgelost: geldt {Choice}; gepubliceerd {DutchFormat.Fixed(Published, Math.Max(0, Decimals))}{(Unit == "%" ? "%" : "")}";
}
