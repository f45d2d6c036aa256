using System.CommandLine;
using System.Globalization;
using Banenmonitor.Data;
using Banenmonitor.Reports.Sectors;
using Banenmonitor.Rules.Published;
using Banenmonitor.Survey;
using Banenmonitor.Survey.SectorTotals;
using static Banenmonitor.Cli.CliSupport;

namespace Banenmonitor.Cli.Commands;

/// <summary>
/// <c>banenmonitor sector schat</c>: the total of a sector made of many employers when not all of them report — the
/// plain sum (lower bound), a ratio estimate and a post-stratified estimate, each with standard error, 95% interval and
/// its assumption; from two CSV files (register and reports), from the database, or from the published aggregates.
/// </summary>
public static class SectorCommand
{
    public sealed record DekkingJson(int WerkgeversGerapporteerd, int WerkgeversTotaal, double AandeelWerkgevers, double AandeelOmvang, string Omschrijving);
    public sealed record SchattingJson(string Methode, string Omschrijving, double Schatting, double? Standaardfout, double? Ondergrens95, double? Bovengrens95,
        bool IsOndergrens, string Aanname, string Berekening, IReadOnlyList<string> Opmerkingen);
    public sealed record VastgelegdJson(string Methode, decimal Schatting, string Door, DateTime Op, string? Reden);
    public sealed record SectorSchattingJson(string Sector, int Jaar, string Bron, DekkingJson? Dekking, decimal? GepubliceerdeSom, string? GepubliceerdeDekking,
        string? GekozenMethode, IReadOnlyList<SchattingJson> Schattingen, VastgelegdJson? Vastgelegd, IReadOnlyList<string> Opmerkingen,
        KerncijfersJson? Kerncijfers = null, IReadOnlyList<WerkgeverJson>? Werkgevers = null);
    /// <summary>One employer of the register, ranked by percentage of its own target (the shared service's list).</summary>
    public sealed record WerkgeverJson(int? Rang, string Werkgever, string Naam, string Grootteklasse, decimal Omvang, decimal? Doel, decimal? Realisatie,
        decimal? PercentageVanDoel, decimal? Achterstand, decimal? Vast, decimal? Tijdelijk, decimal? Inhuur, bool OnderHelftVanDoel, IReadOnlyList<string> Opmerkingen);
    public sealed record VerdelingJson(string Klasse, int Werkgevers);
    /// <summary>What the documents report of a sector's employers: not reported, no jobs, below half of the own target, the distribution.</summary>
    public sealed record KerncijfersJson(int Werkgevers, int Gerapporteerd, int NietGerapporteerd, int ZonderBanen, int MetDoelEnRapportage, int OnderHelftVanDoel,
        decimal? PercentageOnderHelft, int DoelGehaald, decimal? MediaanPercentage, IReadOnlyList<VerdelingJson> Verdeling);

    public static Command Build()
    {
        var cmd = new Command("sector", "Sectortotalen uit rapportages van werkgevers: dekking, schatting en interval");
        cmd.Subcommands.Add(Schat());
        return cmd;
    }

