using System.Globalization;
using Banenmonitor.Rules.Parameters;

namespace Banenmonitor.Rules.Published;

/// <summary>
/// All published figures of one sector in one year, from every document that mentions them. The properties pick the
/// primary figure per quantity: the sector report over that year first (its table before its text), then later or
/// other documents. <see cref="Figures"/> keeps every figure, so contradicting versions stay visible.
/// </summary>
public sealed record SectorYearFigures(PublicSector Sector, int Year, IReadOnlyList<PublishedFigure> Figures, Func<string, int?> ReportYearOf)
{
    public PublishedFigure? Target => Primary(Quantities.Target);
    public PublishedFigure? Realised => Primary(Quantities.Realised);
    public PublishedFigure? Percentage => Primary(Quantities.Percentage);
    public PublishedFigure? Sroi => Primary(Quantities.Sroi);
    public PublishedFigure? RealisedIncludingSroi => Primary(Quantities.RealisedIncludingSroi);
    public PublishedFigure? PercentageIncludingSroi => Primary(Quantities.PercentageIncludingSroi);
    public PublishedFigure? HiredIn => Primary(Quantities.HiredIn);
    public PublishedFigure? OwnEmployment => Primary(Quantities.OwnEmployment);
    public PublishedFigure? SharePermanent => Primary(Quantities.SharePermanent);
    public PublishedFigure? ShareTemporary => Primary(Quantities.ShareTemporary);
    public PublishedFigure? ShareHiredIn => Primary(Quantities.ShareHiredIn);
    public PublishedFigure? OrganisationsReported => Primary(Quantities.OrganisationsReported);
    public PublishedFigure? OrganisationsTotal => Primary(Quantities.OrganisationsTotal);
    public PublishedFigure? StaffShareReported => Primary(Quantities.StaffShareReported);

    public bool IsEmpty => Figures.Count == 0;

    /// <summary>Realisation ÷ target × 100 from the primary figures (not rounded), when both are known.</summary>
    public decimal? ComputedPercentage => Target is { Value: > 0 } t && Realised is { } r ? r.Value / t.Value * 100m : null;

    /// <summary>(Realisation + SROI) ÷ target × 100, when known.</summary>
    public decimal? ComputedPercentageIncludingSroi =>
        Target is not { Value: > 0 } t ? null
        : RealisedIncludingSroi is { } i ? i.Value / t.Value * 100m
        : Realised is { } r && Sroi is { } s ? (r.Value + s.Value) / t.Value * 100m : null;

    /// <summary>Coverage in Dutch, e.g. "33 van 35 organisaties" or "21 van 36 organisaties, 79% van het personeel".</summary>
    public string? Coverage
    {
        get
        {
            var parts = new List<string>();
            if (OrganisationsReported is { } r && OrganisationsTotal is { } t) parts.Add($"{r.Value} van {t.Value} organisaties");
            else if (OrganisationsReported is { } r2) parts.Add($"{r2.Value} organisaties");
            if (StaffShareReported is { } s) parts.Add($"{Units.DutchFormat.Number(s.Value, 1)}% van het personeel");
            return parts.Count == 0 ? null : string.Join(", ", parts);
        }
    }

    /// <summary>The primary figure of a quantity (main qualifier: none, "tabel" or "tekst").</summary>
    public PublishedFigure? Primary(string quantity) =>
        Figures.Where(f => f.Quantity == quantity && f.Qualifier is "" or "tabel" or "tekst")
            .OrderBy(f => ReportYearOf(f.Document) == Year ? 0 : 1)
            .ThenBy(f => f.Qualifier == "tekst" ? 1 : 0)
            .ThenByDescending(f => ReportYearOf(f.Document) ?? 0)
            .FirstOrDefault();

    /// <summary>Every version of a quantity (several documents, table and text).</summary>
    public IEnumerable<PublishedFigure> All(string quantity) => Figures.Where(f => f.Quantity == quantity);
}

