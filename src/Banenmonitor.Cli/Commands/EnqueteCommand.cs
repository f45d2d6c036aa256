using Banenmonitor.Rules.Contracts;
using System.CommandLine;
using System.Globalization;
using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Text;
using Banenmonitor.Rules.Units;
using Banenmonitor.Data.Import;
using Banenmonitor.Survey;
using Banenmonitor.Survey.Procurement;
using static Banenmonitor.Cli.CliSupport;

namespace Banenmonitor.Cli.Commands;

/// <summary><c>banenmonitor enquete</c>: survey estimates (<c>schat</c>) and the reproduction of the procurement survey of the
/// research report De Beleidsonderzoekers 2023, part 2 (<c>aanbesteding</c>; <c>seed003</c> is a hidden alias).</summary>
public static class EnqueteCommand
{
    public sealed record IntervalJson(double Betrouwbaarheid, double Ondergrens, double Bovengrens, string Methode, int? Vrijheidsgraden, double Kwantiel);
    public sealed record SchattingJson(
        string Schatter, string Omschrijving, string? Deelgroep, double Schatting, double Standaardfout, double RelatieveStandaardfout,
        IntervalJson Interval, int Respondenten, double Gewichtssom, string Methode);
    public sealed record CelJson(string Cel, double Populatie, double AandeelPopulatie, int Respondenten, double AandeelRespons, double Gewicht, double Aanpassing);
    public sealed record EnqueteJson(
        string Methode, IReadOnlyList<string> Aannames, int RespondentenGelezen, int RespondentenGebruikt, IReadOnlyList<string> Uitsluitingen,
        IReadOnlyList<string> Samengevoegd, IReadOnlyList<CelJson> Cellen, SchattingJson Totaal, IReadOnlyList<SchattingJson> Deelgroepen);

    public sealed record GewichtJson(string Sector, string Grootteklasse, int Respondenten, decimal AandeelPopulatieGedrukt, double Herberekend,
        decimal Gedrukt, decimal MogelijkVan, decimal MogelijkTot, bool VerklaardDoorAfronding, string Toelichting);
    public sealed record KetenStapJson(string Naam, string Omschrijving, string Formule, decimal Gedrukt, decimal Herberekend,
        decimal MogelijkVan, decimal MogelijkTot, string Oordeel, string Bron, string? Toelichting);
    public sealed record AanbestedingJson(
        IReadOnlyList<GewichtJson> Gewichten, double SomAfgeleidePopulatieaandelen, IReadOnlyList<string> Samengevoegd,
        IReadOnlyList<KetenStapJson> Keten, IReadOnlyList<KetenStapJson> Tegenstrijdigheden,
        decimal GedruktOndergrens, decimal GedruktBovengrens, decimal HerberekendOndergrens, decimal HerberekendBovengrens,
        IReadOnlyList<string> Bevindingen, IReadOnlyList<StapView> Stappen);

    public static Command Build()
    {
        var cmd = new Command("enquete", "Schattingen uit een steekproefenquête (gewogen, met standaardfout en betrouwbaarheidsinterval)");
        cmd.Subcommands.Add(BuildSchat());
        cmd.Subcommands.Add(BuildAanbesteding("aanbesteding", hidden: false));
        cmd.Subcommands.Add(BuildAanbesteding("seed003", hidden: true)); // old name, kept for scripts
        return cmd;
    }

