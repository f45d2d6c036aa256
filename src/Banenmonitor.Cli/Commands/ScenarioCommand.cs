using System.CommandLine;
using Banenmonitor.Data;
using Banenmonitor.Data.Parameters;
using Banenmonitor.Data.Scenarios;
using Banenmonitor.Reports.Scenarios;
using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Scenarios;
using static Banenmonitor.Cli.CliSupport;

namespace Banenmonitor.Cli.Commands;

/// <summary>
/// <c>banenmonitor scenario</c>: what-ifs. <c>bereken</c> computes today's figures and the scenario's side by side (the
/// national table, the sectors, growth against the target path, the levy totals from the stored national run when a
/// database is named), <c>bewaar</c> saves a scenario, <c>lijst</c> lists the saved ones. A scenario never changes the
/// real figures.
/// </summary>
public static class ScenarioCommand
{
    public sealed record BewaardJson(string Id, string Naam, int Jaar, string Auteur, DateTime Gemaakt, bool Gedeeld, string Link);

    private sealed record Options(Option<string> Naam, Option<string> Jaar, Option<string[]> Waarden, Option<string[]> Groei, Option<string[]> Doel,
        Option<bool> Sroi, Option<string> Database, Option<string> Provider);

    private static Options Common()
    {
        var database = DataSupport.Database();
        database.Description = "Database (SQLite-bestand of PostgreSQL-verbinding, Host=…); standaard BANENMONITOR_DATABASE. Bij bereken: de heffing komt uit de laatste landelijke berekening daarin";
        return new Options(
            Text("--naam", "Naam van het scenario"),
            Text("--jaar", "Jaar waarvoor het scenario wordt doorgerekend, bijvoorbeeld 2021"),
            new Option<string[]>("--parameter") { Description = "Andere waarde in het scenario: naam=jaar:waarde:reden, bv. verdeelsleutel_overheid=2021:40:\"meer detachering\" (mag herhaald worden)" },
            new Option<string[]>("--groei") { Description = "Groei van een sector: sector=banen:totjaar of sector=procent%:totjaar, bv. politie=50:2026 (mag herhaald worden)" },
            new Option<string[]>("--doel") { Description = "Doel van een sector in het doelpad: sector=jaar:banen, bv. defensie=2024:750 (mag herhaald worden)" },
            new Option<bool>("--sroi") { Description = "SROI-banen tellen mee bij de aanbestedende sector" },
            database, DataSupport.Provider());
    }

    private static void AddTo(Command c, Options o)
    {
        foreach (var x in new Option[] { o.Naam, o.Jaar, o.Waarden, o.Groei, o.Doel, o.Sroi, o.Database, o.Provider }) c.Options.Add(x);
    }

    /// <summary>The scenario from the options, checked against today's parameters; a Dutch error naming the value that cannot be read.</summary>
    private static (Scenario Scenario, int Year) Read(ParseResult r, Options o, ParameterSet today)
    {
        var name = r.GetValue(o.Naam)?.Trim();
        if (string.IsNullOrEmpty(name)) throw new CliException("Geef het scenario een naam met --naam.");
        var year = Int(r, o.Jaar, required: true)!.Value;
        if (year is < 2013 or > 2100) throw new CliException($"Ongeldig jaar {year}: kies een jaar van 2013 tot en met 2100.");
        try
        {
            var scenario = new Scenario(name,
                (r.GetValue(o.Waarden) ?? []).Select(s => ScenarioOverride.Parse(s, today)).ToList(),
                (r.GetValue(o.Groei) ?? []).Select(SectorGrowth.Parse).ToList(),
                (r.GetValue(o.Doel) ?? []).Select(ScenarioTarget.Parse).ToList(),
                r.GetValue(o.Sroi));
            scenario.Apply(today);
            return (scenario, year);
        }
        catch (FormatException e) { throw new CliException(e.Message); }
    }

