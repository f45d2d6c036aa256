using System.Globalization;

namespace Banenmonitor.Rules.Parameters;

/// <summary>How certain a parameter value is (as in FACTS.md).</summary>
public enum ParameterStatus
{
    /// <summary>In the law text (<i>wet</i>).</summary>
    Law,
    /// <summary>Published by a public body (<i>gepubliceerd</i>).</summary>
    Published,
    /// <summary>Stated in one of the source documents (<i>brondocument</i>).</summary>
    Seed,
    /// <summary>Arithmetic on other values (<i>afgeleid</i>).</summary>
    Derived,
    /// <summary>No source found; must be supplied by an administrator (<i>onbevestigd</i>).</summary>
    Unconfirmed,
    /// <summary>The rule does not apply in this period, e.g. under another law (<i>niet van toepassing</i>).</summary>
    NotApplicable,
}

public static class ParameterStatusText
{
    public static string Code(this ParameterStatus s) => s switch
    {
        ParameterStatus.Law => "law",
        ParameterStatus.Published => "published",
        ParameterStatus.Seed => "seed",
        ParameterStatus.Derived => "derived",
        ParameterStatus.Unconfirmed => "unconfirmed",
        ParameterStatus.NotApplicable => "not_applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public static string Dutch(this ParameterStatus s) => s switch
    {
        ParameterStatus.Law => "wet",
        ParameterStatus.Published => "gepubliceerd",
        ParameterStatus.Seed => "brondocument",
        ParameterStatus.Derived => "afgeleid",
        ParameterStatus.Unconfirmed => "onbevestigd",
        ParameterStatus.NotApplicable => "niet van toepassing",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public static bool TryParse(string text, out ParameterStatus status)
    {
        foreach (var s in Enum.GetValues<ParameterStatus>())
        {
            if (string.Equals(s.Code(), text, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(s.Dutch(), text, StringComparison.OrdinalIgnoreCase))
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
/// has supplied yet (a documented hole rather than a silent gap).
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
    public decimal Required => Value ?? throw new MissingParameterException(
        $"Parameter '{Name}' geldig vanaf {ValidFrom:yyyy-MM-dd} is {Status.Dutch()} en heeft geen waarde. " +
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