    private static Command BuildSchat()
    {
        var populatie = Text("--populatie", "CSV of XLSX met de populatie per weegcel: de poststratumkolom(men) (zonder --poststrata: de stratumkolom(men)) en 'aantal' of 'aandeel'");
        var respons = Text("--respons", "CSV of XLSX met één rij per respondent");
        var schatter = Text("--schatter", "ratio, totaal, gemiddelde of proportie");
        var teller = Text("--teller", "Kolom met de variabele (bij ratio: de teller)");
        var noemer = Text("--noemer", "Kolom met de noemer (alleen bij ratio)");
        var strata = Text("--strata", "Stratumkolom(men), gescheiden door komma's (bijvoorbeeld sector,grootteklasse)");
        var poststrata = Text("--poststrata", "Poststratumkolom(men) om naar de populatie te wegen, los van de strata van het ontwerp (gescheiden door komma's)");
        var fpcKolom = Text("--fpc-kolom", "Kolom in het responsbestand met de populatieomvang van het stratum van de respondent (of de trekkingsfractie, hoogstens 1)");
        var gewicht = Text("--gewicht", "Kolom met basisgewichten in het responsbestand (standaard: gelijke basisgewichten)");
        var fpc = Text("--fpc", "Eindigepopulatiecorrectie: ja of nee (standaard nee; vraagt 'aantal' in de populatie per stratum, of --fpc-kolom)");
        var domein = Text("--domein", "Kolom met deelgroepen: schat ook per deelgroep");
        var uitsluiten = new Option<string[]>("--uitsluiten") { Description = "Respondenten uitsluiten: KOLOM=WAARDE[,WAARDE] (mag herhaald worden)" };
        var samenvoegen = Text("--samenvoegen", "Kleine strata samenvoegen: KOLOM:MINIMUM (bijvoorbeeld sector:10); buren met --buur");
        var buur = new Option<string[]>("--buur") { Description = "Buur bij samenvoegen: VAN=NAAR (mag herhaald worden)" };
        var betrouwbaarheid = Text("--betrouwbaarheid", "Betrouwbaarheid van het interval in procenten (standaard 95)");
        var interval = Text("--interval", "t (t-verdeling met vrijheidsgraden van het ontwerp, standaard) of normaal");
        var enkel = Text("--enkele-respondent", "Stratum met één respondent: fout (standaard, zoals R) of weglaten");
        var format = Format();
        var cmd = new Command("schat", "Gewogen schatting met standaardfout (Taylor-linearisatie) en betrouwbaarheidsinterval")
            { populatie, respons, schatter, teller, noemer, strata, poststrata, gewicht, fpc, fpcKolom, domein, uitsluiten, samenvoegen, buur, betrouwbaarheid, interval, enkel, format };
        cmd.SetAction(r =>
        {
            var json = IsJson(r, format);
            var kindText = r.GetValue(schatter) ?? throw new CliException("De optie --schatter is verplicht (ratio, totaal, gemiddelde of proportie).");
            if (!EstimatorKindText.TryParse(kindText, out var kind)) throw new CliException($"Onbekende schatter '{kindText}': kies ratio, totaal, gemiddelde of proportie.");
            var tellerKolom = r.GetValue(teller) ?? throw new CliException("De optie --teller is verplicht.");
            var noemerKolom = r.GetValue(noemer);
            if (kind == EstimatorKind.Ratio && noemerKolom is null) throw new CliException("Bij --schatter ratio is --noemer verplicht.");
            if (kind != EstimatorKind.Ratio && noemerKolom is not null) throw new CliException("--noemer hoort alleen bij --schatter ratio.");
            var responsPad = r.GetValue(respons) ?? throw new CliException("De optie --respons is verplicht.");
            var populatiePad = r.GetValue(populatie);
            var strataKolommen = r.GetValue(strata)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var poststrataKolommen = r.GetValue(poststrata)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (r.GetValue(poststrata) is not null && poststrataKolommen!.Length == 0) throw new CliException("--poststrata vraagt een of meer kolomnamen, gescheiden door komma's.");
            var useFpc = r.GetValue(fpc) switch
            {
                null or "nee" => false,
                "ja" => true,
                var s => throw new CliException($"Ongeldige waarde '{s}' voor --fpc: kies ja of nee."),
            };
            var level = Decimal(r, betrouwbaarheid, NumberLimits.ConfidenceLevel) ?? 95m;
            if (level is <= 0 or >= 100) throw new CliException("--betrouwbaarheid moet tussen 0 en 100 liggen (bijvoorbeeld 95).");
            var method = r.GetValue(interval) switch
            {
                null or "t" => IntervalMethod.StudentT,
                "normaal" => IntervalMethod.Normal,
                var s => throw new CliException($"Ongeldige waarde '{s}' voor --interval: kies t of normaal."),
            };
            var lonely = r.GetValue(enkel) switch
            {
                null or "fout" => LonelyUnitPolicy.Fail,
                "weglaten" => LonelyUnitPolicy.Remove,
                var s => throw new CliException($"Ongeldige waarde '{s}' voor --enkele-respondent: kies fout of weglaten."),
            };
            var exclusions = (r.GetValue(uitsluiten) ?? []).Select(spec =>
            {
                var parts = spec.Split('=', 2);
                if (parts.Length != 2 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0)
                    throw new CliException($"Ongeldige waarde '{spec}' voor --uitsluiten: verwacht KOLOM=WAARDE[,WAARDE].");
                return new ExclusionFilter(parts[0].Trim(), parts[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            }).ToList();
            CellCollapse? collapse = null;
            if (r.GetValue(samenvoegen) is { } sv)
            {
                var parts = sv.Split(':', 2);
                if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var min) || min < 1)
                    throw new CliException($"Ongeldige waarde '{sv}' voor --samenvoegen: verwacht KOLOM:MINIMUM, bijvoorbeeld sector:10.");
                var neighbours = new Dictionary<string, string>();
                foreach (var b in r.GetValue(buur) ?? [])
                {
                    var p = b.Split('=', 2);
                    if (p.Length != 2) throw new CliException($"Ongeldige waarde '{b}' voor --buur: verwacht VAN=NAAR.");
                    neighbours[p[0].Trim()] = p[1].Trim();
                }
                collapse = new CellCollapse(parts[0].Trim(), min, neighbours);
            }
            else if ((r.GetValue(buur) ?? []).Length > 0) throw new CliException("--buur hoort bij --samenvoegen KOLOM:MINIMUM.");

            var options = new EnqueteOptions(kind, tellerKolom, noemerKolom, strataKolommen, r.GetValue(gewicht), useFpc, r.GetValue(domein),
                exclusions, collapse, new IntervalOptions((double)level / 100, method), lonely, poststrataKolommen, r.GetValue(fpcKolom));
            EnqueteResult result;
            try
            {
                var pop = populatiePad is null ? null : SurveyFiles.Read(populatiePad);
                result = EnqueteService.Estimate(pop, SurveyFiles.Read(responsPad), options);
            }
            catch (SurveyDataException e) { throw new CliException(e.Message); }
            var output = ToJson(result);
            if (json) { WriteJson(output); return 0; }
            PrintText(output);
            return 0;
        });
        return cmd;
    }