/// <summary>
/// The published sector figures (<c>data/published/sectoren.csv</c> and <c>documenten.csv</c>), parsed from text.
/// Query by year (all thirteen sectors) or by sector (history). Figures users enter later are added with
/// <see cref="With"/> and flow through the same queries and the same <see cref="ConsistencyChecker"/>.
/// </summary>
public sealed class PublishedSectorFigures
{
    public const string FiguresHeader = "document,jaar,sector,grootheid,kenmerk,waarde,eenheid,benadering,sectie,citaat,toelichting";
    public const string DocumentsHeader = "document,titel,kenmerk,verslagjaar,status,bestand";

    public IReadOnlyList<PublishedDocument> Documents { get; }
    public IReadOnlyList<PublishedFigure> Figures { get; }

    public PublishedSectorFigures(IReadOnlyList<PublishedDocument> documents, IReadOnlyList<PublishedFigure> figures)
    {
        Documents = documents;
        Figures = figures.Select(f => Document(f.Document) is { Reference.Length: > 0 } d ? f with { DocumentName = d.Reference } : f).ToList();
    }

    /// <summary>How a user reads a document code (or codes joined by '/'): the reference from the catalogue.</summary>
    public string NameOf(string code) => NameOf(Documents, code);

    /// <inheritdoc cref="NameOf(string)"/>
    public static string NameOf(IEnumerable<PublishedDocument>? documents, string code) =>
        string.Join(" en ", code.Split('/').Select(c =>
            documents?.FirstOrDefault(d => d.Code == c) is { Reference.Length: > 0 } d ? d.Reference
            : c == "landelijke_meting" ? "de landelijke meting" : $"document {c}"));

    public PublishedDocument? Document(string code) => Documents.FirstOrDefault(d => d.Code == code);

    /// <summary>
    /// The code of the document a free-text source cites: the document whose reference (<i>kenmerk</i>, e.g.
    /// "Kamerstuk 34 352, nr. 255") the source begins with, the longest if several do; null when none does. The national
    /// and register files name their documents this way, so users read the title and number instead of a code.
    /// </summary>
    public static string? DocumentCited(IEnumerable<PublishedDocument> documents, string source) =>
        documents.Where(d => d.Reference.Length > 0 && source.StartsWith(d.Reference, StringComparison.Ordinal))
            .MaxBy(d => d.Reference.Length)?.Code;

    /// <inheritdoc cref="DocumentCited(IEnumerable{PublishedDocument}, string)"/>
    public string? DocumentCited(string source) => DocumentCited(Documents, source);
    public int? ReportYearOf(string document) => Document(document)?.ReportYear;

    public IEnumerable<int> Years => Figures.Where(f => !f.Sector.IsAggregate).Select(f => f.Year).Distinct().Order();

    /// <summary>One sector in one year (empty when nothing is known).</summary>
    public SectorYearFigures Get(PublicSector sector, int year) =>
        new(sector, year, Figures.Where(f => f.Sector == sector && f.Year == year).ToList(), ReportYearOf);

    /// <summary>All thirteen sectors for a year, in display order (sectors without figures included, empty).</summary>
    public IReadOnlyList<SectorYearFigures> ForYear(int year) => PublicSectors.All.Select(s => Get(s, year)).ToList();

    /// <summary>The history of a sector: every year with at least one figure, ascending.</summary>
    public IReadOnlyList<SectorYearFigures> History(PublicSector sector) =>
        Figures.Where(f => f.Sector == sector).Select(f => f.Year).Distinct().Order().Select(y => Get(sector, y)).ToList();

    /// <summary>
    /// Sum of the primary targets and realisations over the sectors of a year that publish both (no document publishes
    /// such a total; it is computed, and the sectors left out are named).
    /// </summary>
    public SectorTotals Totals(int year)
    {
        var rows = ForYear(year);
        var both = rows.Where(r => r.Target is not null && r.Realised is not null).ToList();
        return new SectorTotals(year, both.Sum(r => r.Target!.Value), both.Sum(r => r.Realised!.Value),
            both.Where(r => r.Sroi is not null).Sum(r => r.Sroi!.Value),
            both.Select(r => r.Sector).ToList(), rows.Except(both).Select(r => r.Sector).ToList());
    }

