namespace Banenmonitor.Rules.Contracts;

/// <summary>
/// A trace step as users see it (Dutch field names, shared by CLI JSON, web API and reports). <see cref="Waarden"/> keeps
/// the bare numbers for machines; <see cref="Invoer"/> and <see cref="Uitkomst"/> say them in Dutch with their unit
/// ("ja", "2 decimalen"); <see cref="Wetsartikelen"/> is <see cref="Wetsartikel"/> with a link per article.
/// </summary>
public sealed record StapView(
    int Nummer,
    string Omschrijving,
    string Formule,
    IReadOnlyDictionary<string, decimal?> Waarden,
    IReadOnlyList<BronView> Bronnen,
    string? Wetsartikel,
    string? Opmerking,
    IReadOnlyList<WaardeView> Invoer,
    string? Uitkomst,
    IReadOnlyList<Banenmonitor.Rules.Explanations.WetLink> Wetsartikelen);

/// <summary>An input value of a step: its name, the number, its unit and the Dutch text ("600.000 uur", "ja").</summary>
public sealed record WaardeView(string Naam, decimal? Waarde, string Eenheid, string Tekst);

/// <summary>
/// A parameter used in a step, with its source and status; <see cref="Omschrijving"/> is its Dutch description from the
/// catalogue, <see cref="Tekst"/> its value in Dutch ("2 decimalen", "ja").
/// </summary>
public sealed record BronView(string Parameter, decimal? Waarde, string Eenheid, string GeldigVanaf, string Status, string Bron,
    string Omschrijving, string Tekst);
