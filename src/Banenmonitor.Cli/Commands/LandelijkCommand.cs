using System.CommandLine;
using Banenmonitor.Analytics;
using Banenmonitor.Reports.National;
using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Units;
using Spectre.Console;
using static Banenmonitor.Cli.CliSupport;

namespace Banenmonitor.Cli.Commands;

/// <summary><c>banenmonitor landelijk</c>: every employer's quota and the national measurement from a year of payroll records.</summary>
public static class LandelijkCommand
{
    public static Command Build()
    {
        var invoer = Text("--invoer", "Map met werkgevers, verloning, doelgroepregister (en toerekeningen, vorig_jaar) als Parquet of CSV");
        var jaar = Text("--jaar", "Jaar van de berekening, bijvoorbeeld 2023");
        var uit = Text("--uit", "Map voor de resultaten (werkgevers_quotum.parquet, landelijke_meting.csv, samenvatting.txt)");
        var uitleg = Text("--uitleg", "Toon de volledige berekening (dezelfde uitleg als 'quotum') voor dit loonheffingennummer");
        var csv = new Option<bool>("--csv") { Description = "Schrijf werkgevers_quotum als CSV in plaats van Parquet" };
        var geheugen = Text("--geheugen", "Geheugenlimiet van DuckDB, bijvoorbeeld 4GB");
        var database = DataSupport.Database();
        database.Description = "Reken op de opgeslagen verloonde uren, het doelgroepregister en de toerekeningen in deze database (in plaats van --invoer) en sla de uitkomsten daar op";
        var provider = DataSupport.Provider();
        var bewaren = Text("--invoer-bewaren", "Met --database: bewaar de uitgevoerde invoer ook als Parquet in deze map (bijvoorbeeld voor een vergelijking)");
        var per = new Option<string[]>("--per")
        {
            Description = "Ook de landelijke meting per kwartaal en per arbeidsmarktregio: kwartaal, regio (of beide, met komma); " +
                          "schrijft landelijke_meting_per_kwartaal.csv en landelijke_meting_per_regio.csv",
            AllowMultipleArgumentsPerToken = true,
        };
        var profiel = new Option<bool>("--profiel") { Description = "Toon aan het eind de tijd per fase (klok en processortijd), vanaf de start van het programma" };
        var overrides = ParameterOverrides();
        var cmd = new Command("landelijk", "Quotum van iedere werkgever en de landelijke meting uit een jaar verloningsgegevens")
        {
            invoer, jaar, uit, uitleg, csv, geheugen, database, provider, bewaren, per, profiel, overrides,
        };
        cmd.SetAction(r =>
        {
            var preload = Task.Run(NationalEngine.Preload); // DuckDB starts while the options and parameters are read
            var year = Int(r, jaar, required: true)!.Value;
            if (r.GetValue(database) is not null || r.GetValue(provider) is not null)
            {
                if (r.GetValue(invoer) is not null) throw new CliException("Kies --invoer (bestanden) of --database, niet beide.");
                if (r.GetValue(uit) is not null || r.GetValue(uitleg) is not null || r.GetValue(csv))
                    throw new CliException("Met --database komen de uitkomsten in de database; laat --uit, --uitleg en --csv weg.");
                Parameters(r, overrides); // a wrong --parameter is refused before the database is opened
                var settings = DataSupport.Settings(r, database, provider);
                CliParameters? p = null;
                var outcome = EngineSupport.RunWithProgress(progress =>
                {
                    progress?.Invoke("database openen (migraties controleren), DuckDB starten");
                    using var db = DataSupport.Open(settings);
                    // The same parameters as the web's run: the built-in set plus the values stored at /beheer/parameters.
                    p = Parameters(r, overrides, db);
                    preload.Wait();
                    return NationalDatabaseRun.RunAsync(db, p.Set, year, DataSupport.User(), progress, r.GetValue(geheugen), r.GetValue(bewaren)).GetAwaiter().GetResult();
                }, profile: r.GetValue(profiel));
                Console.WriteLine();
                Console.Write(outcome.Run.Summary);
                Console.WriteLine(ComputedWith(p!));
                Console.WriteLine($"Berekening {outcome.Run.RunId} opgeslagen in de database: {DutchFormat.Number(outcome.Run.EmployerCount)} werkgevers, " +
                                  $"{DutchFormat.Number(outcome.Run.PayrollRows)} verloningsregels (vingerafdruk invoer {outcome.Run.InputsFingerprint[..12]}…).");
                if (outcome.Run.Quarters.Count > 0) PrintPublishedQuarters(year);
                return 0;
            }
            var dir = r.GetValue(invoer) ?? throw new CliException("De optie --invoer (of --database) is verplicht.");
            var output = r.GetValue(uit);
            var explain = r.GetValue(uitleg);
            if (output is null && explain is null) throw new CliException("Geef --uit op (of --uitleg voor één werkgever).");
            var parameters = Parameters(r, overrides);
            var engine = new NationalEngine(parameters);
            var options = new NationalRunOptions(dir, year, output, explain, r.GetValue(geheugen), Csv: r.GetValue(csv),
                QuartersAndRegions: QuartersAndRegions(r.GetValue(per)));
            preload.Wait();
            var result = EngineSupport.RunWithProgress(progress => engine.Run(options, progress), profile: r.GetValue(profiel));
            if (explain is not null)
            {
                var q = result.Explanation!;
                Console.WriteLine($"Quotumberekening {year} voor werkgever {explain} (quotumregeling, Wfsv art. 38b–38j)");
                Console.WriteLine(new string('=', 60));
                Console.Write(q.Trace.ToText());
                Console.WriteLine(new string('-', 60));
                Console.WriteLine(q.Exempt ? $"Uitkomst: vrijgesteld. {q.Reason}"
                    : $"Quotumtekort: {DutchFormat.Number(q.Shortfall.Value, 1)} banen; quotumheffing € {DutchFormat.Fixed(q.Levy.Value, 2)}" + (q.LevySuspended ? " (opgeschort, art. 122na Wfsv)" : ""));
            }
            if (output is not null)
            {
                Console.WriteLine();
                Console.Write(File.ReadAllText(Path.Combine(output, "samenvatting.txt")));
                if (options.QuartersAndRegions) PrintPublishedQuarters(year);
                Console.WriteLine($"Resultaten in {output}.");
            }
            return 0;
        });
        return cmd;
    }

