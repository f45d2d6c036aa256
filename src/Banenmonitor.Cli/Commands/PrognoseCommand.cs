using System.CommandLine;
using System.Text.Json;
using Banenmonitor.Reports.Forecasts;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Units;
using Banenmonitor.Survey.Forecasts;
using static Banenmonitor.Cli.CliSupport;

namespace Banenmonitor.Cli.Commands;

/// <summary>
/// <c>banenmonitor prognose --sector &lt;code|markt|overheid|totaal&gt; [--tot jaar]</c>: per year the forecast of the
/// published series, its prediction interval, the target and the verdict (voor / op koers / achter), with the model
/// chosen by its error on the history (rolling origin) and that error. The model: <c>Survey.Forecasts</c>. With a database
/// (<c>--database</c> or BANENMONITOR_DATABASE, never a stray <c>banenmonitor.db</c>) the work agendas' expected jobs beside
/// the forecast, as on the web page <c>/prognose</c>: per year what they expect and whether they disagree (outside the
/// interval); in the JSON under <c>werkagendas</c>. Concept agendas only with <c>--concepten</c>.
/// </summary>
public static class PrognoseCommand
{
    public static Command Build()
    {
        var sector = Text("--sector", $"Sectorcode of landelijk: {ForecastSubjects.CodesDutch}");
        var tot = Text("--tot", "Laatste jaar van de prognose (standaard: vijf jaar na het laatste jaar met cijfers)");
        var overrides = ParameterOverrides();
        var format = Format();
        var database = DataSupport.Database();
        database.Description = "Database met de werkagenda's (SQLite-bestand of PostgreSQL-verbinding, Host=…); standaard BANENMONITOR_DATABASE. Zonder beide: geen vergelijking met de werkagenda's";
        var provider = DataSupport.Provider();
        var concepts = new Option<bool>("--concepten") { Description = "Ook concept-werkagenda's meenemen (standaard alleen vastgestelde en verder)" };
        var cmd = new Command("prognose", "Prognose van de realisatie tegen het doel: per jaar prognose, interval, doel en oordeel, en de verwachting van de werkagenda's")
            { sector, tot, database, provider, concepts, overrides, format };
        cmd.SetAction(r =>
        {
            var json = IsJson(r, format);
            var code = r.GetValue(sector) ?? throw new CliException($"Geef een sector op met --sector ({ForecastSubjects.CodesDutch}).");
            Parameters(r, overrides); // a wrong --parameter is refused before the database is opened
            var settings = DataSupport.Optional(r, database, provider);
            using var db = settings is null ? null : DataSupport.Open(settings);
            var parameters = Parameters(r, overrides, db);
            ForecastSubject subject;
            try { subject = ForecastSubjects.Resolve(code, PublishedData.TryFind() ?? PublishedData.Embedded, parameters.Set); }
            catch (FormatException e) { throw new CliException(e.Message); }
            var until = Int(r, tot) ?? ForecastOutcome.DefaultUntil(subject);
            ForecastOutcome outcome;
            try { outcome = ForecastOutcome.Make(subject, until); }
            catch (ArgumentException e) { throw new CliException(e.Message); }
            var view = PrognoseView.From(outcome);
            var agendas = WorkAgendas(outcome, settings, db, r.GetValue(concepts));
            if (json)
            {
                var node = JsonSerializer.SerializeToNode(view, Json)!.AsObject();
                node["werkagendas"] = JsonSerializer.SerializeToNode(agendas, Json);
                node["parametersVandaag"] = parameters.Description;
                Console.Out.WriteLine(node.ToJsonString(Json));
            }
            else
            {
                WriteText(view);
                WriteText(agendas);
                Console.WriteLine();
                Console.WriteLine(ComputedWith(parameters));
            }
            return 0;
        });
        return cmd;
    }

    /// <summary>The work agendas' expectation beside the forecast, from the named database; why not, without one or for the market.</summary>
    private static WerkagendaVergelijkingView WorkAgendas(ForecastOutcome outcome, Data.DatabaseSettings? settings, Data.BanenmonitorDbContext? db, bool includeConcepts)
    {
        if (!WorkAgendaForecasts.HasAgendas(outcome.Subject.Code)) return WerkagendaVergelijkingView.Of([], [], WorkAgendaForecasts.NoAgendasForMarket);
        if (db is null) return WerkagendaVergelijkingView.Of([], [], DataSupport.OptionalNote(settings));
        var actions = WorkAgendaForecasts.ActionsAsync(db, outcome.Subject.Code, includeConcepts, CancellationToken.None).GetAwaiter().GetResult();
        return WerkagendaVergelijkingView.Of(WorkAgendaExpectation.Compare(outcome, actions), actions,
            actions.Count > 0 ? null : WorkAgendaForecasts.NoActions + (includeConcepts ? "." : " (concepten alleen met --concepten)."));
    }

    private static void WriteText(WerkagendaVergelijkingView w)
    {
        Console.WriteLine();
        Console.WriteLine("Werkagenda's naast de prognose:");
        if (w.Uitleg is { } why) { Console.WriteLine("  " + why); return; }
        Console.WriteLine($"  {"Jaar",-6}{"Extra werkagenda's",20}{"Verwachting",14}{"Prognose",12}{"Interval",22}  Vergelijking");
        foreach (var y in w.Jaren)
        {
            var interval = y.Prognose is null ? "" : $"{N(y.Ondergrens)} – {N(y.Bovengrens)}";
            Console.WriteLine($"  {y.Jaar,-6}{N(y.ExtraVolgensWerkagendas),20}{N(y.VerwachtingWerkagendas),14}{(y.Prognose is null ? "" : N(y.Prognose)),12}{interval,22}  {y.Vergelijking}{(y.Oneens ? " (oneens)" : "")}");
        }
        Console.WriteLine(w.AantalOneens == 0 ? "  De werkagenda's en de prognose zijn het in elk jaar eens (binnen het interval)."
            : $"  Oneens in {w.AantalOneens} {(w.AantalOneens == 1 ? "jaar" : "jaren")}: de verwachting van de werkagenda's valt buiten het interval.");
        Console.WriteLine($"  Uit {w.Acties.Count} {(w.Acties.Count == 1 ? "actie" : "acties")} met een prognose van banen (gelijk verdeeld over de jaren van hun looptijd):");
        foreach (var a in w.Acties) Console.WriteLine($"    {a.Werkagenda}: {a.Actie}, {N(a.Banen)} banen, {a.Begin:yyyy}–{a.Einde:yyyy}");
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
