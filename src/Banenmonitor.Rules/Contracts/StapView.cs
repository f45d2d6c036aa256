namespace Banenmonitor.Rules.Contracts;

/// <summary>
/// A trace step as users see it (Dutch field names, shared by CLI JSON, web API and reports). <see cref="Waarden"/> keeps
/// the bare numbers for machines; <see cref="Invoer"/> and <see cref="Uitkomst"/> say them in Dutch with their unit
/// ("ja", "2 decimalen"); <see cref="Wetsartikelen"/> is <see cref="Wetsartikel"/> in pieces with a link per article, and
/// <see cref="Verwijzingen"/> the same references structured (law, BWB identifier, article, paragraph, link).
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
    IReadOnlyList<Banenmonitor.Rules.Laws.WetLink> Wetsartikelen,
    IReadOnlyList<WetsverwijzingView> Verwijzingen);

/// <summary>
/// A reference to an article of law as users see it: the law's abbreviation and BWB identifier (from the catalogue of laws),
/// the article (<see cref="TotEnMet"/> the last of a range), the paragraph (<i>lid</i>), the version date when one is meant,
/// the Dutch text and <see cref="Url"/>, the link to the article's text on wetten.overheid.nl.
/// </summary>
public sealed record WetsverwijzingView(string Wet, string BwbId, string? Artikel, string? TotEnMet, string? Lid, string? Versie, string Tekst, string Url);

/// <summary>An input value of a step: its name, the number, its unit and the Dutch text ("600.000 uur", "ja").</summary>
public sealed record WaardeView(string Naam, decimal? Waarde, string Eenheid, string Tekst);

/// <summary>
/// A parameter used in a step, with its source and status; <see cref="Omschrijving"/> is its Dutch description from the
/// catalogue, <see cref="Tekst"/> its value in Dutch ("2 decimalen", "ja"), <see cref="Wetsartikelen"/> the articles of law
/// the value rests on, each with its link.
/// </summary>
public sealed record BronView(string Parameter, decimal? Waarde, string Eenheid, string GeldigVanaf, string Status, string Bron,
    string Omschrijving, string Tekst, IReadOnlyList<WetsverwijzingView> Wetsartikelen);
