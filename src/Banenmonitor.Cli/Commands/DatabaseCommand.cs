using System.CommandLine;
using Banenmonitor.Data;
using Banenmonitor.Data.Seeding;
using Banenmonitor.Rules.Published;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Cli.Commands;

/// <summary><c>banenmonitor database migreren|vullen</c>: create/upgrade the schema; fill an empty database.</summary>
public static class DatabaseCommand
{
    public static Command Build()
    {
        var database = DataSupport.Database();
        var provider = DataSupport.Provider();
        var migrate = new Command("migreren", "Database aanmaken of bijwerken naar de laatste schemaversie") { database, provider };
        migrate.SetAction(r =>
        {
            var settings = DataSupport.Settings(r, database, provider);
            using var db = DataSupport.Open(settings);
            Console.WriteLine($"Database {settings} is bijgewerkt ({Rules.Units.DutchFormat.Number(db.Database.GetAppliedMigrations().Count(), 0)} migratie(s)).");
            return 0;
        });
        var demo = new Option<bool>("--demo") { Description = "Ook synthetische demogegevens ('Demo …') en demo-accounts per rol aanmaken" };
        var seed = new Command("vullen", "Een lege database vullen met de gepubliceerde sectorcijfers (en met --demo: demogegevens en demo-accounts)") { database, provider, demo };
        seed.SetAction(r =>
        {
            var settings = DataSupport.Settings(r, database, provider);
            using var db = DataSupport.Open(settings);
            var published = PublishedData.TryFind() is { } data ? new PublishedFiguresSource(data.SectorFigures) : null;
            var result = new DatabaseSeeder(db, published).SeedAsync(new SeedOptions
            {
                Demo = r.GetValue(demo),
                DemoPassword = Environment.GetEnvironmentVariable("BANENMONITOR_DEMO_WACHTWOORD"),
            }).GetAwaiter().GetResult();
            if (!result.WasEmpty) Console.WriteLine("De database bevat al gegevens; er zijn geen cijfers toegevoegd.");
            else Console.WriteLine($"Gevuld: {Rules.Units.DutchFormat.Number(result.PublishedReports, 0)} gepubliceerde sectorrapportages{(published is null ? " (data/published niet gevonden)" : "")}, {Rules.Units.DutchFormat.Number(result.DemoEmployers, 0)} demowerkgevers.");
            if (result.DemoUsers > 0) Console.WriteLine($"{result.DemoUsers} demo-accounts aangemaakt: {string.Join(", ", DatabaseSeeder.DemoAccounts.Select(a => a.UserName))}; wachtwoord uit BANENMONITOR_DEMO_WACHTWOORD of het demowachtwoord van het account (zie de inlogpagina).");
            return 0;
        });
        return new Command("database", "Database beheren: migreren of vullen") { migrate, seed };
    }
}
