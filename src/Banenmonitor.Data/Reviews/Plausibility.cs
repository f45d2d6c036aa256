namespace Banenmonitor.Data.Reviews;

/// <summary>
/// Settings of the review of reports, per installation (configuration section <c>Banenmonitor:Review</c>). None is a
/// legal number: they are the ministry's working agreements, with the defaults the issue asked for.
/// </summary>
public sealed record ReviewSettings
{
    /// <summary>Four-eyes principle: who submitted a report may not approve or reject it (<c>Banenmonitor:Review:FourEyes</c>).</summary>
    public bool FourEyes { get; init; } = true;
    /// <summary>
    /// A figure that grows or shrinks by more than this factor against the previous approved year is flagged
    /// onwaarschijnlijk (<c>Banenmonitor:Review:Factor</c>; 3 means more than ×3 or less than ÷3).
    /// </summary>
    public decimal Factor { get; init; } = 3m;
    /// <summary>A report about a year more than this many years after the current year is flagged (<c>Banenmonitor:Review:YearsAhead</c>).</summary>
    public int MaxYearsAhead { get; init; } = 1;

    public static ReviewSettings Default { get; } = new();

    /// <summary>Reads the settings from configuration (keys as above); a missing key keeps its default, a bad one is refused in Dutch.</summary>
    public static ReviewSettings From(Func<string, string?> config)
    {
        var d = Default;
        var fourEyes = config("Banenmonitor:Review:FourEyes");
        var factor = config("Banenmonitor:Review:Factor");
        var ahead = config("Banenmonitor:Review:YearsAhead");
        return new ReviewSettings
        {
            FourEyes = fourEyes is null ? d.FourEyes : bool.TryParse(fourEyes, out var f) ? f
                : throw new ArgumentException($"Banenmonitor:Review:FourEyes is '{fourEyes}': gebruik true of false."),
            Factor = factor is null ? d.Factor
                : decimal.TryParse(factor, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var x) && x > 1m ? x
                : throw new ArgumentException($"Banenmonitor:Review:Factor is '{factor}': gebruik een getal groter dan 1 (met een punt als decimaalteken), bijvoorbeeld 3."),
            MaxYearsAhead = ahead is null ? d.MaxYearsAhead : int.TryParse(ahead, out var y) && y >= 0 ? y
                : throw new ArgumentException($"Banenmonitor:Review:YearsAhead is '{ahead}': gebruik een geheel getal van 0 of meer."),
        };
    }
}

/// <summary>One figure of a report flagged as onwaarschijnlijk (implausible), with a Dutch explanation.</summary>
public sealed record PlausibilityFlag(string Figure, string Explanation);

/// <summary>
/// The plausibility rule of the review, in one place: a figure that moves more than <see cref="ReviewSettings.Factor"/>
/// against the previous approved year (up or down), or a report year too far after today. Exactly the factor is
/// still plausible; a previous value of 0 (or a missing one) gives no comparison.
/// </summary>
public static class Plausibility
{
    public const string Word = "onwaarschijnlijk";

    /// <summary>Null when plausible; else a flag saying how far <paramref name="current"/> moved from <paramref name="previous"/>.</summary>
    public static PlausibilityFlag? Change(string figure, decimal? current, decimal? previous, int previousYear, decimal factor)
    {
        if (current is not { } c || previous is not { } p || p <= 0m || c < 0m) return null;
        if (c > p * factor)
            return new(figure, $"{Word}: {Format(c)} is meer dan {Format(factor)} keer {Format(p)} van {previousYear}");
        if (c * factor < p)
            return new(figure, $"{Word}: {Format(c)} is minder dan een {Format(factor)}e deel van {Format(p)} van {previousYear}");
        return null;
    }

    /// <summary>Null when the report year is at most <see cref="ReviewSettings.MaxYearsAhead"/> after <paramref name="today"/>'s year.</summary>
    public static PlausibilityFlag? Year(int year, DateOnly today, int maxYearsAhead) =>
        year > today.Year + maxYearsAhead
            ? new("jaar", $"{Word}: {year} ligt meer dan {maxYearsAhead} jaar na het huidige jaar {today.Year}")
            : null;

    private static string Format(decimal d) => Banenmonitor.Rules.Units.DutchFormat.Number(d);
}
