using Banenmonitor.Reports.Charts;
using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Web.Features.Landelijk;

/// <summary>One published UWV quarterly figure as the page and the API show it (Dutch names).</summary>
public sealed record KwartaalCijfer(int Jaar, int Kwartaal, string Sector, string Vorm, string Grootheid, string Omschrijving, decimal Waarde,
    string Status, string Bron);

/// <summary>A <c>controle</c> check of the quarterly figures of the year: a sum or a change on the previous quarter.</summary>
public sealed record KwartaalControle(string Cijfer, string Formule, decimal Gepubliceerd, decimal Berekend, string Uitkomst, string Toelichting);

/// <summary>The UWV quarterly figures of one year (<c>/landelijk</c> section "Kwartaalcijfers UWV" and <c>/api/landelijk/{jaar}</c>).</summary>
public sealed record KwartaalcijfersJson(int Jaar, string Toelichting, IReadOnlyList<KwartaalCijfer> Cijfers, IReadOnlyList<KwartaalControle> Controles,
    IReadOnlyList<int> JarenMetKwartaalcijfers, string? Melding);

/// <summary>
/// The UWV quarterly figures of a year beside the yearly measurement (<c>data/published/kwartaalrapportages.csv</c>): each figure
/// with its status and source, the sums <c>controle</c> checks, and a chart of the extra jobs at the end of each quarter between
/// the measurement at the end of the previous year and the one at the end of this year, with the target path.
/// </summary>
public static class QuarterlyFiguresView
{
    /// <summary>What every user must know before reading a quarterly figure (the data file's own notes).</summary>
    public const string Note = "De kwartaalcijfers van UWV zijn indicatief: ze zijn geen officiële meting van de banenafspraak; dat is alleen de jaarlijkse meting. " +
                               "Inleenbanen (uitzendcontract of detachering) zijn in de kwartaalcijfers niet naar markt en overheid verdeeld; in de jaarlijkse meting wel (met de verdeelsleutel). " +
                               "Daarom kan de stand aan het eind van het vierde kwartaal afwijken van de jaarlijkse meting over hetzelfde jaar.";

    public static QuarterlyFigures Published => Banenmonitor.Web.Infrastructure.PublishedSources.Quarterly;

    public static KwartaalcijfersJson For(int year)
    {
        var f = Published;
        var rows = f.OfYear(year).Select(Figure).ToList();
        var docs = Banenmonitor.Web.Infrastructure.PublishedSources.Figures.Documents;
        var checks = QuarterlyChecks.Check(f, docs).Where(c => c.Year == year)
            .Select(c => new KwartaalControle(c.Figure, c.Formula, c.Published, c.Computed, c.Outcome.Dutch(), c.Explanation)).ToList();
        var years = f.Years.ToList();
        string? message = rows.Count > 0 ? null
            : $"Over {year} zijn geen kwartaalcijfers van UWV gevonden in openbare bronnen. Kwartaalcijfers zijn er over {List(years)}.";
        return new KwartaalcijfersJson(year, Note, rows, checks, years, message);
    }

    /// <summary>The line chart, or null when the year has no quarterly figure of extra jobs.</summary>
    public static string? Chart(int year, IReadOnlyList<NationalYear> measured)
    {
        var f = Published;
        if (!f.OfYear(year).Any(r => r.Quantity == QuarterlyFigures.Increase)) return null;
        var slots = new[] { (year - 1, 4), (year, 1), (year, 2), (year, 3), (year, 4) };
        static string Category((int Year, int Quarter) s) => s.Quarter == 4 ? $"eind {s.Year}" : $"K{s.Quarter} {s.Year}";
        ChartSeries? Quarterly(string label, EmploymentForm form)
        {
            var points = slots.Select(s => new ChartPoint(Category(s), f.Find(s.Item1, s.Item2, MeasurementSector.Total, form, QuarterlyFigures.Increase)?.Value)).ToList();
            return points.Any(p => p.Value is not null) ? new ChartSeries(label, points) : null;
        }
        ChartSeries Yearly(string label, Func<NationalYear, decimal?> value, SeriesStyle style) => new(label,
            slots.Select(s => new ChartPoint(Category(s), s.Item2 == 4 ? measured.FirstOrDefault(y => y.Jaar == s.Item1) is { } m ? value(m) : null : null)).ToList(),
            style, Sparse: true);
        var series = new[]
        {
            Quarterly("UWV: totaal (zoals gepubliceerd)", EmploymentForm.Total),
            Quarterly("UWV: formeel dienstverband", EmploymentForm.Formal),
            Quarterly("UWV: inleenverband", EmploymentForm.HiredIn),
            Yearly("Jaarlijkse meting (officieel)", y => y.Totaal, SeriesStyle.Solid),
            Yearly("Doelstelling (ingroeipad)", y => y.DoelTotaal, SeriesStyle.Dashed),
        }.OfType<ChartSeries>().ToList();
        return SvgCharts.Line(new ChartText($"Kwartaalcijfers UWV {year} naast de jaarlijkse meting",
            $"Extra banen ten opzichte van de nulmeting (eind 2012) aan het eind van elk kwartaal van {year} volgens de kwartaalcijfers van UWV " +
            $"(indicatief), naast de officiële jaarlijkse meting eind {year - 1} en eind {year} en de doelstelling van het ingroeipad (gestippeld). " +
            "De tabel onder de grafiek bevat dezelfde cijfers met hun bron.", "banen"), series);
    }

    private static KwartaalCijfer Figure(QuarterlyFigure r) => new(r.Year, r.Quarter, r.Sector.Dutch(), r.Form.Dutch(), r.Quantity, Describe(r), r.Value,
        r.Status.Dutch(), r.Source);

    /// <summary>"Extra banen t.o.v. de nulmeting: markt, formeel dienstverband".</summary>
    public static string Describe(QuarterlyFigure r)
    {
        if (r.Quantity == QuarterlyFigures.RegisterPersons) return "Personen in het doelgroepregister";
        var who = r.Sector switch { MeasurementSector.Market => "markt", MeasurementSector.Government => "overheid", _ => "markt en overheid" };
        var how = r.Form switch { EmploymentForm.Formal => "formeel dienstverband", EmploymentForm.HiredIn => "inleenverband (uitzendcontract of detachering)", _ => "formeel en inleen samen" };
        var what = r.Quantity == QuarterlyFigures.IncreaseOnPreviousQuarter ? "Verandering t.o.v. het vorige kwartaal" : "Extra banen t.o.v. de nulmeting";
        return $"{what}: {who}, {how}";
    }

    /// <summary>A figure as the table shows it: a change with its sign.</summary>
    public static string Value(KwartaalCijfer c) =>
        (c.Grootheid == QuarterlyFigures.IncreaseOnPreviousQuarter && c.Waarde > 0 ? "+" : "") + DutchFormat.Number(c.Waarde);

    /// <summary>"2017, 2018 en 2019".</summary>
    private static string List(IReadOnlyList<int> years) => years.Count switch
    {
        0 => "geen enkel jaar",
        1 => years[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => string.Join(", ", years.Take(years.Count - 1)) + " en " + years[^1],
    };
}
