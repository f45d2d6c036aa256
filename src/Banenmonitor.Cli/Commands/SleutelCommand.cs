using System.CommandLine;
using Banenmonitor.Data.Privacy;

namespace Banenmonitor.Cli.Commands;

/// <summary>
/// <c>banenmonitor sleutel wisselen --bsn-bestand f.csv</c>: changes the pseudonym key of the database
/// (<see cref="PseudonymKeyRotation"/>): old key from BANENMONITOR_PSEUDONIEM_SLEUTEL_OUD, new key from
/// BANENMONITOR_PSEUDONIEM_SLEUTEL, in one transaction; nothing changes when anything is wrong.
/// </summary>
public static class SleutelCommand
{
    public const string OldKeyVariable = "BANENMONITOR_PSEUDONIEM_SLEUTEL_OUD";

    public static Command Build()
    {
        var database = DataSupport.Database();
        var provider = DataSupport.Provider();
        var file = new Option<string>("--bsn-bestand")
        {
            Description = "CSV- of Excelbestand met een kolom bsn: de BSN's van alle personen in de database", Required = true,
        };
        var rotate = new Command("wisselen",
            $"Pseudonimiseringssleutel wisselen: alle pseudoniemen in één transactie omzetten van de oude sleutel ({OldKeyVariable}) " +
            $"naar de nieuwe ({PseudonymKey.EnvironmentVariable})") { database, provider, file };
        rotate.SetAction(r =>
        {
            var path = r.GetValue(file)!;
            if (!File.Exists(path)) throw new CliException($"Het bestand '{path}' bestaat niet.");
            PseudonymKey oldKey, newKey;
            try
            {
                oldKey = PseudonymKey.FromText(Environment.GetEnvironmentVariable(OldKeyVariable));
                newKey = PseudonymKey.FromEnvironment();
            }
            catch (ArgumentException e) { throw new CliException(e.Message); }
            if (!oldKey.IsAvailable) throw new CliException($"Zet de oude sleutel in {OldKeyVariable} en de nieuwe in {PseudonymKey.EnvironmentVariable}.");
            if (!newKey.IsAvailable) throw new CliException($"Zet de nieuwe sleutel in {PseudonymKey.EnvironmentVariable}.");
            var settings = DataSupport.Settings(r, database, provider);
            using var db = DataSupport.Open(settings);
            using var stream = File.OpenRead(path);
            var result = PseudonymKeyRotation.RotateAsync(db, oldKey, newKey, stream, DataSupport.FormatOf(path), Path.GetFileName(path), DataSupport.User())
                .GetAwaiter().GetResult();
            if (!result.Done)
            {
                foreach (var e in result.Errors) Console.Error.WriteLine("Fout: " + e);
                return 1;
            }
            Console.WriteLine($"De sleutel is gewisseld: {Banenmonitor.Rules.Units.DutchFormat.Number(result.Persons, 0)} personen, {Banenmonitor.Rules.Units.DutchFormat.Number(result.Rows, 0)} rijen omgezet. Gebruik voortaan alleen de nieuwe sleutel; " +
                              $"verwijder {OldKeyVariable}.");
            return 0;
        });
        return new Command("sleutel", "De pseudonimiseringssleutel beheren") { rotate };
    }
}
