using Banenmonitor.Rules.Contracts;
using System.CommandLine;
using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Units;
using static Banenmonitor.Cli.CliSupport;

namespace Banenmonitor.Cli.Commands;

/// <summary><c>banenmonitor meting</c>: the national measurement of a year (Kamerstuk 34 352, nr. 255, Tabel 1).</summary>
public static class MetingCommand
{
    public sealed record CelJson(decimal Toename, decimal ToenameAfgerond, decimal? Gepubliceerd, string? Vergelijking, string? Toelichting, string? Bron);
    public sealed record SectorJson(CelJson Formeel, CelJson Inleen, CelJson Totaal, decimal Doelstelling, decimal VerschilMetDoelstelling);
    public sealed record MetingJson(
        int Jaar, bool Berekend, SectorJson? Markt, SectorJson? Overheid, SectorJson? Totaal,
        decimal BanenNulmeting, decimal? BanenTotaal, IReadOnlyList<string> Opmerkingen, IReadOnlyList<StapView> Stappen,
        KwartaalcijfersView? Kwartaalcijfers = null);

    public static NationalFigures LoadFigures(string? path)
    {
        var file = path ?? PublishedFolder().PathOf(PublishedData.NationalFile);
        if (!File.Exists(file)) throw new CliException($"Invoerbestand '{file}' bestaat niet.");
        try { return NationalFigures.Parse(File.ReadAllText(file), Path.GetFileName(file)); }
        catch (FormatException e) { throw new CliException("Fout in invoerbestand:\n" + e.Message); }
    }

    /// <summary>The UWV quarterly figures of <c>data/published/kwartaalrapportages.csv</c>.</summary>
    public static QuarterlyFigures LoadQuarters()
    {
        try { return PublishedFolder().Quarterly; }
        catch (FormatException e) { throw new CliException("Fout in invoerbestand:\n" + e.Message); }
        catch (FileNotFoundException e) { throw new CliException(e.Message); }
    }

    /// <summary>The UWV quarterly figures of one year with the checks of their sums.</summary>
    public static KwartaalcijfersView QuarterView(int year)
    {
        try
        {
            var data = PublishedFolder();
            return KwartaalcijfersView.From(data.Quarterly, data.SectorFigures.Documents, year);
        }
        catch (FormatException e) { throw new CliException("Fout in invoerbestand:\n" + e.Message); }
        catch (FileNotFoundException e) { throw new CliException(e.Message); }
    }

    public static Command Build()
    {
        var jaar = Text("--jaar", "Meetjaar, bijvoorbeeld 2021");
        var invoer = Text("--invoer", "CSV met invoer en gepubliceerde cijfers (standaard data/published/landelijke_meting.csv)");
        var overrides = ParameterOverrides();
        var format = Format();
        var cmd = new Command("meting", "De landelijke meting: extra banen ten opzichte van de nulmeting, per sector en vorm") { jaar, invoer, overrides, format };
        cmd.SetAction(r =>
        {
            var json = IsJson(r, format);
            var year = Int(r, jaar, required: true)!.Value;
            var parameters = Parameters(r, overrides);
            var figures = LoadFigures(r.GetValue(invoer));
            var input = figures.InputFor(year);
            var m = new NationalMeasurement(parameters);
            MetingJson output;
            if (input is not null)
            {
                var result = QuotumCommand.Wrap(() => m.Compute(input, figures.PublishedCells(year)));
                SectorJson Sector(MeasurementSector s) => new(
                    Cel(result.Cell(s, EmploymentForm.Formal)), Cel(result.Cell(s, EmploymentForm.HiredIn)), Cel(result.Cell(s, EmploymentForm.Total)),
                    result.Target(s).Value, result.Cell(s, EmploymentForm.Total).Computed - result.Target(s).Value);
                var notes = result.Cells.Where(c => c.Explanation is not null).Select(c => $"{c.Sector.Dutch()} / {c.Form.Dutch()}: {c.Explanation}").ToList();
                var pubTotal = figures.Find(year, MeasurementSector.Total, EmploymentForm.Total, NationalFigures.TotalJobs);
                if (pubTotal is not null && LegalRounding.Half(result.TotalJobs.Value, 0) != pubTotal.Value)
                    notes.Add($"Totaal aantal banen: berekend {DutchFormat.Number(result.TotalJobs.Value, 0)}, gepubliceerd {DutchFormat.Number(pubTotal.Value, 0)}.");
                output = new MetingJson(year, true, Sector(MeasurementSector.Market), Sector(MeasurementSector.Government), Sector(MeasurementSector.Total),
                    result.BaselineJobs.Value, result.TotalJobs.Value, notes, result.Trace.ToView());
            }
            else
            {
                var mk = figures.Find(year, MeasurementSector.Market, EmploymentForm.Total, NationalFigures.Increase);
                var ov = figures.Find(year, MeasurementSector.Government, EmploymentForm.Total, NationalFigures.Increase);
                if (mk is null || ov is null) throw new CliException($"Geen cijfers voor {year} in de invoer (beschikbaar: {string.Join(", ", figures.Years)}).");
                var tm = QuotumCommand.Wrap(() => parameters.Get(Rules.Parameters.ParameterNames.TargetMarket, year).Required);
                var tg = QuotumCommand.Wrap(() => parameters.Get(Rules.Parameters.ParameterNames.TargetGovernment, year).Required);
                var baseJobs = parameters.Get(Rules.Parameters.ParameterNames.BaselineJobs, 2013).Required;
                CelJson Pub(NationalFigure f) => new(f.Value, f.Value, f.Value, "gepubliceerd", null, f.Source);
                var none = new CelJson(0, 0, null, "onbekend", "Geen uitsplitsing naar vorm gepubliceerd in de invoer.", null);
                var tot = new CelJson(mk.Value + ov.Value, mk.Value + ov.Value, figures.Find(year, MeasurementSector.Total, EmploymentForm.Total, NationalFigures.Increase)?.Value, "som", null, null);
                output = new MetingJson(year, false,
                    new SectorJson(none, none, Pub(mk), tm, mk.Value - tm), new SectorJson(none, none, Pub(ov), tg, ov.Value - tg), new SectorJson(none, none, tot, tm + tg, tot.Toename - tm - tg),
                    baseJobs, baseJobs + tot.Toename, ["Voor dit jaar is alleen de gepubliceerde toename per sector bekend; de meting is niet opnieuw berekend."], []);
            }
            // The UWV quarterly figures of the year beside the measurement (indicative), from data/published/, with their checks.
            output = output with { Kwartaalcijfers = QuarterView(year) };
            if (json) { WriteJson(output); return 0; }
            PrintText(output);
            return 0;
        });
        return cmd;
    }

