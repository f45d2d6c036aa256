using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Reports.Progress;

/// <summary>
/// The yearly progress report (<i>voortgangsrapportage banenafspraak</i>): a model built from the published figures
/// (and approved sector reports), rendered by <see cref="Rendering.HtmlReportRenderer"/>,
/// <see cref="Rendering.PdfReportRenderer"/> and <see cref="Rendering.XlsxReportRenderer"/>. Every number in it is a
/// <see cref="ReportValue"/> that knows its sources (numbers in <see cref="Sources"/>); nothing is typed in by hand.
/// </summary>
public sealed record ProgressReport(
    int Year,
    PublicSector? Sector,
    bool IsConcept,
    string Title,
    NationalSection? National,
    IReadOnlyList<SectorSection> Sectors,
    IReadOnlyList<OverviewRow> Overview,
    IReadOnlyList<Contradiction> Contradictions,
    IReadOnlyList<SourceNote> Sources,
    string? SectorPercentageChart,
    RegimesSection? Regimes = null,
    IReadOnlyList<ResolvedContradiction>? Resolutions = null,
    IReadOnlyList<FigureTrace>? Traces = null,
    WorkAgendaSection? WorkAgendas = null)
{
    /// <summary>The annex: every resolved substantive finding of the report's figures beside its resolution.</summary>
    public IReadOnlyList<ResolvedContradiction> ResolvedContradictions => Resolutions ?? [];

    /// <summary>The annex "Uitleg van de berekende cijfers": the explanation of every figure the report computed.</summary>
    public IReadOnlyList<FigureTrace> Explanations => Traces ?? [];

    /// <summary>True when this is the report of one sector (<c>--sector</c>), false for the national report.</summary>
    public bool IsSectorReport => Sector is not null;
}

/// <summary>A published or computed number with its unit, precision and sources.</summary>
/// <param name="Unit"><c>fta</c>, <c>%</c>, <c>banen</c>, <c>personen</c> or <c>aantal</c>.</param>
/// <param name="Computed">True when the report computed it from published inputs (labelled "berekend").</param>
/// <param name="Flag">Set when an unresolved source contradiction (<i>inhoudelijk</i>) touches this figure.</param>
/// <param name="Trace">The number of its explanation in the annex (<see cref="FigureTrace"/>) when the report computed it.</param>
/// <param name="Resolved">Set when a resolution settled this figure: <see cref="Value"/> is then the value that stands.</param>
public sealed record ReportValue(
    decimal Value,
    int Decimals,
    string Unit,
    bool Approximate,
    bool Computed,
    IReadOnlyList<int> Sources,
    ContradictionFlag? Flag = null,
    int? Trace = null,
    ResolvedMark? Resolved = null)
{
    /// <summary>Reference to the annex of explanations: "U3".</summary>
    public string? TraceReference => Trace is { } n ? $"U{n}" : null;

    /// <summary>Dutch text: "5.250 fta", "120,4%", "ca. 1.290 fta".</summary>
    public string Text => (Approximate ? "ca. " : "") + WithUnit(Number, Unit);

    /// <summary>A Dutch number with its unit as the report writes it: "120,4%", "5.250 fta", "3".</summary>
    public static string WithUnit(string number, string unit) => number + (unit switch { "%" => "%", "" or "aantal" => "", _ => " " + unit });

    /// <summary>The number alone in Dutch notation, with exactly its published decimals.</summary>
    public string Number => DutchFormat.Fixed(Value, Math.Max(0, Decimals));
}

/// <summary>
/// Marks a figure the sources contradict: the value the other source or the recomputation gives, and the number of
/// the contradiction in the section "Tegenstrijdigheden in de bronnen".
/// </summary>
public sealed record ContradictionFlag(int Number, decimal? Other, int Decimals, string Unit, string OtherLabel)
{
    /// <summary>"berekend: 59,6%" or "andere versie: 663"; without a comparable value only the reference.</summary>
    public string Text => Other is { } o ? $"{OtherLabel}: {DutchFormat.Fixed(o, Math.Max(0, Decimals))}{(Unit == "%" ? "%" : "")}" : OtherLabel;

    /// <summary>Reference to the list of contradictions: "T1".</summary>
    public string Reference => $"T{Number}";
}

/// <summary>One line of a table: a Dutch label and its value (null = not published).</summary>
public sealed record ReportRow(string Label, ReportValue? Value, string? Note = null);

