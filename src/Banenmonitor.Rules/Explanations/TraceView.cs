using Banenmonitor.Rules.Laws;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Contracts;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Rules.Explanations;

public static class TraceViews
{
    public static IReadOnlyList<StapView> ToView(this Trace trace) =>
        trace.Steps.Select((s, i) =>
        {
            var values = new Dictionary<string, decimal?>();
            foreach (var input in s.Inputs) values[input.Name] = input.Value;
            values["uitkomst"] = s.Value;
            return new StapView(i + 1, s.Description, s.Formula, values,
                s.Parameters.Select(ToView).ToList(), s.Legal, s.Note,
                s.Inputs.Select(x => new WaardeView(x.Name, x.Value, x.Unit, ValueText.Format(x.Value, x.Unit))).ToList(),
                s.Value is null ? null : ValueText.Format(s.Value, s.Unit),
                LegalReference.Links(s.References), s.References.ToView());
        }).ToList();

    public static BronView ToView(this ParameterValue p) =>
        new(p.Name, p.Value, p.Unit, p.ValidFrom.ToString("yyyy-MM-dd"), p.Status.Dutch(), p.Source,
            ValueText.Description(p.Name), ValueText.Format(p.Value, p.Unit), p.Legal.ToView());

    /// <summary>References as users see them, each with its link to wetten.overheid.nl.</summary>
    public static IReadOnlyList<WetsverwijzingView> ToView(this IReadOnlyList<LegalReference> references) =>
        references.Select(r => new WetsverwijzingView(r.Law.Abbreviation, r.BwbId, r.Article, r.Through, r.Paragraph,
            r.Version?.ToString("yyyy-MM-dd"), r.ToString(), r.Url)).ToList();

    /// <summary>Plain-text rendering of a trace, in Dutch with Dutch number formatting.</summary>
    public static string ToText(this Trace trace)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var s in trace.ToView())
        {
            sb.Append($"{s.Nummer,2}. {s.Omschrijving}\n");
            sb.Append($"    formule: {s.Formule}\n");
            foreach (var i in s.Invoer) sb.Append($"    {i.Naam}: {i.Tekst}\n");
            foreach (var b in s.Bronnen)
                sb.Append($"    {b.Omschrijving}: {b.Tekst} (parameter {b.Parameter}, geldig vanaf {DutchDate(b.GeldigVanaf)}, {b.Status}; bron: {b.Bron}" +
                          $"{(b.Wetsartikelen.Count > 0 ? $"; wet: {string.Join(", ", b.Wetsartikelen.Select(w => $"{w.Tekst} ({w.Url})"))}" : "")})\n");
            if (s.Uitkomst is not null) sb.Append($"    uitkomst: {s.Uitkomst}\n");
            if (s.Wetsartikel is not null)
            {
                var urls = s.Wetsartikelen.Where(w => w.Url is not null).Select(w => w.Url).Distinct().ToList();
                sb.Append($"    wet: {s.Wetsartikel}{(urls.Count > 0 ? $" ({string.Join(", ", urls)})" : "")}\n");
            }
            if (s.Opmerking is not null) sb.Append($"    let op: {s.Opmerking}\n");
        }
        return sb.ToString();
    }

    /// <summary>"2022-01-01" as "1 januari 2022".</summary>
    public static string DutchDate(string isoDate) =>
        DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", out var d) ? d.ToString("d MMMM yyyy", DutchFormat.Culture) : isoDate;
}
