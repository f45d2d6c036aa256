using System.Globalization;
using Banenmonitor.Rules.Laws;

namespace Banenmonitor.Rules.Parameters;

/// <summary>
/// How certain a parameter value is, named after the kind of its source (as in FACTS.md): the law, a ministerial
/// regulation, a letter to Parliament, a research report, another publication of a public body, arithmetic on other
/// values; or why there is no value (<see cref="Unconfirmed"/>, <see cref="NotApplicable"/>).
/// </summary>
public enum ParameterStatus
{
    /// <summary>In the law text or an order in council (<i>wet</i>).</summary>
    Law,
    /// <summary>Published by a public body on its site or in a publication not listed below (<i>gepubliceerd</i>).</summary>
    Published,
    /// <summary>Stated in a letter of a minister to Parliament, a Kamerstuk (<i>kamerbrief</i>).</summary>
    Letter,
    /// <summary>Stated in a research report commissioned by a ministry (<i>rapport</i>).</summary>
    Report,
    /// <summary>In a ministerial regulation published in the Staatscourant (<i>regeling</i>).</summary>
    Regulation,
    /// <summary>Arithmetic on other values (<i>afgeleid</i>).</summary>
    Derived,
    /// <summary>No source found; must be supplied by an administrator (<i>onbevestigd</i>).</summary>
    Unconfirmed,
    /// <summary>
    /// The rule the parameter belongs to does not apply in that year, so there is no value to find (<i>niet van
    /// toepassing</i>): e.g. the quota percentage from 2026, when the Wet banenafspraak replaced the quotumregeling.
    /// </summary>
    NotApplicable,
    /// <summary>In an order in council or other decree (<i>besluit</i>), e.g. the Besluit Wfsv or an activation decree.</summary>
    Decree,
    /// <summary>Stated in a parliamentary paper other than a minister's letter (<i>kamerstuk</i>), e.g. an explanatory memorandum.</summary>
    ParliamentaryPaper,
    /// <summary>Published by the UWV (<i>uwv-publicatie</i>): its pages on the quotumheffing, its quarterly figures.</summary>
    UwvPublication,
    /// <summary>
    /// A published value that the law's own formula reproduces from its published inputs (<i>bevestigd door afleiding</i>),
    /// e.g. a quota percentage recomputed under Wfsv art. 38f.
    /// </summary>
    ConfirmedByDerivation,
}

