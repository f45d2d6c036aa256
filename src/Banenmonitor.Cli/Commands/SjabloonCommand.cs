using System.CommandLine;
using Banenmonitor.Data.Export;

namespace Banenmonitor.Cli.Commands;

/// <summary><c>banenmonitor sjabloon &lt;soort&gt; --uit BESTAND</c>: an empty file with the Dutch columns and an example row.</summary>
public static class SjabloonCommand
{
    public static Command Build()
    {
        var kind = DataSupport.Kind();
        var output = new Option<string>("--uit") { Description = "Uitvoerbestand (.csv of .xlsx)", Required = true };
        var cmd = new Command("sjabloon", "Sjabloon voor een import: kolomnamen en een voorbeeldrij") { kind, output };
        cmd.SetAction(r =>
        {
            var def = DataSupport.FindKind(r.GetValue(kind)!);
            var path = r.GetValue(output)!;
            var format = DataSupport.FormatOf(path);
            using (var f = File.Create(path)) ExportService.WriteTemplateAsync(def.Name, f, format).GetAwaiter().GetResult();
            Console.WriteLine($"Sjabloon voor {def.Name} geschreven naar {path}.");
            foreach (var c in def.Columns)
                Console.WriteLine($"  {c.Name}{(c.Required ? " (verplicht)" : "")}: {c.Description}");
            return 0;
        });
        return cmd;
    }
}
