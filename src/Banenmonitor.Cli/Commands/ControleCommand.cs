using System.CommandLine;
using Banenmonitor.Data.Resolutions;
using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Text;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Units;
using static Banenmonitor.Cli.CliSupport;

namespace Banenmonitor.Cli.Commands;

/// <summary>
/// <c>banenmonitor controle</c>: recomputes every derived figure of the published documents and lists each
/// difference with its severity (afronding / inhoudelijk). Exit code 1 when a substantive difference exists.
/// </summary>
public static class ControleCommand
{
    public sealed record InvoerJson(string Naam, decimal Waarde, string Eenheid, string Document, string Bron);
    public sealed record AfwijkingJson(
        string Soort, string Document, int Jaar, string Sector, string Cijfer, decimal Gepubliceerd, decimal Berekend,
        decimal BerekendMinimum, decimal BerekendMaximum, string Ernst, string Formule, string Toelichting, string Bron, IReadOnlyList<InvoerJson> Invoer,
        string? Sleutel = null, OplossingJson? Oplossing = null, string? DocumentNaam = null);
    /// <summary>A resolution as the CLI shows it (Dutch field names).</summary>
    public sealed record OplossingJson(int Id, int Jaar, string Sleutel, string Cijfer, string Geldt, decimal Waarde, string? Bron, string Reden,
        string OpgelostDoor, DateTime OpgelostOp, int? Vervangt);
    public sealed record ControleJson(
        int? Jaar, string? Sector, int AantalControles, int AantalGelijk, int AantalAfronding, int AantalInhoudelijk, IReadOnlyList<AfwijkingJson> Afwijkingen,
        int AantalOpgelost = 0, string? Database = null, string? ParametersVandaag = null);

    public static PublishedSectorFigures LoadSectors(string? documentsPath, string? figuresPath)
    {
        var docs = documentsPath ?? PublishedFolder().PathOf(PublishedData.DocumentsFile);
        var figs = figuresPath ?? PublishedFolder().PathOf(PublishedData.SectorsFile);
        foreach (var f in new[] { docs, figs })
            if (!File.Exists(f)) throw new CliException($"Invoerbestand '{f}' bestaat niet.");
        try { return PublishedSectorFigures.Parse(File.ReadAllText(docs), Path.GetFileName(docs), File.ReadAllText(figs), Path.GetFileName(figs)); }
        catch (FormatException e) { throw new CliException("Fout in invoerbestand:\n" + e.Message); }
    }

    public static Command Build()
    {
        var jaar = Text("--jaar", "Alleen controles over dit jaar, bijvoorbeeld 2023");
        var sector = Text("--sector", "Alleen deze sector (code, bijvoorbeeld waterschappen of hbo; 'landelijk' voor de landelijke meting)");
        var sectoren = Text("--sectoren", "CSV met sectorcijfers (standaard data/published/sectoren.csv)");
        var documenten = Text("--documenten", "CSV met documenten (standaard data/published/documenten.csv)");
        var landelijk = Text("--landelijk", "CSV met de landelijke meting (standaard data/published/landelijke_meting.csv)");
        var alles = new Option<bool>("--alles") { Description = "Ook de controles tonen die kloppen" };
        var database = DataSupport.Database();
        database.Description = "Database met de oplossingen van bevindingen (SQLite-bestand of PostgreSQL-verbinding, Host=…); standaard BANENMONITOR_DATABASE. Zonder beide: geen oplossingen";
        var provider = DataSupport.Provider();
        var overrides = ParameterOverrides();
        var format = Format();
        var cmd = new Command("controle", "Rekent de gepubliceerde cijfers na en toont waar documenten zichzelf of elkaar tegenspreken, en welke bevindingen zijn opgelost")
            { jaar, sector, sectoren, documenten, landelijk, alles, database, provider, overrides, format };
        cmd.SetAction(r =>
        {
            var json = IsJson(r, format);
            var year = Int(r, jaar);
            var sectorCode = r.GetValue(sector)?.Trim().ToLowerInvariant();
            if (sectorCode is not null && sectorCode != ConsistencyChecker.National && PublicSectors.Find(sectorCode) is null)
                throw new CliException($"Onbekende sector '{sectorCode}'. Kies uit: {string.Join(", ", PublicSectors.AllWithAggregates.Select(s => s.Code))}, {ConsistencyChecker.National}.");
            var settings = DataSupport.Optional(r, database, provider);
            using var db = settings is null ? null : DataSupport.Open(settings);
            var parameters = Parameters(r, overrides, db);
            var report = Run(r, parameters.Set, documenten, sectoren, landelijk).Filter(year, sectorCode);
            IReadOnlyList<Resolution> resolutions = db is null ? [] : Resolutions(db, report.Checks.Select(c => c.Year).Distinct());
            var shown = r.GetValue(alles) ? report.Checks : report.Mismatches;
            var findings = report.Checks.Select(c => c.Year).Distinct().SelectMany(y => Finding.Of(report, y, resolutions)).ToDictionary(f => f.Check);
            var output = new ControleJson(year, sectorCode, report.Checks.Count,
                report.Checks.Count(c => c.Outcome == CheckOutcome.Equal),
                report.Checks.Count(c => c.Outcome == CheckOutcome.Rounding),
                report.Checks.Count(c => c.Outcome == CheckOutcome.Substantive),
                shown.Select(c => ToJson(c, findings.GetValueOrDefault(c))).ToList(),
                findings.Values.Count(f => f.IsResolved), DataSupport.OptionalNote(settings), parameters.Description);
            if (json) WriteJson(output);
            else PrintText(output);
            return findings.Values.Any(f => !f.IsResolved) ? 1 : 0;
        });
        cmd.Subcommands.Add(BuildResolve());
        cmd.Subcommands.Add(BuildList());
        return cmd;
    }

