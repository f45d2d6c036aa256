using System.Globalization;
using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Parameters;

namespace Banenmonitor.Rules.Contracts;

/// <summary>One published UWV quarterly figure as users and machines see it (Dutch names).</summary>
public sealed record KwartaalCijfer(int Jaar, int Kwartaal, string Sector, string Vorm, string Grootheid, string Omschrijving, decimal Waarde,
    string Status, string Bron);

/// <summary>A <c>controle</c> check of the quarterly figures of a year: a sum, or a change on the previous quarter.</summary>
public sealed record KwartaalControle(string Cijfer, string Formule, decimal Gepubliceerd, decimal Berekend, string Uitkomst, string Toelichting);

/// <summary>
/// The UWV quarterly figures of one year (<c>data/published/kwartaalrapportages.csv</c>) with the checks of their sums: the
/// contract of the national page's section "Kwartaalcijfers UWV", <c>/api/landelijk/{jaar}</c> and <c>banenmonitor meting</c>.
/// <see cref="Melding"/> says in a sentence when the year has none.
/// </summary>
public sealed record KwartaalcijfersView(int Jaar, string Toelichting, IReadOnlyList<KwartaalCijfer> Cijfers, IReadOnlyList<KwartaalControle> Controles,
    IReadOnlyList<int> JarenMetKwartaalcijfers, string? Melding)
{
    /// <summary>What every user must know before reading a quarterly figure (the data file's own notes).</summary>
    public const string Note = "De kwartaalcijfers van UWV zijn indicatief: ze zijn geen officiële meting van de banenafspraak; dat is alleen de jaarlijkse meting. " +
                               "Inleenbanen (uitzendcontract of detachering) zijn in de kwartaalcijfers niet naar markt en overheid verdeeld; in de jaarlijkse meting wel (met de verdeelsleutel). " +
                               "Daarom kan de stand aan het eind van het vierde kwartaal afwijken van de jaarlijkse meting over hetzelfde jaar.";

    public static KwartaalcijfersView From(QuarterlyFigures figures, IReadOnlyList<PublishedDocument>? documents, int year)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var rows = figures.OfYear(year).Select(r => new KwartaalCijfer(r.Year, r.Quarter, r.Sector.Dutch(), r.Form.Dutch(), r.Quantity, Describe(r), r.Value,
            r.Status.Dutch(), r.Source)).ToList();
        var checks = QuarterlyChecks.Check(figures, documents).Where(c => c.Year == year)
            .Select(c => new KwartaalControle(c.Figure, c.Formula, c.Published, c.Computed, c.Outcome.Dutch(), c.Explanation)).ToList();
        var years = figures.Years.ToList();
        var message = rows.Count > 0 ? null
            : $"Over {year} zijn geen kwartaalcijfers van UWV gevonden in openbare bronnen. Kwartaalcijfers zijn er over {List(years)}.";
        return new KwartaalcijfersView(year, Note, rows, checks, years, message);
    }

    /// <summary>"Extra banen t.o.v. de nulmeting: markt, formeel dienstverband".</summary>
    public static string Describe(QuarterlyFigure r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.Quantity == QuarterlyFigures.RegisterPersons) return "Personen in het doelgroepregister";
        var who = r.Sector switch { MeasurementSector.Market => "markt", MeasurementSector.Government => "overheid", _ => "markt en overheid" };
        var how = r.Form switch { EmploymentForm.Formal => "formeel dienstverband", EmploymentForm.HiredIn => "inleenverband (uitzendcontract of detachering)", _ => "formeel en inleen samen" };
        var what = r.Quantity == QuarterlyFigures.IncreaseOnPreviousQuarter ? "Verandering t.o.v. het vorige kwartaal" : "Extra banen t.o.v. de nulmeting";
        return $"{what}: {who}, {how}";
    }

    /// <summary>A figure as a table shows it: a change on the previous quarter with its sign.</summary>
    public static string Value(KwartaalCijfer c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return (c.Grootheid == QuarterlyFigures.IncreaseOnPreviousQuarter && c.Waarde > 0 ? "+" : "") + Units.DutchFormat.Number(c.Waarde);
    }

    /// <summary>"2017, 2018 en 2019".</summary>
    private static string List(IReadOnlyList<int> years) => years.Count switch
    {
        0 => "geen enkel jaar",
        1 => years[0].ToString(CultureInfo.InvariantCulture),
        _ => string.Join(", ", years.Take(years.Count - 1)) + " en " + years[^1],
    };
}
