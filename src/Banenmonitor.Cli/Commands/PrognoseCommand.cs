using System.CommandLine;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Units;
using Banenmonitor.Survey.Forecasts;
using static Banenmonitor.Cli.CliSupport;

namespace Banenmonitor.Cli.Commands;

/// <summary>
/// <c>banenmonitor prognose --sector &lt;code|markt|overheid|totaal&gt; [--tot jaar]</c>: per year the forecast of the
/// published series, its prediction interval, the target and the verdict (voor / op koers / achter), with the model
/// chosen by its error on the history (rolling origin) and that error. The model: <c>Survey.Forecasts</c>.
/// </summary>
public static class PrognoseCommand
{
    public static Command Build()
    {
        var sector = Text("--sector", $"Sectorcode of landelijk: {ForecastSubjects.CodesDutch}");
        var tot = Text("--tot", "Laatste jaar van de prognose (standaard: vijf jaar na het laatste jaar met cijfers)");
        var overrides = ParameterOverrides();
        var format = Format();
        var cmd = new Command("prognose", "Prognose van de realisatie tegen het doel: per jaar prognose, interval, doel en oordeel")
            { sector, tot, overrides, format };
        cmd.SetAction(r =>
        {
            var json = IsJson(r, format);
            var code = r.GetValue(sector) ?? throw new CliException($"Geef een sector op met --sector ({ForecastSubjects.CodesDutch}).");
            var parameters = Parameters(r, overrides);
            ForecastSubject subject;
            try { subject = ForecastSubjects.Resolve(code, PublishedData.TryFind() ?? PublishedData.Embedded, parameters); }
            catch (FormatException e) { throw new CliException(e.Message); }
            var until = Int(r, tot) ?? ForecastOutcome.DefaultUntil(subject);
            ForecastOutcome outcome;
            try { outcome = ForecastOutcome.Make(subject, until); }
            catch (ArgumentException e) { throw new CliException(e.Message); }
            var view = PrognoseView.From(outcome);
            if (json) WriteJson(view);
            else WriteText(view);
            return 0;
        });
        return cmd;
    }

    private static string N(decimal? v) => v is { } x ? DutchFormat.Number(x, 0) : "—";
    private static string N1(decimal? v) => v is { } x ? DutchFormat.Fixed(x, 1) : "—";

    private static void WriteText(PrognoseView v)
    {
        Console.WriteLine($"Prognose {v.Naam} tot {v.Tot}: {v.Reeks}");
        Console.WriteLine();
        Console.WriteLine($"{"Jaar",-6}{"Realisatie",12}{"Prognose",12}{$"{v.IntervalProcent}%-interval",22}{"Doel",12}  Oordeel");
        foreach (var y in v.Jaren)
        {
            var interval = y.Prognose is null ? "" : $"{N(y.Ondergrens)} – {N(y.Bovengrens)}";
            var doel = y.Doel is null ? "—" : N(y.Doel) + (y.DoelDoorgetrokken ? "*" : "");
            Console.WriteLine($"{y.Jaar,-6}{(y.Realisatie is null ? "" : N(y.Realisatie)),12}{(y.Prognose is null ? "" : N(y.Prognose)),12}{interval,22}{doel,12}  {y.Oordeel ?? ""}");
        }
        if (v.Jaren.Any(y => y.DoelDoorgetrokken)) Console.WriteLine("* doel doorgetrokken: voor dat jaar is geen doel gepubliceerd.");
        Console.WriteLine();
        Console.WriteLine($"Oordeel {v.Tot}: {v.Oordeel}. {v.Samenvatting}");
        Console.WriteLine($"Regel: {v.OordeelRegel}.");
        Console.WriteLine();
        Console.WriteLine($"Model: {v.Modelkeuze}" + (v.Modelparameters is { } p ? $" Parameters: {p}." : ""));
        foreach (var m in v.Modellen)
        {
            Console.WriteLine(!m.Mogelijk ? $"  {m.Omschrijving}: niet mogelijk ({m.Reden})"
                : m.AantalToetsen == 0 ? $"  {m.Omschrijving}: geen toets mogelijk (geen jaar t + 1 na een jaar t waarop het model te schatten is)"
                : $"  {m.Omschrijving}: {m.AantalToetsen} {(m.AantalToetsen == 1 ? "toets" : "toetsen")} één jaar vooruit, gemiddelde absolute fout {N1(m.GemiddeldeAbsoluteFout)} banen, " +
                  $"wortel gemiddelde kwadratische fout {N1(m.WortelGemiddeldeKwadratischeFout)}, gemiddelde fout {N1(m.GemiddeldeFout)}");
            foreach (var b in m.Toetsen)
                Console.WriteLine($"    tot {b.Vanaf} → {b.Jaar}: prognose {N(b.Prognose)}, realisatie {N(b.Realisatie)}, fout {N(b.Fout)}");
        }
        foreach (var o in v.Opmerkingen) Console.WriteLine("Let op: " + o);
        Console.WriteLine();
        Console.WriteLine("Bronnen:");
        foreach (var y in v.Jaren.Where(y => y.DoelBron is not null && y.Jaar > v.LaatsteJaar))
            Console.WriteLine($"  doel {y.Jaar}: {y.DoelBron}");
    }
}
