using System.CommandLine;
using Banenmonitor.Data.Audit;
using Banenmonitor.Data.Model;
using static Banenmonitor.Cli.CliSupport;

namespace Banenmonitor.Cli.Commands;

/// <summary><c>banenmonitor audit</c>: the audit trail of a figure, of an import, or the latest changes.</summary>
public static class AuditCommand
{
    public sealed record WijzigingJson(DateTime Tijdstip, string Gebruiker, string Actie, string Soort, string Sleutel, string? Voor, string? Na, string Oorzaak, Guid? Import);

    public static Command Build()
    {
        var employer = Text("--werkgever", "Loonheffingennummer: wijzigingen van deze werkgever");
        var sector = Text("--sector", "Sectorcode (met --jaar): wijzigingen van de sectorrapportage");
        var employerReport = Text("--werkgeversrapportage", "Loonheffingennummer (met --jaar): wijzigingen van de werkgeversrapportage");
        var year = Text("--jaar", "Jaar bij --sector of --werkgeversrapportage");
        var type = Text("--soort", "Soort figuur: " + string.Join(", ", AuditService.EntityTypes.Keys) + " (met --sleutel)");
        var keyOpt = Text("--sleutel", "Sleutel van de figuur zoals in de audittrail");
        var import = Text("--import", "Importnummer: alle wijzigingen door die import");
        var latest = Text("--laatste", "Aantal laatste wijzigingen (standaard 20)");
        var database = DataSupport.Database();
        var provider = DataSupport.Provider();
        var format = Format();
        var cmd = new Command("audit", "Wie wijzigde wat, wanneer en waardoor (import of gebruiker)")
            { employer, sector, employerReport, year, type, keyOpt, import, latest, database, provider, format };
        cmd.SetAction(r =>
        {
            var json = IsJson(r, format);
            using var db = DataSupport.Open(DataSupport.Settings(r, database, provider));
            var audit = new AuditService(db);
            List<AuditEntry> entries;
            if (r.GetValue(employer) is { } lhn) entries = audit.ForEmployerAsync(lhn.Trim().ToUpperInvariant()).GetAwaiter().GetResult();
            else if (r.GetValue(sector) is { } code)
            {
                var y = Int(r, year, required: true)!.Value;
                var k = audit.SectorYearKeyAsync(code, y).GetAwaiter().GetResult() ?? throw new CliException($"Onbekende sector '{code}'.");
                entries = audit.ForFigureAsync(nameof(SectorReport), k).GetAwaiter().GetResult();
            }
            else if (r.GetValue(employerReport) is { } lhn2)
            {
                var y = Int(r, year, required: true)!.Value;
                var k = audit.EmployerYearKeyAsync(lhn2.Trim().ToUpperInvariant(), y).GetAwaiter().GetResult() ?? throw new CliException($"Onbekende werkgever '{lhn2}'.");
                entries = audit.ForFigureAsync(nameof(EmployerReport), k).GetAwaiter().GetResult();
            }
            else if (r.GetValue(type) is { } t)
            {
                if (!AuditService.EntityTypes.TryGetValue(t, out var entity)) throw new CliException($"Onbekende soort '{t}': kies uit {string.Join(", ", AuditService.EntityTypes.Keys)}.");
                var k = r.GetValue(keyOpt) ?? throw new CliException("Geef bij --soort ook --sleutel op.");
                entries = audit.ForFigureAsync(entity, k).GetAwaiter().GetResult();
            }
            else if (r.GetValue(import) is { } id)
            {
                if (!Guid.TryParse(id, out var g)) throw new CliException($"'{id}' is geen geldig importnummer.");
                entries = audit.ForImportAsync(g).GetAwaiter().GetResult();
            }
            else entries = audit.LatestAsync(Int(r, latest) ?? 20).GetAwaiter().GetResult();

            var rows = entries.Select(e => new WijzigingJson(e.Timestamp, e.UserName, Dutch(e.Action), Soort(e.EntityType), e.EntityKey, e.Before, e.After, e.Cause, e.ImportRunId)).ToList();
            if (json) { WriteJson(rows); return 0; }
            if (rows.Count == 0) { Console.WriteLine("Geen wijzigingen gevonden."); return 0; }
            foreach (var w in rows)
            {
                Console.WriteLine($"{w.Tijdstip:yyyy-MM-dd HH:mm:ss} UTC  {w.Actie,-10} {w.Soort} {w.Sleutel}  door {w.Gebruiker} ({w.Oorzaak})");
                if (w.Voor is not null) Console.WriteLine($"    voor: {w.Voor}");
                if (w.Na is not null) Console.WriteLine($"    na:   {w.Na}");
            }
            return 0;
        });
        return cmd;
    }

    private static string Dutch(AuditAction a) => a switch { AuditAction.Insert => "toegevoegd", AuditAction.Update => "gewijzigd", _ => "verwijderd" };
    private static string Soort(string entity) => AuditService.EntityTypes.FirstOrDefault(kv => kv.Value == entity).Key ?? entity;
}
