using System.CommandLine;
using Banenmonitor.Analytics;
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
        var overrides = ParameterOverrides();
        var cmd = new Command("landelijk", "Quotum van iedere werkgever en de landelijke meting uit een jaar verloningsgegevens")
        {
            invoer, jaar, uit, uitleg, csv, geheugen, overrides,
        };
        cmd.SetAction(r =>
        {
            var preload = Task.Run(NationalEngine.Preload); // DuckDB starts while the options and parameters are read
            var dir = r.GetValue(invoer) ?? throw new CliException("De optie --invoer is verplicht.");
            var year = Int(r, jaar, required: true)!.Value;
            var output = r.GetValue(uit);
            var explain = r.GetValue(uitleg);
            if (output is null && explain is null) throw new CliException("Geef --uit op (of --uitleg voor één werkgever).");
            var parameters = Parameters(r, overrides);
            var engine = new NationalEngine(parameters);
            var options = new NationalRunOptions(dir, year, output, explain, r.GetValue(geheugen), Csv: r.GetValue(csv));
            preload.Wait();
            var result = EngineSupport.RunWithProgress(progress => engine.Run(options, progress));
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
                Console.WriteLine($"Resultaten in {output}.");
            }
            return 0;
        });
        return cmd;
    }
}
