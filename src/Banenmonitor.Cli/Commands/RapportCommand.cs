using System.CommandLine;
using Banenmonitor.Reports.Progress;
using Banenmonitor.Reports.Rendering;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Units;
using static Banenmonitor.Cli.CliSupport;

namespace Banenmonitor.Cli.Commands;

/// <summary>
/// <c>banenmonitor rapport</c>: the yearly progress report (national and per sector) as HTML, PDF or Excel, built from
/// the published figures and, with <c>--database</c> (or BANENMONITOR_DATABASE), the approved sector reports, the work
/// agendas and the resolutions of findings; without a named database none of these (never a file that happens to be in
/// the working folder). Refuses (exit code 1, the
/// contradictions listed) while <c>controle</c> finds substantive contradictions in its figures that no resolution in the
/// database (<c>controle oplossen</c>) settles, unless
/// <c>--concept</c> is given.
/// </summary>
public static class RapportCommand
{
    public static Command Build()
    {
        var jaar = Text("--jaar", "Verslagjaar, bijvoorbeeld 2023");
        var sector = Text("--sector", "Alleen deze sector (code, bijvoorbeeld gemeenten of hbo); zonder: landelijk rapport met alle sectoren");
        var formaat = Text("--formaat", "html, pdf of xlsx");
        var uit = Text("--uit", "Uitvoerbestand, bijvoorbeeld rapport-2023.pdf");
        var concept = new Option<bool>("--concept")
        {
            Description = "Ook maken als de bronnen elkaar inhoudelijk tegenspreken: gemarkeerd als CONCEPT, met de tegenstrijdigheden erin",
        };
        var database = DataSupport.Database();
        database.Description = "Database (SQLite-bestand of PostgreSQL-verbinding, Host=…; standaard BANENMONITOR_DATABASE) met goedgekeurde sectorrapportages (hun tekst komt in het rapport, hun cijfers vullen aan wat de documenten missen), werkagenda's en oplossingen van bevindingen. Zonder database alleen de gepubliceerde cijfers";
        var provider = DataSupport.Provider();
        var gegevens = Text("--gegevens", "Map met de gepubliceerde cijfers (standaard data/published)");
        var overrides = ParameterOverrides();
        var cmd = new Command("rapport", "Maakt de jaarlijkse voortgangsrapportage (landelijk en per sector) als HTML, PDF of Excel")
            { jaar, sector, formaat, uit, concept, database, provider, gegevens, overrides };
        cmd.SetAction(r =>
        {
            var year = Int(r, jaar, required: true)!.Value;
            var format = (r.GetValue(formaat) ?? throw new CliException("De optie --formaat is verplicht (html, pdf of xlsx).")).Trim().ToLowerInvariant();
            if (format is not ("html" or "pdf" or "xlsx")) throw new CliException($"Onbekend formaat '{format}': kies html, pdf of xlsx.");
            var output = r.GetValue(uit) ?? throw new CliException("De optie --uit is verplicht: het bestand waarin het rapport komt.");
            PublicSector? chosen = null;
            if (r.GetValue(sector) is { } code)
            {
                chosen = PublicSectors.Find(code);
                if (chosen is null || chosen.IsAggregate)
                    throw new CliException($"Onbekende sector '{code}'. Kies uit: {string.Join(", ", PublicSectors.All.Select(s => s.Code))}.");
            }
            Parameters(r, overrides); // a wrong --parameter is refused before the database is opened
            var settings = DataSupport.Optional(r, database, provider);
            using var db = settings is null ? null : DataSupport.Open(settings);
            var parameters = Parameters(r, overrides, db);
            var published = r.GetValue(gegevens) is { } dir ? PublishedData.FromFolder(dir) : PublishedFolder();
            ReportSources sources;
            try { sources = ReportSources.From(published, parameters.Set); }
            catch (FileNotFoundException e) { throw new CliException(e.Message); }
            catch (FormatException e) { throw new CliException("Fout in invoerbestand:\n" + e.Message); }
            IReadOnlyList<Resolution> resolutions = [];
            if (db is not null)
            {
                try
                {
                    sources = sources.WithApprovedReports(SectorReportStore.LoadApprovedAsync(db, year).GetAwaiter().GetResult())
                        .WithWorkAgendas(WorkAgendaStore.LoadAsync(db, DateOnly.FromDateTime(DateTime.Today)).GetAwaiter().GetResult());
                    sources = Reports.Sectors.SectorEmployersReport.WithSectorEmployersAsync(sources, db, year).GetAwaiter().GetResult();
                    resolutions = ControleCommand.Resolutions(db, [year]);
                }
                catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
                {
                    throw new CliException($"De sectorrapportages, werkagenda's of oplossingen in de database konden niet worden gelezen: {e.Message}", 3);
                }
            }

            ProgressReport report;
            try { report = QuotumCommand.Wrap(() => new ReportBuilder(sources).Build(year, chosen, r.GetValue(concept), resolutions)); }
            catch (ReportRefusedException e) { throw new CliException(e.Message + "\n" + ReportRefusedException.CommandLineAdvice, exitCode: 1); }

            byte[] bytes;
            try
            {
                bytes = format switch
                {
                    "html" => HtmlReportRenderer.RenderBytes(report),
                    "pdf" => new PdfReportRenderer().RenderAsync(report).GetAwaiter().GetResult(),
                    _ => XlsxReportRenderer.Render(report),
                };
            }
            catch (PdfRenderingException e) { throw new CliException(e.Message, exitCode: 3); }
            var full = Path.GetFullPath(output);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var temp = full + ".tmp";
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, full, overwrite: true);
            static string N(int n) => DutchFormat.Number(n, 0);
            Console.WriteLine($"{(report.IsConcept ? "CONCEPT-rapport" : "Rapport")} geschreven naar {full} ({format}, {N(bytes.Length)} bytes, " +
                              $"{N(report.Sectors.Count)} sector(en), {N(report.Sources.Count)} bronnen, {N(report.Explanations.Count)} berekende cijfers met uitleg in de bijlage" +
                              (report.ResolvedContradictions.Count > 0 ? $", {N(report.ResolvedContradictions.Count)} opgeloste {(report.ResolvedContradictions.Count == 1 ? "bevinding" : "bevindingen")} in de bijlage" : "") + ").");
            Console.WriteLine(DataSupport.OptionalNote(settings));
            Console.WriteLine(ComputedWith(parameters));
            if (report.IsConcept)
                Console.WriteLine(report.Contradictions.Count == 0
                    ? "Concept: de controle vond geen inhoudelijke tegenstrijdigheden."
                    : $"Concept: {report.Contradictions.Count} {(report.Contradictions.Count == 1 ? "tegenstrijdigheid" : "tegenstrijdigheden")} in de bronnen staan in het rapport (sectie 'Tegenstrijdigheden in de bronnen').");
            return 0;
        });
        return cmd;
    }
}
