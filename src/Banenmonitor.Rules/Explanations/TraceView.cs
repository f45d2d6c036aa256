using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Rules.Explanations;

/// <summary>A trace step as users see it (Dutch field names, shared by CLI JSON, web API and reports).</summary>
public sealed record StapView(
    int Nummer,
    string Omschrijving,
    string Formule,
    IReadOnlyDictionary<string, decimal?> Waarden,
    IReadOnlyList<BronView> Bronnen,
    string? Wetsartikel,
    string? Opmerking);

/// <summary>A parameter used in a step, with its source and status.</summary>
public sealed record BronView(string Parameter, decimal? Waarde, string Eenheid, string GeldigVanaf, string Status, string Bron);

public static class TraceViews
{
    public static IReadOnlyList<StapView> ToView(this Trace trace) =>
        trace.Steps.Select((s, i) =>
        {
            var values = new Dictionary<string, decimal?>();
            foreach (var input in s.Inputs) values[input.Name] = input.Value;
            values["uitkomst"] = s.Value;
            return new StapView(i + 1, s.Description, s.Formula, values,
                s.Parameters.Select(ToView).ToList(), s.Legal, s.Note);
        }).ToList();

    public static BronView ToView(this ParameterValue p) =>
        new(p.Name, p.Value, p.Unit, p.ValidFrom.ToString("yyyy-MM-dd"), p.Status.Dutch(), p.Source);

    /// <summary>Plain-text rendering of a trace, in Dutch with Dutch number formatting.</summary>
    public static string ToText(this Trace trace)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var s in trace.ToView())
        {
            var step = trace.Steps[s.Nummer - 1];
            sb.Append($"{s.Nummer,2}. {s.Omschrijving}\n");
            sb.Append($"    formule: {s.Formule}\n");
            foreach (var i in step.Inputs) sb.Append($"    {i.Name}: {DutchFormat.Number(i.Value, 4)} {i.Unit}\n");
            foreach (var b in s.Bronnen)
                sb.Append($"    parameter {b.Parameter} = {(b.Waarde is { } w ? DutchFormat.Number(w, 4) : "—")} {b.Eenheid} " +
                          $"(geldig vanaf {b.GeldigVanaf}, {b.Status}; bron: {b.Bron})\n");
            if (step.Value is { } v) sb.Append($"    uitkomst: {DutchFormat.Number(v, 4)} {step.Unit}\n");
            if (s.Wetsartikel is not null) sb.Append($"    wet: {s.Wetsartikel}\n");
            if (s.Opmerking is not null) sb.Append($"    let op: {s.Opmerking}\n");
        }
        return sb.ToString();
    }
}
