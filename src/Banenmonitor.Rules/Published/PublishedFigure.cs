using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Rules.Published;

/// <summary>The codes of the quantities (<i>grootheden</i>) a sector figure can have. Stable: used in data files and JSON.</summary>
public static class Quantities
{
    /// <summary>Target (<i>doel</i>), fta.</summary>
    public const string Target = "doel";
    /// <summary>Realisation (<i>realisatie</i>) at the employers themselves (own employment and hired-in), excluding SROI, fta.</summary>
    public const string Realised = "realisatie";
    /// <summary>Realisation percentage as published (<i>realisatiepercentage</i>).</summary>
    public const string Percentage = "realisatiepercentage";
    /// <summary>Jobs via procurement / social return (<i>SROI, inkoop</i>), fta.</summary>
    public const string Sroi = "sroi";
    /// <summary>Realisation including SROI, fta.</summary>
    public const string RealisedIncludingSroi = "realisatie_incl_sroi";
    /// <summary>Realisation percentage including SROI.</summary>
    public const string PercentageIncludingSroi = "realisatiepercentage_incl_sroi";
    /// <summary>Part of the realisation that is hired in (<i>inhuur</i>), fta.</summary>
    public const string HiredIn = "inhuur";
    /// <summary>Part of the realisation in direct employment (<i>in directe/eigen dienst</i>), fta.</summary>
    public const string OwnEmployment = "eigen_dienst";
    /// <summary>Share of the realisation on a permanent contract, %.</summary>
    public const string SharePermanent = "aandeel_vast";
    /// <summary>Share on a temporary contract, %.</summary>
    public const string ShareTemporary = "aandeel_tijdelijk";
    /// <summary>Share hired in, %.</summary>
    public const string ShareHiredIn = "aandeel_inhuur";
    /// <summary>Number of organisations whose data the figure covers.</summary>
    public const string OrganisationsReported = "organisaties_gerapporteerd";
    /// <summary>Number of organisations in the sector.</summary>
    public const string OrganisationsTotal = "organisaties_totaal";
    /// <summary>Share of the sector's staff the reporting organisations employ, %.</summary>
    public const string StaffShareReported = "aandeel_personeel_gerapporteerd";
    /// <summary>Difference in realisation with an earlier year (qualifier <c>tov:YYYY</c>), fta.</summary>
    public const string Difference = "verschil";
    /// <summary>Relative difference in realisation with an earlier year (qualifier <c>tov:YYYY</c>), %.</summary>
    public const string DifferencePercent = "verschil_procent";
    /// <summary>How far the realisation is above the target, % points ("10% boven het einddoel").</summary>
    public const string AboveTargetPercent = "boven_doel_procent";
    /// <summary>Claimed direction of the realisation against an earlier year: 1 rise, -1 fall, 0 equal.</summary>
    public const string DirectionRealised = "richting_realisatie";
    /// <summary>Claimed direction of the realisation percentage against an earlier year.</summary>
    public const string DirectionPercentage = "richting_realisatiepercentage";
    /// <summary>Claimed position against the target: 1 above, -1 below.</summary>
    public const string DirectionTarget = "richting_doel";
    /// <summary>Any other number in the text (qualifier names it).</summary>
    public const string Other = "kengetal";

    public static readonly IReadOnlyList<string> All =
    [
        Target, Realised, Percentage, Sroi, RealisedIncludingSroi, PercentageIncludingSroi, HiredIn, OwnEmployment,
        SharePermanent, ShareTemporary, ShareHiredIn, OrganisationsReported, OrganisationsTotal, StaffShareReported,
        Difference, DifferencePercent, AboveTargetPercent, DirectionRealised, DirectionPercentage, DirectionTarget, Other,
    ];

    /// <summary>Units a figure may carry.</summary>
    public static readonly IReadOnlyList<string> Units = ["fta", "%", "aantal", "richting"];