    private static Command Schat()
    {
        var sector = Text("--sector", "Sectorcode, bijvoorbeeld hbo of mbo");
        var jaar = Text("--jaar", "Jaar");
        var methode = Text("--methode", $"Gekozen methode: {SectorTotalMethodText.Codes} (standaard: alle tonen)");
        var register = Text("--register", "CSV met het register: werkgever, grootteklasse, omvang");
        var rapportages = Text("--rapportages", "CSV met de rapportages: werkgever, realisatie");
        var database = DataSupport.Database();
        var provider = DataSupport.Provider();
        var vastleggen = new Option<bool>("--vastleggen") { Description = "Leg de gekozen methode en haar schatting vast in de database (met audit)" };
        var door = Text("--door", "Wie de methode kiest (de sectorvertegenwoordiger), bij --vastleggen; standaard BANENMONITOR_GEBRUIKER");
        var reden = Text("--reden", "Waarom deze methode, bij --vastleggen");
        var format = Format();
        var cmd = new Command("schat", "Schat het totaal van een sector als niet alle werkgevers rapporteren")
            { sector, jaar, methode, register, rapportages, database, provider, vastleggen, door, reden, format };
        cmd.SetAction(r =>
        {
            var json = IsJson(r, format);
            var code = r.GetValue(sector)?.Trim().ToLowerInvariant() ?? throw new CliException("Geef een sector op met --sector.");
            if (PublicSectors.Find(code) is null)
                throw new CliException($"Onbekende sector '{code}'. Kies uit: {string.Join(", ", PublicSectors.All.Select(s => s.Code))}.");
            var year = Int(r, jaar, required: true)!.Value;
            SectorTotalMethod? chosen = null;
            if (r.GetValue(methode) is { } m)
                chosen = SectorTotalMethodText.TryParse(m, out var mm) ? mm : throw new CliException($"Onbekende methode '{m}'. Kies uit: {SectorTotalMethodText.Codes}.");
            var regFile = r.GetValue(register);
            var repFile = r.GetValue(rapportages);
            var db = r.GetValue(database);
            if ((regFile is null) != (repFile is null)) throw new CliException("Geef --register en --rapportages samen op.");
            if (regFile is not null && db is not null) throw new CliException("Kies bestanden (--register, --rapportages) óf --database, niet allebei.");
            if (r.GetValue(vastleggen) && (db is null || chosen is null))
                throw new CliException("--vastleggen vraagt --database en --methode.");

            var published = ControleCommand.LoadSectors(null, null).Get(PublicSectors.Find(code)!, year);
            var pub = PublishedSectorTotal.From(published);
            SectorSchattingJson output;
            if (regFile is not null) output = FromRegister(code, year, "bestanden", ReadFiles(regFile, repFile!), chosen, pub);
            else if (db is not null) output = FromDatabase(code, year, DataSupport.Settings(r, database, provider), chosen, pub, r.GetValue(vastleggen),
                r.GetValue(door) ?? DataSupport.User(), r.GetValue(reden));
            else output = FromPublished(code, year, pub, chosen);

            if (json) WriteJson(output);
            else WriteText(output);
            return 0;
        });
        return cmd;
    }

    private static SectorSchattingJson FromPublished(string code, int year, PublishedSectorTotal pub, SectorTotalMethod? chosen)
    {
        if (pub.PublishedSum is null) throw new CliException($"Over {year} is van {code} geen realisatie gepubliceerd; geef een register en rapportages op.");
        var list = new List<SchattingJson>
        {
            new(SectorTotalMethod.Sum.Code(), SectorTotalMethod.Sum.Dutch(), (double)pub.PublishedSum.Value, null, null, null, pub.Incomplete,
                SectorTotalEstimator.SumAssumption, $"gepubliceerde realisatie ({pub.Source})", pub.Incomplete ? ["Niet alle werkgevers rapporteerden: dit is een ondergrens."] : []),
        };
        if (pub.Estimate is { } e) list.Add(ToJson(e));
        if (chosen is SectorTotalMethod.PostStratified || (chosen is SectorTotalMethod.Ratio && pub.Estimate is null))
            throw new CliException($"Voor de methode '{chosen.Value.Code()}' zijn cijfers per werkgever nodig (--register en --rapportages, of --database); " +
                                   "de gepubliceerde cijfers geven alleen totalen.");
        var notes = new List<string> { "Uit de gepubliceerde totalen; zonder cijfers per werkgever geen standaardfout of interval." };
        return new SectorSchattingJson(code, year, "gepubliceerd", null, pub.PublishedSum, pub.CoverageDutch, chosen?.Code(), Filter(list, chosen), null, notes);
    }

    private static SectorSchattingJson FromDatabase(string code, int year, DatabaseSettings settings, SectorTotalMethod? chosen, PublishedSectorTotal pub,
        bool record, string by, string? reason)
    {
        using var ctx = DataSupport.Open(settings);
        SectorRegisterOutcome? outcome;
        try { outcome = SectorRegisterEstimates.LoadAsync(ctx, code, year).GetAwaiter().GetResult(); }
        catch (InvalidOperationException e) { throw new CliException(e.Message); }
        if (outcome is null) throw new CliException($"Het sectorregister van {code} over {year} is leeg in {settings}; lees het in met soort 'sectorregister'.");
        var result = FromOutcome(outcome, "database", chosen, pub);
        if (!record) return result;
        try
        {
            var stored = SectorRegisterEstimates.RecordAsync(ctx, outcome, chosen!.Value, by, reason).GetAwaiter().GetResult();
            return result with { Vastgelegd = new VastgelegdJson(stored.Method, stored.Estimate, stored.ChosenBy, stored.ChosenAt, stored.Reason) };
        }
        catch (ArgumentException e) { throw new CliException(e.Message); }
    }