    public static Command Build()
    {
        var cmd = new Command("scenario", "Wat-als: andere verdeelsleutel, doelpad, groei, quotumpercentage of SROI-telling naast de cijfers van vandaag (verandert de echte cijfers niet)");
        cmd.Subcommands.Add(BuildCompute());
        cmd.Subcommands.Add(BuildSave());
        cmd.Subcommands.Add(BuildList());
        return cmd;
    }

    private static Command BuildCompute()
    {
        var o = Common();
        var id = Text("--id", "Een bewaard scenario doorrekenen (id uit 'scenario lijst'); dan geen --naam en --parameter");
        var xlsx = Text("--xlsx", "Schrijf de vergelijking ook als Excel-bestand naar dit pad");
        var uitleg = new Option<bool>("--uitleg") { Description = "Toon bij elk onderdeel de uitleg van vandaag en van het scenario" };
        var format = Format();
        var cmd = new Command("bereken", "Rekent het jaar met de parameters van vandaag en die van het scenario, naast elkaar met de verschillen");
        AddTo(cmd, o);
        cmd.Options.Add(id);
        cmd.Options.Add(xlsx);
        cmd.Options.Add(uitleg);
        cmd.Options.Add(format);
        cmd.SetAction(r =>
        {
            var json = IsJson(r, format);
            var settings = DataSupport.Optional(r, o.Database, o.Provider);
            // With a database, "today" is what the web uses: the built-in parameters plus the values an administrator stored.
            using var db = settings is null ? null : DataSupport.Open(settings);
            var today = db is null ? ParametersInForce.BuiltIn : StoredParameters.LoadAsync(db).GetAwaiter().GetResult();
            Scenario scenario;
            int year;
            if (r.GetValue(id) is { } publicId)
            {
                if (db is null) throw new CliException("Geef met --database de database waarin het scenario is bewaard.");
                var stored = ScenarioStore.FindAsync(db, publicId.Trim(), DataSupport.User()).GetAwaiter().GetResult()
                    ?? throw new CliException($"Scenario '{publicId}' bestaat niet of is niet gedeeld.");
                scenario = stored.ToScenario();
                year = Int(r, o.Jaar) ?? stored.Year;
            }
            else (scenario, year) = Read(r, o, today.Set);

            ScenarioResult result;
            try { result = ScenarioComputation.ComputeAsync(db, today, PublishedFolder(), scenario, year).GetAwaiter().GetResult(); }
            catch (FormatException e) { throw new CliException(e.Message); }
            var view = result.ToView();
            if (r.GetValue(xlsx) is { } path)
            {
                using var file = File.Create(path);
                ScenarioWorkbook.Write(view, file);
            }
            if (json) WriteJson(view);
            else Print(view, r.GetValue(uitleg) ? result : null, settings);
            if (!json && r.GetValue(xlsx) is { } p) Console.WriteLine($"Excel-bestand geschreven: {p}");
            return 0;
        });
        return cmd;
    }

    private static Command BuildSave()
    {
        var o = Common();
        var gedeeld = new Option<bool>("--gedeeld") { Description = "Andere analisten kunnen het scenario openen via de link" };
        var format = Format();
        var cmd = new Command("bewaar", "Bewaart een scenario met naam in de database (de echte cijfers blijven onveranderd)");
        AddTo(cmd, o);
        cmd.Options.Add(gedeeld);
        cmd.Options.Add(format);
        cmd.SetAction(r =>
        {
            var json = IsJson(r, format);
            using var db = DataSupport.Open(DataSupport.Settings(r, o.Database, o.Provider));
            var today = StoredParameters.LoadAsync(db).GetAwaiter().GetResult().Set;
            var (scenario, year) = Read(r, o, today);
            StoredScenario saved;
            try { saved = ScenarioStore.SaveAsync(db, scenario, year, DataSupport.User(), r.GetValue(gedeeld), today).GetAwaiter().GetResult(); }
            catch (FormatException e) { throw new CliException(e.Message); }
            var output = ToJson(saved);
            if (json) WriteJson(output);
            else Console.WriteLine($"Scenario '{saved.Name}' bewaard met id {saved.PublicId}{(saved.Shared ? " (gedeeld)" : "")}; op het web: {output.Link}");
            return 0;
        });
        return cmd;
    }