    /// <summary>Dutch description of a quantity, for messages and tables.</summary>
    public static string Dutch(string quantity) => quantity switch
    {
        Target => "doel",
        Realised => "realisatie",
        Percentage => "realisatiepercentage",
        Sroi => "banen via SROI/inkoop",
        RealisedIncludingSroi => "realisatie inclusief SROI",
        PercentageIncludingSroi => "realisatiepercentage inclusief SROI",
        HiredIn => "via inhuur",
        OwnEmployment => "in eigen dienst",
        SharePermanent => "aandeel vaste aanstelling",
        ShareTemporary => "aandeel tijdelijke aanstelling",
        ShareHiredIn => "aandeel inhuur",
        OrganisationsReported => "organisaties die gegevens leverden",
        OrganisationsTotal => "organisaties in de sector",
        StaffShareReported => "aandeel van het personeel in de meting",
        Difference => "verschil met eerder jaar",
        DifferencePercent => "procentuele verandering",
        AboveTargetPercent => "percentage boven het doel",
        DirectionRealised => "richting van de realisatie",
        DirectionPercentage => "richting van het realisatiepercentage",
        DirectionTarget => "boven of onder het doel",
        _ => quantity,
    };
}

/// <summary>A document figures come from (<i>brondocument</i>): a seed letter or another public source.</summary>
public sealed record PublishedDocument(string Code, string Title, string Reference, int? ReportYear, ParameterStatus Status, string? File = null);

/// <summary>
/// One published number with its source: which document, which section, and the sentence or table cell it was read
/// from (quoted). <see cref="Value"/> keeps the decimals it was published with (69 ≠ 69.0), which is what makes the
/// rounding analysis possible. A figure typed into the web app has the same shape, with the user's report as document.
/// </summary>
public sealed record PublishedFigure(
    string Document,
    int Year,
    PublicSector Sector,
    string Quantity,
    string Qualifier,
    decimal Value,
    string Unit,
    bool Approximate,
    string Section,
    string Quote,
    string? Note = null,
    int Line = 0)
{
    /// <summary>Decimals the value was published with.</summary>
    public int Decimals => ValueInterval.DecimalsOf(Value);

    /// <summary>
    /// Position of the last significant digit: the decimals, or for an approximate whole number ("ongeveer 1.290",
    /// "+/- 1.900") minus its trailing zeros (-1 for tens, -2 for hundreds).
    /// </summary>
    public int Precision
    {
        get
        {
            if (!Approximate || Decimals > 0 || Value == 0m) return Decimals;
            var v = decimal.Truncate(Math.Abs(Value));
            var p = 0;
            while (v % 10m == 0m && v != 0m) { v /= 10m; p--; }
            return p;
        }
    }

    /// <summary>The true values this published number can stand for: ± half a unit of its last significant digit.</summary>
    public ValueInterval Range => ValueInterval.Rounded(Value, Precision);

    /// <summary>Year a difference or direction compares with (qualifier <c>tov:YYYY</c>), if any.</summary>
    public int? ReferenceYear =>
        Qualifier.StartsWith("tov:", StringComparison.Ordinal) && int.TryParse(Qualifier.AsSpan(4), out var y) ? y : null;

    /// <summary>The document's reference (<i>kenmerk</i>, e.g. "Kamerstuk 34 352, nr. 255"), set from the document catalogue.</summary>
    public string? DocumentName { get; init; }

    /// <summary>How a user reads the document: its reference from the catalogue, else "document" and its code.</summary>
    public string DocumentLabel => DocumentName ?? $"document {Document}";

    /// <summary>A short Dutch citation: document, section and quote.</summary>
    public string Citation => $"{DocumentLabel}, {Section}: \"{Quote}\"";

    public bool IsPercentageUnit => Unit == "%";

    /// <summary>
    /// The figures of a report entered or approved in Banenmonitor (not read from a document), as figures of a document
    /// of their own, so they are checked exactly like the published ones. Values that are null are left out.
    /// </summary>
    public static IEnumerable<PublishedFigure> Entered(string document, int year, PublicSector sector, string section, string source,
        params (string Quantity, decimal? Value, string Unit)[] values) =>
        values.Where(v => v.Value is not null).Select(v => new PublishedFigure(document, year, sector, v.Quantity, "", v.Value!.Value, v.Unit, false, section,
            $"{Quantities.Dutch(v.Quantity)}: {DutchFormat.Number(v.Value.Value, 4)} ({source})"));
}