    public static EnqueteJson ToJson(EnqueteResult r) => new(r.MethodDutch, r.AssumptionsDutch, r.RespondentsRead, r.RespondentsUsed, r.Exclusions,
        r.Collapsed.Select(c => c.DescriptionDutch).ToList(),
        r.Cells.Select(c => new CelJson(c.Cell, c.Population, c.PopulationShare, c.Respondents, c.SampleShare, c.Weight, c.Adjustment)).ToList(),
        ToJson(r.Overall), r.Domains.Select(ToJson).ToList());

    public static SchattingJson ToJson(SurveyEstimate e) => new(e.KindDutch, e.DescriptionDutch, e.Domain, e.Estimate, e.StandardError,
        e.RelativeStandardError,
        new IntervalJson(e.Interval.Level, e.Interval.Lower, e.Interval.Upper, e.Interval.MethodDutch, e.Interval.DegreesOfFreedom, e.Interval.Quantile),
        e.Respondents, e.WeightSum, e.MethodDutch);

    private static string N(double v, int decimals = 4) => double.IsFinite(v) ? DutchFormat.Number((decimal)v, decimals) : "—";

    private static void PrintText(EnqueteJson o)
    {
        Console.WriteLine("Schatting uit de enquête");
        Console.WriteLine(new string('=', 78));
        Console.WriteLine($"Methode: {o.Methode}");
        Console.WriteLine($"Respondenten: {DutchFormat.Number(o.RespondentenGelezen, 0)} gelezen, {DutchFormat.Number(o.RespondentenGebruikt, 0)} gebruikt.");
        foreach (var u in o.Uitsluitingen) Console.WriteLine($"Uitgesloten: {u}");
        foreach (var s in o.Samengevoegd) Console.WriteLine($"Samengevoegd: {s}");
        if (o.Cellen.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine($"{"weegcel",-30}{"populatie",12}{"aandeel",9}{"respons",9}{"aandeel",9}{"gewicht",10}{"factor",9}");
            foreach (var c in o.Cellen)
                Console.WriteLine($"{Trunc(c.Cel, 29),-30}{N(c.Populatie, 2),12}{N(c.AandeelPopulatie * 100, 1) + "%",9}{DutchFormat.Number(c.Respondenten, 0),9}{N(c.AandeelRespons * 100, 1) + "%",9}{N(c.Gewicht, 3),10}{N(c.Aanpassing, 3),9}");
            Console.WriteLine("(gewicht: gemiddeld gewicht in de cel na weging; factor: populatie ÷ gewogen respons van de cel)");
        }
        Console.WriteLine();
        Print(o.Totaal);
        if (o.Deelgroepen.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Per deelgroep:");
            foreach (var d in o.Deelgroepen) Print(d);
        }
        Console.WriteLine();
        Console.WriteLine("Aannames:");
        foreach (var a in o.Aannames) Console.WriteLine($"- {a}");
    }