    private static CelJson Cel(MeasurementCell c) => new(c.Computed, c.Rounded, c.Published?.Value,
        c.Agreement switch { CellAgreement.Equal => "gelijk", CellAgreement.Rounding => "afronding", CellAgreement.Substantive => "inhoudelijk", _ => null },
        c.Explanation, c.Published?.Source);

    private static void PrintText(MetingJson o)
    {
        Console.WriteLine($"Landelijke meting {o.Jaar}: extra banen ten opzichte van de nulmeting (eind 2012)");
        Console.WriteLine(new string('=', 78));
        Console.WriteLine($"{"",-26}{"markt",18}{"overheid",18}{"totaal",18}");
        string F(CelJson c) => DutchFormat.Number(c.ToenameAfgerond, 0) + (c.Vergelijking is "afronding" or "inhoudelijk" ? $" ({DutchFormat.Number(c.Gepubliceerd ?? 0, 0)})" : "");
        if (o.Berekend)
        {
            Console.WriteLine($"{"Formele dienstverbanden",-26}{F(o.Markt!.Formeel),18}{F(o.Overheid!.Formeel),18}{F(o.Totaal!.Formeel),18}");
            Console.WriteLine($"{"Inleenverbanden",-26}{F(o.Markt.Inleen),18}{F(o.Overheid.Inleen),18}{F(o.Totaal.Inleen),18}");
        }
        Console.WriteLine($"{"Totaal",-26}{F(o.Markt!.Totaal),18}{F(o.Overheid!.Totaal),18}{F(o.Totaal!.Totaal),18}");
        Console.WriteLine($"{"Doelstelling",-26}{DutchFormat.Number(o.Markt.Doelstelling, 0),18}{DutchFormat.Number(o.Overheid.Doelstelling, 0),18}{DutchFormat.Number(o.Totaal.Doelstelling, 0),18}");
        Console.WriteLine($"(tussen haakjes: gepubliceerde waarde waar die afwijkt)");
        Console.WriteLine($"Banen bij de nulmeting: {DutchFormat.Number(o.BanenNulmeting, 0)}; totaal eind {o.Jaar}: {DutchFormat.Number(LegalRounding.Half(o.BanenTotaal ?? 0, 0), 0)}");
        foreach (var n in o.Opmerkingen) Console.WriteLine("- " + n);
        if (o.Kwartaalcijfers is { } k) PrintQuarters(k);
    }

    private static void PrintQuarters(KwartaalcijfersView k)
    {
        Console.WriteLine();
        Console.WriteLine($"Kwartaalcijfers UWV {k.Jaar} (stand aan het eind van het kwartaal)");
        Console.WriteLine(new string('-', 78));
        if (k.Melding is not null) { Console.WriteLine(k.Melding); return; }
        foreach (var c in k.Cijfers)
            Console.WriteLine($"K{c.Kwartaal} {KwartaalcijfersView.Value(c),9}  {c.Omschrijving}");
        foreach (var c in k.Controles.Where(c => c.Uitkomst != "gelijk"))
            Console.WriteLine($"Controle {c.Cijfer}: {c.Uitkomst}. {c.Toelichting}");
        Console.WriteLine(k.Toelichting);
        Console.WriteLine("Bronnen: --format json geeft bij elk cijfer zijn bron.");
    }
}