    private static ConsistencyReport Run(System.CommandLine.ParseResult r, ParameterSet parameters, Option<string> documenten, Option<string> sectoren, Option<string> landelijk)
    {
        var data = LoadSectors(r.GetValue(documenten), r.GetValue(sectoren));
        NationalFigures national = MetingCommand.LoadFigures(r.GetValue(landelijk));
        var quarters = MetingCommand.LoadQuarters();
        return QuotumCommand.Wrap(() => new ConsistencyChecker(parameters).Check(data, national, quarters));
    }

    /// <summary>The current resolutions of the years from the database.</summary>
    internal static IReadOnlyList<Resolution> Resolutions(Data.BanenmonitorDbContext db, IEnumerable<int> years)
    {
        var service = new ResolutionService(db);
        return years.SelectMany(y => service.CurrentAsync(y).GetAwaiter().GetResult()).ToList();
    }

    /// <summary><c>controle oplossen</c>: records which value of a substantive finding stands, and why.</summary>
    private static Command BuildResolve()
    {
        var jaar = Text("--jaar", "Jaar van de bevinding, bijvoorbeeld 2023");
        var bevinding = Text("--bevinding", "Sleutel van de bevinding, zoals controle --jaar … die toont (bijvoorbeeld waterschappen:percentage:realisatiepercentage-tabel)");
        var waarde = Text("--waarde", "Welke waarde geldt: gepubliceerd, herberekend, of een gecorrigeerd getal (Nederlands: 59,6) met --bron");
        var bron = Text("--bron", "Bron van een gecorrigeerde waarde (document, tabel, datum); bij gepubliceerd/herberekend optioneel");
        var reden = Text("--reden", "Waarom deze waarde geldt");
        var sectoren = Text("--sectoren", "CSV met sectorcijfers (standaard data/published/sectoren.csv)");
        var documenten = Text("--documenten", "CSV met documenten (standaard data/published/documenten.csv)");
        var landelijk = Text("--landelijk", "CSV met de landelijke meting (standaard data/published/landelijke_meting.csv)");
        var database = DataSupport.Database();
        var provider = DataSupport.Provider();
        var overrides = ParameterOverrides();
        var format = Format();
        var cmd = new Command("oplossen", "Legt vast welke waarde van een inhoudelijke bevinding geldt en waarom (een nieuwe oplossing vervangt de vorige; niets wordt gewijzigd)")
            { jaar, bevinding, waarde, bron, reden, sectoren, documenten, landelijk, database, provider, overrides, format };
        cmd.SetAction(r =>
        {
            var year = Int(r, jaar, required: true)!.Value;
            var key = r.GetValue(bevinding)?.Trim() ?? throw new CliException("De optie --bevinding is verplicht: de sleutel die controle --jaar " + year + " toont.");
            var w = r.GetValue(waarde)?.Trim() ?? throw new CliException("De optie --waarde is verplicht: gepubliceerd, herberekend of een getal.");
            ResolutionChoice choice;
            decimal? corrected = null;
            switch (w.ToLowerInvariant())
            {
                case "gepubliceerd": choice = ResolutionChoice.Published; break;
                case "herberekend": choice = ResolutionChoice.Recomputed; break;
                default:
                    var read = DutchNumber.ReadField(w, NumberLimits.ParameterValue);
                    if (!read.Ok) throw new CliException($"--waarde '{w}': kies gepubliceerd, herberekend of een getal ({read.Error}).");
                    choice = ResolutionChoice.Corrected;
                    corrected = read.Value;
                    break;
            }
            Parameters(r, overrides); // a wrong --parameter is refused before the database is opened
            using var db = DataSupport.Open(DataSupport.Settings(r, database, provider));
            var findings = Finding.Of(Run(r, Parameters(r, overrides, db).Set, documenten, sectoren, landelijk), year, []);
            var finding = findings.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase))
                ?? throw new CliException($"Geen inhoudelijke bevinding '{key}' over {year}. Bevindingen over {year}:\n" +
                                          (findings.Count == 0 ? "  (geen)" : string.Join("\n", findings.Select(f => $"  {f.Key}  — {f.Check.Figure}"))));
            var result = new ResolutionService(db).ResolveAsync(finding.Check, choice, corrected, r.GetValue(bron), r.GetValue(reden), DataSupport.User()).GetAwaiter().GetResult();
            if (!result.Done) throw new CliException("Niet vastgelegd:\n" + string.Join("\n", result.Errors.Select(e => "- " + e)));
            var row = result.Resolution!;
            if (IsJson(r, format)) WriteJson(ToJson(ResolutionService.ToRule(row)));
            else Console.WriteLine($"Bevinding {year} {row.FindingKey} opgelost (oplossing {row.Id}{(row.SupersedesId is { } s ? $", vervangt oplossing {s}" : "")}): " +
                                   $"geldt {row.Choice.Phrase()} {ResolutionService.ToRule(row).ValueText(finding.Check)}.");
            return 0;
        });
        return cmd;
    }

    /// <summary><c>controle oplossingen</c>: every resolution of a year, superseded ones included.</summary>
    private static Command BuildList()
    {
        var jaar = Text("--jaar", "Jaar, bijvoorbeeld 2023");
        var database = DataSupport.Database();
        var provider = DataSupport.Provider();
        var format = Format();
        var cmd = new Command("oplossingen", "Toont alle oplossingen van bevindingen over een jaar, ook de vervangen") { jaar, database, provider, format };
        cmd.SetAction(r =>
        {
            var year = Int(r, jaar, required: true)!.Value;
            using var db = DataSupport.Open(DataSupport.Settings(r, database, provider));
            var all = new ResolutionService(db).HistoryAsync(year).GetAwaiter().GetResult();
            var replaced = all.Where(x => x.SupersedesId is not null).ToDictionary(x => x.SupersedesId!.Value, x => x.Id);
            var rows = all.Select(x => ToJson(ResolutionService.ToRule(x))).ToList();
            if (IsJson(r, format)) { WriteJson(rows); return 0; }
            Console.WriteLine($"Oplossingen van bevindingen over {year}: {Count(all.Count)}");
            foreach (var x in rows)
            {
                Console.WriteLine();
                Console.WriteLine($"[{x.Id}] {x.Sleutel}{(replaced.TryGetValue(x.Id, out var by) ? $" — vervangen door {by}" : " — geldt")}");
                Console.WriteLine($"  geldt: {x.Geldt} {DutchFormat.Number(x.Waarde, 2)}{(x.Bron is { } b ? $" (bron: {b})" : "")}");
                Console.WriteLine($"  reden: {x.Reden}");
                Console.WriteLine($"  door {x.OpgelostDoor} op {x.OpgelostOp:yyyy-MM-dd HH:mm} UTC");
            }
            return 0;
        });
        return cmd;
    }

    private static OplossingJson ToJson(Resolution x) =>
        new(x.Id, x.Year, x.Key, x.Figure, x.Choice.Dutch(), x.Value, x.Source, x.Reason, x.ResolvedBy, x.ResolvedAt, x.Supersedes);

    private static AfwijkingJson ToJson(ConsistencyCheck c, Finding? f) => new(
        c.Kind, c.Document, c.Year, c.Sector, c.Figure, c.Published, LegalRounding.Half(c.Computed, 4),
        LegalRounding.Half(c.ComputedRange.Low, 4), LegalRounding.Half(c.ComputedRange.High, 4), c.Outcome.Dutch(), c.Formula, c.Explanation, c.Source,
        c.Inputs.Select(i => new InvoerJson(i.Name, i.Value, i.Unit, i.Document, i.Source)).ToList(),
        f?.Key, f?.Resolution is { } res ? ToJson(res) : null, c.DocumentName);

    private static string Count(int n) => DutchFormat.Number(n, 0);

    private static void PrintText(ControleJson o)
    {
        var scope = (o.Jaar is null ? "alle jaren" : $"jaar {o.Jaar}") + (o.Sector is null ? ", alle sectoren" : $", sector {o.Sector}");
        Console.WriteLine($"Controle van de gepubliceerde cijfers ({scope})");
        Console.WriteLine(new string('=', 78));
        Console.WriteLine($"{Count(o.AantalControles)} controles: {Count(o.AantalGelijk)} gelijk, {Count(o.AantalAfronding)} verschil door afronding, {Count(o.AantalInhoudelijk)} inhoudelijk verschil.");
        if (o.Database is { } d) Console.WriteLine(d);
        if (o.ParametersVandaag is { } p) Console.WriteLine($"Gerekend met: {p}");
        foreach (var a in o.Afwijkingen.OrderBy(a => a.Ernst == "inhoudelijk" ? 0 : a.Ernst == "afronding" ? 1 : 2).ThenBy(a => a.Jaar))
        {
            Console.WriteLine();
            var unit = a.Cijfer.Contains("percent") || a.Soort.StartsWith("percentage") || a.Soort is "boven_doel" or "verschil_procent" ? "%" : "";
            Console.WriteLine($"[{(a.Oplossing is null ? a.Ernst.ToUpperInvariant() : "INHOUDELIJK, OPGELOST")}] {a.Jaar} {a.Sector} — {a.Cijfer} ({a.DocumentNaam ?? a.Document})");
            if (a.Sleutel is not null) Console.WriteLine($"  bevinding: {a.Sleutel}");
            string N(decimal v) => a.Soort is "vergelijkingsjaar" or Banenmonitor.Rules.Published.LegalInputChecks.TargetPathKind ? v.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : DutchFormat.Number(v, 2) + unit;
            Console.WriteLine($"  gepubliceerd: {N(a.Gepubliceerd)}   berekend: {N(a.Berekend)}");
            Console.WriteLine($"  {a.Toelichting}");
            Console.WriteLine($"  bron: {a.Bron}");
            if (a.Oplossing is { } res)
                Console.WriteLine($"  opgelost: geldt {res.Geldt} {N(res.Waarde)}{(res.Bron is { } b ? $" (bron: {b})" : "")}. Reden: {res.Reden} — {res.OpgelostDoor}, {res.OpgelostOp:yyyy-MM-dd HH:mm} UTC");
        }
        var open = o.AantalInhoudelijk - o.AantalOpgelost;
        if (o.AantalOpgelost > 0) Console.WriteLine($"\n{Count(o.AantalOpgelost)} van de {Count(o.AantalInhoudelijk)} inhoudelijke verschillen {(o.AantalOpgelost == 1 ? "is" : "zijn")} opgelost.");
        if (open > 0) Console.WriteLine($"\nEr {(open == 1 ? "is" : "zijn")} {Count(open)} inhoudelijke {(open == 1 ? "verschil" : "verschillen")} zonder oplossing (exitcode 1); los ze op met: controle oplossen --jaar … --bevinding <sleutel> --waarde gepubliceerd|herberekend|<getal> --reden …");
    }
}