    private static void Print(SchattingJson s)
    {
        var pct = s.Schatter is "ratio" or "proportie";
        string V(double v) => pct ? N(v * 100, 2) + "%" : N(v, 2);
        Console.WriteLine($"{char.ToUpper(s.Omschrijving[0]) + s.Omschrijving[1..]}: {V(s.Schatting)}");
        Console.WriteLine($"  standaardfout {V(s.Standaardfout)} (relatief {N(s.RelatieveStandaardfout * 100, 1)}%), {DutchFormat.Number(s.Respondenten, 0)} respondenten, gewichtssom {N(s.Gewichtssom, 2)}");
        Console.WriteLine($"  {N(s.Interval.Betrouwbaarheid * 100, 1)}%-betrouwbaarheidsinterval: {V(s.Interval.Ondergrens)} tot {V(s.Interval.Bovengrens)}");
        Console.WriteLine($"  interval volgens {s.Interval.Methode}");
        Console.WriteLine($"  standaardfout: {s.Methode}");
    }

    /// <summary>A survey file from disk: CSV (the survey reader, with '#' comments) or XLSX (the importer's sheet reader).</summary>
    internal static class SurveyFiles
    {
        public static SurveyTable Read(string path)
        {
            if (FileFormats.FromName(path) != FileFormat.Xlsx) return SurveyTable.ReadFile(path);
            if (!File.Exists(path)) throw new SurveyDataException($"Bestand '{path}' bestaat niet.");
            using var s = File.OpenRead(path);
            var name = Path.GetFileName(path);
            try { return SurveyTable.FromSheet(name, TabularReader.Read(s, FileFormat.Xlsx).Select(r => (r.Number, r.Cells, r.Numbers)).ToList()); }
            catch (TabularFormatException e) { throw new SurveyDataException(e.Row is { } row ? $"{name}, rij {row}: {e.Message}." : $"{name}: {e.Message}."); }
        }
    }