    private static Command BuildList()
    {
        var database = DataSupport.Database();
        var provider = DataSupport.Provider();
        var format = Format();
        var cmd = new Command("lijst", "De scenario's die u mag openen: uw eigen en de gedeelde") { database, provider, format };
        cmd.SetAction(r =>
        {
            var json = IsJson(r, format);
            using var db = DataSupport.Open(DataSupport.Settings(r, database, provider));
            var rows = ScenarioStore.VisibleAsync(db, DataSupport.User()).GetAwaiter().GetResult().Select(ToJson).ToList();
            if (json) { WriteJson(rows); return 0; }
            if (rows.Count == 0) { Console.WriteLine("Geen scenario's."); return 0; }
            Console.WriteLine($"{"id",-34}{"jaar",-6}{"gedeeld",-9}{"auteur",-24}naam");
            foreach (var s in rows) Console.WriteLine($"{s.Id,-34}{s.Jaar,-6}{(s.Gedeeld ? "ja" : "nee"),-9}{s.Auteur,-24}{s.Naam}");
            return 0;
        });
        return cmd;
    }

    private static BewaardJson ToJson(StoredScenario s) => new(s.PublicId, s.Name, s.Year, s.Author, s.CreatedAt, s.Shared, $"/scenarios/{s.PublicId}");

    private static void Print(ScenarioView v, ScenarioResult? explain, DatabaseSettings? settings)
    {
        Console.WriteLine($"Scenario '{v.Naam}', {v.Jaar} — naast de cijfers van vandaag (een scenario verandert de echte cijfers niet)");
        Console.WriteLine($"  vandaag gerekend met: {v.ParametersVandaag}{(settings is null ? "" : $" ({settings})")}");
        foreach (var b in v.Scenariowaarden) Console.WriteLine($"  {b.Parameter} vanaf {b.GeldigVanaf}: {b.Tekst} ({b.Bron})");
        foreach (var g in v.Groei) Console.WriteLine($"  groei: {g}");
        foreach (var d in v.Doelen) Console.WriteLine($"  doel: {d}");
        if (v.SroiTelt) Console.WriteLine("  SROI-banen tellen mee bij de aanbestedende sector");
        if (settings is null) Console.WriteLine("  (geen database opgegeven: de heffing wordt niet berekend; gebruik --database)");
        foreach (var s in v.Secties)
        {
            Console.WriteLine();
            Console.WriteLine(s.Titel);
            Console.WriteLine(new string('=', Math.Min(100, s.Titel.Length)));
            if (s.Cijfers.Count > 0) Console.WriteLine($"{"",-58}{"vandaag",14}{"scenario",14}{"verschil",14}");
            foreach (var c in s.Cijfers)
                Console.WriteLine($"{(c.Veranderd ? "* " : "  ")}{Cut(c.Omschrijving, 56),-56}{c.VandaagTekst,14}{c.ScenarioTekst,14}{(c.Verschil is null ? "" : c.VerschilTekst),14}");
            foreach (var n in s.Opmerkingen) Console.WriteLine("- " + n);
            if (explain is null) continue;
            var section = explain.Section(s.Sleutel);
            foreach (var (label, trace) in section.Figures.SelectMany(f => new[] { ("vandaag", f.TodayTrace), ("scenario", f.ScenarioTrace) })
                         .Where(x => x.Item2 is not null).DistinctBy(x => x.Item2, ReferenceEqualityComparer.Instance))
            {
                Console.WriteLine($"  Uitleg ({label}):");
                foreach (var line in trace!.ToText().Split('\n', StringSplitOptions.RemoveEmptyEntries)) Console.WriteLine("    " + line);
            }
        }
        Console.WriteLine();
        Console.WriteLine("* = verandert in het scenario");
    }

    private static string Cut(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