    private static SectorSchattingJson FromRegister(string code, int year, string source, IReadOnlyList<RegisterUnit> units, SectorTotalMethod? chosen,
        PublishedSectorTotal pub)
    {
        try
        {
            var figures = units.Select(u => new SectorEmployerFigures(u.Id, u.Id, u.SizeClass, (decimal)u.Size, null, (decimal?)u.ReportedJobs)).ToList();
            return FromOutcome(SectorRegisterEstimates.Compute(code, year, figures), source, chosen, pub);
        }
        catch (ArgumentException e) { throw new CliException(e.Message); }
    }

    /// <summary>The shared service's outcome as the command's JSON: every method, or the sum and the chosen one.</summary>
    private static SectorSchattingJson FromOutcome(SectorRegisterOutcome o, string source, SectorTotalMethod? chosen, PublishedSectorTotal pub)
    {
        var list = o.Estimates.Where(e => chosen is null || e.Method == SectorTotalMethod.Sum || e.Method == chosen).Select(ToJson).ToList();
        if (chosen is { } c && o.For(c) is null)
            throw new CliException($"Voor de methode '{c.Code()}' zijn minstens 2 rapporterende werkgevers nodig; er zijn er {o.Coverage.EmployersReported}.");
        var notes = chosen is null ? o.Notes.ToList() : o.Notes.Where(n => !n.StartsWith("Minder dan twee", StringComparison.Ordinal)).ToList();
        notes.AddRange(o.Employers.SelectMany(e => e.Notes.Select(n => $"{e.Name}: {n}")));
        var cov = o.Coverage;
        return new SectorSchattingJson(o.Sector, o.Year, source,
            new DekkingJson(cov.EmployersReported, cov.EmployersTotal, cov.EmployerShare, cov.SizeShare, o.CoverageDutch),
            pub.PublishedSum, pub.CoverageDutch, chosen?.Code(), list, null, notes,
            new KerncijfersJson(o.Summary.Employers, o.Summary.Reported, o.Summary.NotReported, o.Summary.WithoutJobs, o.Summary.WithTargetAndReport,
                o.Summary.BelowHalf, o.Summary.BelowHalfPercent, o.Summary.TargetReached, o.Summary.MedianPercent,
                o.Distribution.Select(b => new VerdelingJson(b.Label, b.Employers)).ToList()),
            o.Employers.Select(e => new WerkgeverJson(e.Rank, e.Id, e.Name, e.SizeClass, e.Size, e.TargetJobs, e.RealisedJobs, e.PercentOfTarget, e.Shortfall,
                e.PermanentJobs, e.TemporaryJobs, e.HiredInJobs, e.BelowHalf, e.Notes)).ToList());
    }

    private static IReadOnlyList<SchattingJson> Filter(List<SchattingJson> list, SectorTotalMethod? chosen) =>
        chosen is null ? list : list.Where(s => s.Methode == SectorTotalMethod.Sum.Code() || s.Methode == chosen.Value.Code()).ToList();