    private static string Trunc(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";

    private static Command BuildAanbesteding(string name, bool hidden)
    {
        var map = Text("--map", "Map met de gegevens van het rapport De Beleidsonderzoekers 2023 (standaard data/published/aanbestedingsenquete)");
        var overrides = ParameterOverrides();
        var format = Format();
        var cmd = new Command(name, "Reproductie van het rapport De Beleidsonderzoekers 2023 (bij Kamerstuk 34 352, nr. 279) deel 2: weegfactoren (§7.3) en de keten personen → banen (§8.1.4–8.1.6), met de tegenstrijdigheid")
            { map, overrides, format };
        cmd.Hidden = hidden;
        cmd.SetAction(r =>
        {
            var json = IsJson(r, format);
            var parameters = Parameters(r, overrides);
            var dir = r.GetValue(map) ?? PublishedFolder().PathOf("aanbestedingsenquete");
            if (!Directory.Exists(dir)) throw new CliException($"Map '{dir}' bestaat niet.");
            ProcurementSurveyReproduction rep;
            try
            {
                var data = ProcurementSurveyData.Parse(f =>
                {
                    var p = Path.Combine(dir, f);
                    return File.Exists(p) ? File.ReadAllText(p) : throw new CliException($"Bestand '{p}' ontbreekt.");
                });
                rep = QuotumCommand.Wrap(() => ProcurementSurvey.Reproduce(data, parameters));
            }
            catch (SurveyDataException e) { throw new CliException(e.Message); }
            var output = ToJson(rep);
            if (json) { WriteJson(output); return 0; }
            PrintAanbesteding(output, rep);
            return 0;
        });
        return cmd;
    }

    public static AanbestedingJson ToJson(ProcurementSurveyReproduction r)
    {
        KetenStapJson K(ChainStep s) => new(s.Name, s.DescriptionDutch, s.Formula, s.Printed, s.Recomputed, s.Possible.Low, s.Possible.High, s.AgreementDutch, s.Source, s.NoteDutch);
        return new AanbestedingJson(
            r.Weights.Select(w => new GewichtJson(w.Sector, w.SizeClass, w.Respondents, w.PopulationSharePrinted, w.RecomputedFromPrintedShares, w.PrintedWeight,
                w.PossibleWeights.Low, w.PossibleWeights.High, w.ExplainedByRounding, w.ExplanationDutch)).ToList(),
            r.ImpliedPopulationShareSum, r.Collapsed.Select(c => c.DescriptionDutch).ToList(),
            r.Chain.Select(K).ToList(), r.Contradictions.Select(K).ToList(),
            r.PrintedLow, r.PrintedHigh, r.CorrectedLow, r.CorrectedHigh, r.FindingsDutch, r.Trace.ToView());
    }

    private static void PrintAanbesteding(AanbestedingJson o, ProcurementSurveyReproduction rep)
    {
        Console.WriteLine("Rapport De Beleidsonderzoekers 2023 (bij Kamerstuk 34 352, nr. 279) deel 2: banen in de markt vanwege inkoop en SROI (Q1 2022)");
        Console.WriteLine(new string('=', 78));
        Console.WriteLine("Weegfactoren §7.3 (gewicht = aandeel in de populatie ÷ aandeel in de respons)");
        foreach (var s in o.Samengevoegd) Console.WriteLine($"  samengevoegd: {s}");
        Console.WriteLine($"  {"sector",-14}{"klasse",-8}{"n",6}{"pop.%",7}{"herber.",9}{"gedrukt",9}  {"mogelijk bij afronding",-22}");
        foreach (var w in o.Gewichten)
            Console.WriteLine($"  {w.Sector,-14}{w.Grootteklasse,-8}{DutchFormat.Number(w.Respondenten, 0),6}{DutchFormat.Number(w.AandeelPopulatieGedrukt, 2),7}{N(w.Herberekend, 3),9}{DutchFormat.Fixed(w.Gedrukt, 2),9}  " +
                              $"{DutchFormat.Fixed(w.MogelijkVan, 3)}–{DutchFormat.Fixed(w.MogelijkTot, 3)} {(w.VerklaardDoorAfronding ? "ok" : "NIET VERKLAARD")}");
        Console.WriteLine();
        Console.WriteLine("Keten §8.1.4–8.1.6, elke stap herberekend uit de eigen gedrukte invoer:");
        foreach (var s in o.Keten)
            Console.WriteLine($"  {(s.Oordeel.StartsWith("TEGEN") ? "!!" : "  ")} {s.Omschrijving,-62} gedrukt {DutchFormat.Number(s.Gedrukt, 2),9}  herberekend {DutchFormat.Number(s.Herberekend, 2),11}  {s.Oordeel}");
        Console.WriteLine();
        Console.WriteLine("Bevindingen:");
        foreach (var b in o.Bevindingen) Console.WriteLine($"- {b}");
        Console.WriteLine();
        Console.WriteLine("Uitleg per stap:");
        Console.Write(rep.Trace.ToText());
    }
}