    /// <summary>
    /// Beside the measurement per quarter of a run: the extra jobs per quarter of the same year as the UWV published them
    /// (<c>data/published/kwartaalrapportages.csv</c>), or a sentence that there are none.
    /// </summary>
    private static void PrintPublishedQuarters(int year)
    {
        var k = MetingCommand.QuarterView(year);
        Console.WriteLine();
        Console.WriteLine($"Ter vergelijking: kwartaalcijfers UWV {year} (gepubliceerd; indicatief, geen officiële meting)");
        if (k.Melding is not null) { Console.WriteLine("  " + k.Melding); return; }
        var totals = k.Cijfers.Where(c => c.Grootheid == Rules.Measurement.QuarterlyFigures.Increase && c.Sector == "totaal" && c.Vorm == "totaal").ToList();
        if (totals.Count == 0) Console.WriteLine($"  Over {year} heeft UWV geen totale toename per kwartaal gepubliceerd die hier bekend is.");
        foreach (var t in totals)
            Console.WriteLine($"  Kwartaal {t.Kwartaal}: toename {DutchFormat.Number(t.Waarde)} extra banen t.o.v. de nulmeting");
        Console.WriteLine($"  Alle kwartaalcijfers met hun bron: banenmonitor meting --jaar {year}.");
    }

    /// <summary>True when <c>--per</c> names kwartaal and/or regio; any other value is refused with the values allowed.</summary>
    private static bool QuartersAndRegions(string[]? values)
    {
        var all = (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        foreach (var v in all)
            if (v is not ("kwartaal" or "regio"))
                throw new CliException($"Ongeldige waarde '{v}' voor --per: kies kwartaal, regio of beide (kwartaal,regio).");
        return all.Count > 0;
    }
}