public static class ParameterStatusText
{
    public static string Code(this ParameterStatus s) => s switch
    {
        ParameterStatus.Law => "law",
        ParameterStatus.Published => "published",
        ParameterStatus.Letter => "letter",
        ParameterStatus.Report => "report",
        ParameterStatus.Regulation => "regulation",
        ParameterStatus.Derived => "derived",
        ParameterStatus.Unconfirmed => "unconfirmed",
        ParameterStatus.NotApplicable => "not_applicable",
        ParameterStatus.Decree => "decree",
        ParameterStatus.ParliamentaryPaper => "parliamentary_paper",
        ParameterStatus.UwvPublication => "uwv_publication",
        ParameterStatus.ConfirmedByDerivation => "confirmed_by_derivation",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public static string Dutch(this ParameterStatus s) => s switch
    {
        ParameterStatus.Law => "wet",
        ParameterStatus.Published => "gepubliceerd",
        ParameterStatus.Letter => "kamerbrief",
        ParameterStatus.Report => "rapport",
        ParameterStatus.Regulation => "regeling",
        ParameterStatus.Derived => "afgeleid",
        ParameterStatus.Unconfirmed => "onbevestigd",
        ParameterStatus.NotApplicable => "niet van toepassing",
        ParameterStatus.Decree => "besluit",
        ParameterStatus.ParliamentaryPaper => "kamerstuk",
        ParameterStatus.UwvPublication => "uwv-publicatie",
        ParameterStatus.ConfirmedByDerivation => "bevestigd door afleiding",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    /// <summary>True for the statuses that explain an empty value (<see cref="ParameterStatus.Unconfirmed"/>, <see cref="ParameterStatus.NotApplicable"/>).</summary>
    public static bool AllowsEmptyValue(this ParameterStatus s) => s is ParameterStatus.Unconfirmed or ParameterStatus.NotApplicable;

    /// <summary>The codes a data file may use, for error messages ("law, published, …"); not the status only a derivation sets.</summary>
    public static string Codes => string.Join(", ", Enum.GetValues<ParameterStatus>().Where(s => s != ParameterStatus.ConfirmedByDerivation).Select(s => s.Code()));

    /// <summary>"niet-van-toepassing", "niet_van_toepassing" and "niet van toepassing" read alike.</summary>
    private static string Plain(string text) => text.Trim().Replace('-', ' ').Replace('_', ' ');

    /// <summary>Reads a status by its code (<c>uwv_publication</c>) or its Dutch name (<c>uwv-publicatie</c>), case and separators aside.</summary>
    public static bool TryParse(string text, out ParameterStatus status)
    {
        foreach (var s in Enum.GetValues<ParameterStatus>())
        {
            if (string.Equals(Plain(s.Code()), Plain(text), StringComparison.OrdinalIgnoreCase) ||
                string.Equals(Plain(s.Dutch()), Plain(text), StringComparison.OrdinalIgnoreCase))
            {
                status = s;
                return true;
            }
        }
        status = default;
        return false;
    }
}

/// <summary>A known parameter: its name, unit, description, and whether it has one value per calendar year.</summary>
public sealed record ParameterDefinition(string Name, string Unit, bool PerYear, string Regime, string Description);

/// <summary>
/// One dated value of a parameter. <see cref="Value"/> is null only for an unconfirmed value that nobody
/// has supplied yet (a documented hole rather than a silent gap), or for a year in which the rule does not apply
/// (<see cref="ParameterStatus.NotApplicable"/>; <see cref="Source"/> then says why).
/// </summary>
public sealed record ParameterValue(
    string Name,
    DateOnly ValidFrom,
    decimal? Value,
    ParameterStatus Status,
    string Source,
    string Unit,
    string Origin = "parameterbestand")
{
    /// <summary>The articles of law the value rests on (column <c>wetsartikel</c>), each resolving in the catalogue of laws.</summary>
    public IReadOnlyList<LegalReference> Legal { get; init; } = [];

    public decimal Required => Value ?? throw new MissingParameterException(Status == ParameterStatus.NotApplicable
        ? $"Parameter '{Name}' is vanaf {ValidFrom:yyyy-MM-dd} niet van toepassing en heeft daarom geen waarde: {Source}"
        : $"Parameter '{Name}' geldig vanaf {ValidFrom:yyyy-MM-dd} is {Status.Dutch()} en heeft geen waarde. " +
          "Een beheerder kan een waarde met bron opgeven.", Name, ValidFrom.Year);

    public string Describe() =>
        $"{Name} = {(Value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "—")} {Unit} " +
        $"(geldig vanaf {ValidFrom:yyyy-MM-dd}; {Status.Dutch()}; bron: {Source})";
}

/// <summary>
/// Thrown when a needed parameter has no value for the requested date. The message says nothing about how to supply the
/// value (a web page must not tell a user to type a command-line option); the CLI adds <see cref="CliHint"/>.
/// </summary>
public sealed class MissingParameterException(string message, string? parameter = null, int? year = null) : Exception(message)
{
    public string? Parameter { get; } = parameter;
    public int? Year { get; } = year;

    /// <summary>How to supply the value on the command line, for the CLI only.</summary>
    public string? CliHint => Parameter is null || Year is null ? null : $"Geef een waarde op met bron: --parameter {Parameter}={Year}:WAARDE:\"bron\".";
}

/// <summary>Thrown when parameter files are invalid; lists every problem with file and line.</summary>
public sealed class ParameterFileException(IReadOnlyList<string> problems)
    : Exception("Ongeldige parameterbestanden:\n" + string.Join("\n", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
