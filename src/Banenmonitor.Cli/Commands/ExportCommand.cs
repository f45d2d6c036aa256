using System.CommandLine;
using Banenmonitor.Data.Export;

namespace Banenmonitor.Cli.Commands;

/// <summary><c>banenmonitor export &lt;soort&gt; --uit BESTAND</c>: stored figures to CSV or XLSX (re-importable; persons by pseudonym).</summary>
public static class ExportCommand
{
    public static Command Build()
    {
        var kind = DataSupport.Kind();
        var output = new Option<string>("--uit") { Description = "Uitvoerbestand (.csv of .xlsx)", Required = true };
        var database = DataSupport.Database();
        var provider = DataSupport.Provider();
        var cmd = new Command("export", "Gegevens uit de database naar CSV of XLSX (opnieuw in te lezen; personen alleen als pseudoniem)") { kind, output, database, provider };
        cmd.SetAction(r =>
        {
            var def = DataSupport.FindKind(r.GetValue(kind)!);
            var path = r.GetValue(output)!;
            var format = DataSupport.FormatOf(path);
            using var db = DataSupport.Open(DataSupport.Settings(r, database, provider));
            using (var f = File.Create(path)) new ExportService(db).ExportAsync(def.Name, f, format).GetAwaiter().GetResult();
            Console.WriteLine($"{def.Name} geëxporteerd naar {path}.");
            return 0;
        });
        return cmd;
    }
}