    /// <summary>These figures plus others (e.g. a sector report typed into the web app), with their document.</summary>
    public PublishedSectorFigures With(IEnumerable<PublishedFigure> figures, PublishedDocument? document = null) =>
        new(document is null || Documents.Any(d => d.Code == document.Code) ? Documents : [.. Documents, document], [.. Figures, .. figures]);

    /// <summary>Parses both files. Every problem names the file, line and column; nothing is returned when any row is wrong.</summary>
    public static PublishedSectorFigures Parse(string documentsCsv, string documentsFile, string figuresCsv, string figuresFile)
    {
        var documents = ParseDocuments(documentsCsv, documentsFile);
        var figures = ParseFigures(figuresCsv, figuresFile, documents);
        return new PublishedSectorFigures(documents, figures);
    }

    public static IReadOnlyList<PublishedDocument> ParseDocuments(string text, string file)
    {
        var lines = Csv.Read(new StringReader(text)).ToList();
        if (lines.Count == 0 || string.Join(",", lines[0].Fields) != DocumentsHeader)
            throw new FormatException($"{file}: kopregel moet '{DocumentsHeader}' zijn.");
        var problems = new List<string>();
        var docs = new List<PublishedDocument>();
        foreach (var (line, f) in lines.Skip(1))
        {
            var at = $"{file}, regel {line}";
            if (f.Length != 6) { problems.Add($"{at}: verwacht 6 kolommen, gevonden {f.Length}"); continue; }
            if (f[0].Length == 0) { problems.Add($"{at}, kolom document: ontbreekt"); continue; }
            if (docs.Any(d => d.Code == f[0])) { problems.Add($"{at}, kolom document: '{f[0]}' komt dubbel voor"); continue; }
            int? year = null;
            if (f[3].Length > 0)
            {
                if (!int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out var y)) { problems.Add($"{at}, kolom verslagjaar: '{f[3]}' is geen jaartal"); continue; }
                year = y;
            }
            if (!ParameterStatusText.TryParse(f[4], out var status)) { problems.Add($"{at}, kolom status: onbekend '{f[4]}'"); continue; }
            docs.Add(new PublishedDocument(f[0], f[1], f[2], year, status, f[5].Length == 0 ? null : f[5]));
        }
        if (problems.Count > 0) throw new FormatException(string.Join("\n", problems));
        return docs;
    }

    public static IReadOnlyList<PublishedFigure> ParseFigures(string text, string file, IReadOnlyList<PublishedDocument> documents)
    {
        var lines = Csv.Read(new StringReader(text)).ToList();
        if (lines.Count == 0 || string.Join(",", lines[0].Fields) != FiguresHeader)
            throw new FormatException($"{file}: kopregel moet '{FiguresHeader}' zijn.");
        var problems = new List<string>();
        var figures = new List<PublishedFigure>();
        var seen = new HashSet<(string, int, string, string, string)>();
        foreach (var (line, f) in lines.Skip(1))
        {
            var at = $"{file}, regel {line}";
            if (f.Length != 11) { problems.Add($"{at}: verwacht 11 kolommen, gevonden {f.Length}"); continue; }
            try
            {
                if (!documents.Any(d => d.Code == f[0])) throw new FormatException($"kolom document: onbekend document '{f[0]}' (niet in documenten.csv)");
                if (!int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2013 || year > 2100)
                    throw new FormatException($"kolom jaar: '{f[1]}' is geen jaartal");
                PublicSector sector;
                try { sector = PublicSectors.Parse(f[2]); } catch (FormatException e) { throw new FormatException("kolom sector: " + e.Message); }
                if (!Quantities.All.Contains(f[3])) throw new FormatException($"kolom grootheid: onbekend '{f[3]}' ({string.Join(", ", Quantities.All)})");
                if (f[3] == Quantities.Other && f[4].Length == 0) throw new FormatException("kolom kenmerk: verplicht bij grootheid kengetal");
                if (f[3] is Quantities.Difference or Quantities.DifferencePercent or Quantities.DirectionRealised or Quantities.DirectionPercentage
                    && !f[4].StartsWith("tov:", StringComparison.Ordinal))
                    throw new FormatException($"kolom kenmerk: verplicht 'tov:JAAR' bij grootheid {f[3]}");
                if (!decimal.TryParse(f[5], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                    throw new FormatException($"kolom waarde: '{f[5]}' is geen getal (punt als decimaalteken)");
                if (!Quantities.Units.Contains(f[6])) throw new FormatException($"kolom eenheid: onbekend '{f[6]}' ({string.Join(", ", Quantities.Units)})");
                var approximate = f[7] switch
                {
                    "ja" => true,
                    "nee" or "" => false,
                    _ => throw new FormatException($"kolom benadering: '{f[7]}' (ja of nee)"),
                };
                if (f[8].Length == 0) throw new FormatException("kolom sectie: ontbreekt");
                if (f[9].Length == 0) throw new FormatException("kolom citaat: ontbreekt");
                if (!seen.Add((f[0], year, sector.Code, f[3], f[4])))
                    throw new FormatException($"dubbele regel voor document {f[0]}, {year}, {sector.Code}, {f[3]} {f[4]}");
                figures.Add(new PublishedFigure(f[0], year, sector, f[3], f[4], value, f[6], approximate, f[8], f[9], f[10].Length == 0 ? null : f[10], line));
            }
            catch (FormatException e) { problems.Add($"{at}, {e.Message}"); }
        }
        if (problems.Count > 0) throw new FormatException(string.Join("\n", problems));
        return figures;
    }
}

/// <summary>Totals over the sectors of a year; <see cref="Missing"/> lists sectors without a target or realisation.</summary>
public sealed record SectorTotals(int Year, decimal Target, decimal Realised, decimal Sroi, IReadOnlyList<PublicSector> Included, IReadOnlyList<PublicSector> Missing)
{
    public decimal? Percentage => Target > 0 ? Realised / Target * 100m : null;
}

/// <summary>
/// A sector report as a user types it (web form): the figures of one sector and year from one document. Only the
/// fields filled in become figures; values keep the decimals the user typed.
/// </summary>
public sealed record SectorReport(
    string Document,
    PublicSector Sector,
    int Year,
    decimal? Target = null,
    decimal? Realised = null,
    decimal? Percentage = null,
    decimal? Sroi = null,
    decimal? PercentageIncludingSroi = null,
    decimal? HiredIn = null,
    decimal? OrganisationsReported = null,
    decimal? OrganisationsTotal = null,
    string Section = "invoer",
    string Quote = "ingevoerd door gebruiker")
{
    public IReadOnlyList<PublishedFigure> ToFigures()
    {
        var list = new List<PublishedFigure>();
        void Add(string q, decimal? v, string unit)
        {
            if (v is { } x) list.Add(new PublishedFigure(Document, Year, Sector, q, "", x, unit, false, Section, Quote));
        }
        Add(Quantities.Target, Target, "fta");
        Add(Quantities.Realised, Realised, "fta");
        Add(Quantities.Percentage, Percentage, "%");
        Add(Quantities.Sroi, Sroi, "fta");
        Add(Quantities.PercentageIncludingSroi, PercentageIncludingSroi, "%");
        Add(Quantities.HiredIn, HiredIn, "fta");
        Add(Quantities.OrganisationsReported, OrganisationsReported, "aantal");
        Add(Quantities.OrganisationsTotal, OrganisationsTotal, "aantal");
        return list;
    }
}
