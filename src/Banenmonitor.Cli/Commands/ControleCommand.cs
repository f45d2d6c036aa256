using System.CommandLine;
using Banenmonitor.Rules.Measurement;
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
        decimal BerekendMinimum, decimal BerekendMaximum, string Ernst, string Formule, string Toelichting, string Bron, IReadOnlyList<InvoerJson> Invoer);
    public sealed record ControleJson(
        int? Jaar, string? Sector, int AantalControles, int AantalGelijk, int AantalAfronding, int AantalInhoudelijk, IReadOnlyList<AfwijkingJson> Afwijkingen);

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
        var overrides = ParameterOverrides();
        var format = Format();
        var cmd = new Command("controle", "Rekent de gepubliceerde cijfers na en toont waar documenten zichzelf of elkaar tegenspreken")
            { jaar, sector, sectoren, documenten, landelijk, alles, overrides, format };
        cmd.SetAction(r =>
        {
            var json = IsJson(r, format);
            var year = Int(r, jaar);
            var sectorCode = r.GetValue(sector)?.Trim().ToLowerInvariant();
            if (sectorCode is not null && sectorCode != ConsistencyChecker.National && PublicSectors.Find(sectorCode) is null)
                throw new CliException($"Onbekende sector '{sectorCode}'. Kies uit: {string.Join(", ", PublicSectors.AllWithAggregates.Select(s => s.Code))}, {ConsistencyChecker.National}.");
            var parameters = Parameters(r, overrides);
            var data = LoadSectors(r.GetValue(documenten), r.GetValue(sectoren));
            NationalFigures national = MetingCommand.LoadFigures(r.GetValue(landelijk));
            var report = QuotumCommand.Wrap(() => new ConsistencyChecker(parameters).Check(data, national)).Filter(year, sectorCode);
            var shown = r.GetValue(alles) ? report.Checks : report.Mismatches;
            var output = new ControleJson(year, sectorCode, report.Checks.Count,
                report.Checks.Count(c => c.Outcome == CheckOutcome.Equal),
                report.Checks.Count(c => c.Outcome == CheckOutcome.Rounding),
                report.Checks.Count(c => c.Outcome == CheckOutcome.Substantive),
                shown.Select(ToJson).ToList());
            if (json) WriteJson(output);
            else PrintText(output);
            return report.HasSubstantive ? 1 : 0;
        });
        return cmd;
    }

    private static AfwijkingJson ToJson(ConsistencyCheck c) => new(
        c.Kind, c.Document, c.Year, c.Sector, c.Figure, c.Published, LegalRounding.Half(c.Computed, 4),
        LegalRounding.Half(c.ComputedRange.Low, 4), LegalRounding.Half(c.ComputedRange.High, 4), c.Outcome.Dutch(), c.Formula, c.Explanation, c.Source,
        c.Inputs.Select(i => new InvoerJson(i.Name, i.Value, i.Unit, i.Document, i.Source)).ToList());

    private static void PrintText(ControleJson o)
    {
        var scope = (o.Jaar is null ? "alle jaren" : $"jaar {o.Jaar}") + (o.Sector is null ? ", alle sectoren" : $", sector {o.Sector}");
        Console.WriteLine($"Controle van de gepubliceerde cijfers ({scope})");
        Console.WriteLine(new string('=', 78));
        Console.WriteLine($"{o.AantalControles} controles: {o.AantalGelijk} gelijk, {o.AantalAfronding} verschil door afronding, {o.AantalInhoudelijk} inhoudelijk verschil.");
        foreach (var a in o.Afwijkingen.OrderBy(a => a.Ernst == "inhoudelijk" ? 0 : a.Ernst == "afronding" ? 1 : 2).ThenBy(a => a.Jaar))
        {
            Console.WriteLine();
            var unit = a.Cijfer.Contains("percent") || a.Soort.StartsWith("percentage") || a.Soort is "boven_doel" or "verschil_procent" ? "%" : "";
            Console.WriteLine($"[{a.Ernst.ToUpperInvariant()}] {a.Jaar} {a.Sector} — {a.Cijfer} (document {a.Document})");
            string N(decimal v) => a.Soort == "vergelijkingsjaar" ? v.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : DutchFormat.Number(v, 2) + unit;
            Console.WriteLine($"  gepubliceerd: {N(a.Gepubliceerd)}   berekend: {N(a.Berekend)}");
            Console.WriteLine($"  {a.Toelichting}");
            Console.WriteLine($"  bron: {a.Bron}");
        }
        if (o.AantalInhoudelijk > 0) Console.WriteLine($"\nEr zijn {o.AantalInhoudelijk} inhoudelijke verschillen (exitcode 1).");
    }
}