    /// <summary>Register and reports from two CSV files; every problem names file, row and column.</summary>
    public static IReadOnlyList<RegisterUnit> ReadFiles(string registerFile, string reportsFile)
    {
        try
        {
            foreach (var f in new[] { registerFile, reportsFile })
                if (!File.Exists(f)) throw new CliException($"Invoerbestand '{f}' bestaat niet.");
            var reg = SurveyTable.ReadFile(registerFile);
            var rep = SurveyTable.ReadFile(reportsFile);
            var ids = reg.Text("werkgever");
            var classes = reg.Text("grootteklasse");
            var sizes = reg.Numbers("omvang", min: 0);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < ids.Length; i++)
            {
                if (!seen.TryAdd(ids[i], i)) throw SurveyDataException.At(reg.FileName, reg.LineNumbers[i], "werkgever", $"werkgever '{ids[i]}' staat al op rij {reg.LineNumbers[seen[ids[i]]]}.");
                if (!SectorRegisterEstimates.ClassOrder.Contains(classes[i])) throw SurveyDataException.At(reg.FileName, reg.LineNumbers[i], "grootteklasse", $"'{classes[i]}' is geen grootteklasse; kies uit {string.Join(", ", SectorRegisterEstimates.ClassOrder)}.");
            }
            var repIds = rep.Text("werkgever");
            var jobs = rep.Numbers("realisatie", min: 0);
            var reported = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var i = 0; i < repIds.Length; i++)
            {
                if (!seen.ContainsKey(repIds[i])) throw SurveyDataException.At(rep.FileName, rep.LineNumbers[i], "werkgever", $"werkgever '{repIds[i]}' staat niet in het register ({reg.FileName}).");
                if (!reported.TryAdd(repIds[i], jobs[i])) throw SurveyDataException.At(rep.FileName, rep.LineNumbers[i], "werkgever", $"werkgever '{repIds[i]}' rapporteert twee keer.");
            }
            return ids.Select((id, i) => new RegisterUnit(id, classes[i], sizes[i], reported.TryGetValue(id, out var j) ? j : null)).ToList();
        }
        catch (SurveyDataException e) { throw new CliException(e.Message); }
    }


    public static SchattingJson ToJson(SectorTotalEstimate e) => new(e.Method.Code(), e.MethodDutch, e.Estimate, e.StandardError, e.Interval?.Lower, e.Interval?.Upper,
        e.IsLowerBound, e.AssumptionDutch, e.ComputationDutch, e.NotesDutch);

    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");
    private static string N(double? v) => v is { } x ? x.ToString("N1", Nl) : "—";

    private static void WriteText(SectorSchattingJson o)
    {
        Console.WriteLine($"Sector {o.Sector}, {o.Jaar} (bron: {o.Bron})");
        if (o.Dekking is { } d) Console.WriteLine($"Dekking: {d.Omschrijving}");
        if (o.Kerncijfers is { } k)
            Console.WriteLine($"Werkgevers: {k.Werkgevers}, niet gerapporteerd {k.NietGerapporteerd}, zonder banen {k.ZonderBanen}, " +
                              $"minder dan de helft van het eigen doel {k.OnderHelftVanDoel} van {k.MetDoelEnRapportage}" +
                              (k.PercentageOnderHelft is { } ph ? $" ({ph.ToString("0.0", Nl)}%)" : ""));
        foreach (var w in (o.Werkgevers ?? []).Where(w => w.Rang is not null))
            Console.WriteLine($"  {w.Rang,3}. {w.Naam}: {w.Realisatie?.ToString("N1", Nl)} van {w.Doel?.ToString("N1", Nl)} ({w.PercentageVanDoel?.ToString("0.0", Nl)}%)");
        if (o.GepubliceerdeSom is { } s) Console.WriteLine($"Gepubliceerd: {s.ToString("N0", Nl)} banen" + (o.GepubliceerdeDekking is { } gd ? $" ({gd})" : ""));
        foreach (var e in o.Schattingen)
        {
            Console.WriteLine();
            Console.WriteLine($"{e.Omschrijving}: {N(e.Schatting)}" + (e.IsOndergrens ? " (ondergrens)" : "") +
                              (e.Standaardfout is { } se ? $"; standaardfout {N(se)}; 95%-interval {N(e.Ondergrens95)} – {N(e.Bovengrens95)}" : "; geen standaardfout"));
            Console.WriteLine($"  {e.Aanname}");
            Console.WriteLine($"  Berekening: {e.Berekening}");
            foreach (var n in e.Opmerkingen) Console.WriteLine($"  Let op: {n}");
        }
        foreach (var n in o.Opmerkingen) Console.WriteLine("Let op: " + n);
        if (o.Vastgelegd is { } v) Console.WriteLine($"Vastgelegd: methode {v.Methode}, {v.Schatting.ToString("N1", Nl)} banen, door {v.Door}.");
    }
}