/// <summary>The national measurement of the year (Kamerstuk 34 352, nr. 255, Tabel 1 form) and the target group register.</summary>
/// <param name="Columns">Column heads of <see cref="Table"/> (markt, overheid, totaal).</param>
/// <param name="Table">Rows: formal employment, hired-in, total, target, difference with the target.</param>
/// <param name="ByForm">True when the year's figures are split by form (formal / hired-in); otherwise totals only.</param>
public sealed record NationalSection(
    int Year,
    IReadOnlyList<string> Columns,
    IReadOnlyList<NationalRow> Table,
    bool ByForm,
    IReadOnlyList<ReportRow> Facts,
    IReadOnlyList<ReportRow> Register,
    IReadOnlyList<string> Notes,
    string TargetPathChart);

/// <summary>One row of the national table: a label and one value per column.</summary>
public sealed record NationalRow(string Label, IReadOnlyList<ReportValue?> Cells, bool Emphasis = false);

/// <summary>One sector in the letters' form: figures (Cijfermatige realisatie), comparison, coverage, narrative, trend.</summary>
public sealed record SectorSection(
    PublicSector Sector,
    int Year,
    bool HasFigures,
    IReadOnlyList<ReportRow> Realisation,
    IReadOnlyList<ReportRow> Composition,
    int? PreviousYear,
    IReadOnlyList<ReportRow> Comparison,
    IReadOnlyList<ReportRow> Coverage,
    string? CoverageText,
    SectorNarrative? Narrative,
    string? TrendChart,
    Survey.SectorTotals.SectorTotalView? Total = null,
    Sectors.SectorEmployerDistribution? Employers = null); // the approved total from the register and "Verdeling over werkgevers"

/// <summary>The text a sector wrote about its year (approved sector report).</summary>
public sealed record SectorNarrative(string? GeneralPicture, string? QualityAndSustainability, string Source);

/// <summary>One line of the closing overview table of all sectors.</summary>
public sealed record OverviewRow(
    PublicSector Sector,
    ReportValue? Target,
    ReportValue? Realised,
    ReportValue? Percentage,
    ReportValue? ComputedPercentage,
    ReportValue? Sroi,
    ReportValue? PercentageIncludingSroi,
    ReportValue? PreviousPercentage,
    string? Coverage);

/// <summary>A contradiction between or within the sources (<i>inhoudelijk</i> verschil of <c>controle</c>).</summary>
public sealed record Contradiction(
    int Number,
    string Sector,
    string Figure,
    string Document,
    decimal Published,
    decimal Computed,
    string Explanation,
    string Source,
    string PublishedText,
    string ComputedText);

/// <summary>A substantive finding an analyst resolved, for the annex: the finding and which value stands, why, who and when.</summary>
public sealed record ResolvedContradiction(
    int Number,
    string Key,
    string Sector,
    string Figure,
    string Document,
    string PublishedText,
    string ComputedText,
    string Explanation,
    string Choice,
    string ValueText,
    string? Source,
    string Reason,
    string ResolvedBy,
    DateTime ResolvedAt)
{
    /// <summary>Reference in the annex: "O1".</summary>
    public string Reference => $"O{Number}";
}

/// <summary>A numbered source: the document, the place in it and the quoted sentence.</summary>
public sealed record SourceNote(int Number, string Document, string DocumentTitle, string Section, string Quote, string? Note)
{
    public string Text => $"{DocumentTitle}{(Section.Length > 0 ? ", " + Section : "")}: \u201C{Quote}\u201D" + (Note is null ? "" : $" ({Note})");
}

/// <summary>
/// "Twee regimes naast elkaar": the year's published figures under the quotumregeling (market and government measured and
/// tested apart; SROI jobs count for the supplier) and in the view of the Wet banenafspraak 2025 (one national measurement;
/// who realises a job does not matter, so SROI/procurement jobs count for the procuring sector: the SROI scenario).
/// </summary>
public sealed record RegimesSection(
    int Year,
    IReadOnlyList<string> Introduction,
    IReadOnlyList<RegimeNationalRow> National,
    IReadOnlyList<RegimeSectorRow> Sectors,
    IReadOnlyList<string> Differences)
{
    /// <summary>The articles of law of both regimes, each with its link to wetten.overheid.nl (rendered as links in HTML and PDF).</summary>
    public IReadOnlyList<Banenmonitor.Rules.Contracts.WetsverwijzingView> LegalBasis { get; init; } = [];
}

/// <summary>One line of the national comparison: the value under each regime (null: the regime has no such figure).</summary>
public sealed record RegimeNationalRow(string Label, ReportValue? Quotumregeling, ReportValue? WetBanenafspraak, bool Emphasis = false);

/// <summary>One sector under both countings: realisation percentage now and with SROI jobs counted for the procurer.</summary>
public sealed record RegimeSectorRow(
    PublicSector Sector,
    ReportValue Target,
    ReportValue Realised,
    ReportValue Percentage,
    ReportValue? Sroi,
    ReportValue? PercentageSroiScenario,
    ReportValue? Difference,
    string Explanation);
