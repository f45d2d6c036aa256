using Banenmonitor.Rules.Scenarios;
using MiniExcelLibs;

namespace Banenmonitor.Reports.Scenarios;

/// <summary>
/// A computed scenario as an Excel workbook (MiniExcel): the comparison (today, scenario, difference, as shown), the
/// scenario's values with their sources, every explanation step, and the notes — the same content as the page and the
/// CLI's JSON (<see cref="ScenarioView"/>), with Dutch sheet and column names.
/// </summary>
public static class ScenarioWorkbook
{
    public static void Write(ScenarioView v, Stream output)
    {
        // Rounded once, as shown on the page.
        static object? Rounded(decimal? x, int decimals) => x is { } d ? Math.Round(d, decimals, MidpointRounding.AwayFromZero) : null;
        var comparison = v.Secties.SelectMany(s => s.Cijfers.Select(c => new Dictionary<string, object?>
        {
            ["Onderdeel"] = s.Titel,
            ["Cijfer"] = c.Omschrijving,
            ["Eenheid"] = c.Eenheid,
            ["Vandaag"] = Rounded(c.Vandaag, c.Decimalen),
            ["Scenario"] = Rounded(c.Scenario, c.Decimalen),
            ["Verschil"] = Rounded(c.Verschil, c.Decimalen),
            ["Veranderd"] = c.Veranderd ? "ja" : "nee",
            ["Uitleg vandaag"] = c.UitlegVandaag,
            ["Uitleg scenario"] = c.UitlegScenario,
        })).ToList();
        var values = v.Scenariowaarden.Select(b => new Dictionary<string, object?>
        {
            ["Parameter"] = b.Parameter, ["Omschrijving"] = b.Omschrijving, ["Geldig vanaf"] = b.GeldigVanaf, ["Waarde"] = b.Waarde,
            ["Eenheid"] = b.Eenheid, ["Bron"] = b.Bron,
        }).ToList();
        if (values.Count == 0) values.Add(new() { ["Parameter"] = "(het scenario verandert geen parameter)" });
        var steps = v.Secties.SelectMany(s => s.Uitleg.SelectMany(u => u.Value.Select(st => new Dictionary<string, object?>
        {
            ["Uitleg"] = u.Key, ["Stap"] = st.Nummer, ["Omschrijving"] = st.Omschrijving, ["Formule"] = st.Formule, ["Uitkomst"] = st.Uitkomst,
            ["Bronnen"] = string.Join("; ", st.Bronnen.Select(b => $"{b.Omschrijving}: {b.Tekst} ({b.Status}; {b.Bron})")),
            ["Wet"] = st.Wetsartikel, ["Let op"] = st.Opmerking,
        }))).ToList();
        var notes = v.Secties.SelectMany(s => s.Opmerkingen.Select(o => new Dictionary<string, object?> { ["Onderdeel"] = s.Titel, ["Opmerking"] = o }))
            .Concat(v.Groei.Select(g => new Dictionary<string, object?> { ["Onderdeel"] = "Groei", ["Opmerking"] = g }))
            .Concat(v.Doelen.Select(d => new Dictionary<string, object?> { ["Onderdeel"] = "Doelpad", ["Opmerking"] = d }))
            .Append(new Dictionary<string, object?> { ["Onderdeel"] = "Scenario", ["Opmerking"] = $"{v.Naam}, {v.Jaar}; SROI telt mee: {(v.SroiTelt ? "ja" : "nee")}. Vandaag: {v.ParametersVandaag}. Een scenario verandert de echte cijfers niet." })
            .ToList();
        var sheets = new Dictionary<string, object>
        {
            ["Vergelijking"] = comparison,
            ["Scenariowaarden"] = values,
            ["Uitleg"] = steps,
            ["Opmerkingen"] = notes,
        };
        output.SaveAs(sheets);
    }
}
