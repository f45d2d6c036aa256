using System.Globalization;
using System.Text;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Rules.Published;

/// <summary>
/// The stable key of a finding of <c>controle</c>, so that a resolution recorded today finds the same finding tomorrow:
/// sector, kind of check and figure (the year is kept beside it). Example: <c>waterschappen:percentage:realisatiepercentage-tabel</c>.
/// </summary>
public static class FindingKey
{
    public static string Of(ConsistencyCheck c) => $"{c.Sector}:{c.Kind}:{Slug(c.Figure)}";

    /// <summary>Lower case letters and digits, everything else one dash; accents dropped.</summary>
    public static string Slug(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(normalized.Length);
        var dash = false;
        foreach (var ch in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(ch)) { sb.Append(char.ToLowerInvariant(ch)); dash = false; }
            else if (!dash && sb.Length > 0) { sb.Append('-'); dash = true; }
        }
        return sb.ToString().TrimEnd('-');
    }
}

/// <summary>Which value stands after a resolution: the published one, the recomputed one, or a corrected value with its own source.</summary>
public enum ResolutionChoice
{
    Published = 0,
    Recomputed = 1,
    Corrected = 2,
}

public static class ResolutionChoiceText
{
    /// <summary>The word the CLI and the web form use: <c>gepubliceerd</c>, <c>herberekend</c>, <c>gecorrigeerd</c>.</summary>
    public static string Dutch(this ResolutionChoice c) => c switch
    {
        ResolutionChoice.Published => "gepubliceerd",
        ResolutionChoice.Recomputed => "herberekend",
        _ => "gecorrigeerd",
    };

    /// <summary>"de gepubliceerde waarde", for sentences.</summary>
    public static string Phrase(this ResolutionChoice c) => c switch
    {
        ResolutionChoice.Published => "de gepubliceerde waarde",
        ResolutionChoice.Recomputed => "de herberekende waarde",
        _ => "een gecorrigeerde waarde",
    };
}

/// <summary>
/// An analyst's resolution of a substantive finding: the value that stands and why, who and when. A resolution is never
/// changed; a later one supersedes it (<see cref="Supersedes"/>).
/// </summary>
public sealed record Resolution(
    int Id, int Year, string Key, string Figure, ResolutionChoice Choice, decimal Value, string? Source, string Reason,
    string ResolvedBy, DateTime ResolvedAt, int? Supersedes)
{
    /// <summary>"geldt: de herberekende waarde 59,6" — the value in Dutch with the figure's precision (a year stays a year).</summary>
    public string ValueText(ConsistencyCheck? c = null) =>
        c?.ValuesAreYears == true ? Value.ToString("0", CultureInfo.InvariantCulture) : DutchFormat.Number(Value, 2);

    public string Summary(ConsistencyCheck? c = null) =>
        $"opgelost: geldt {Choice.Phrase()} {ValueText(c)}{(Source is { Length: > 0 } s ? $" (bron: {s})" : "")}. Reden: {Reason} " +
        $"— {ResolvedBy}, {ResolvedAt.ToLocalTime().ToString("d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo("nl-NL"))}";
}

/// <summary>A substantive finding of a year with its current resolution (null: open, it blocks a final report).</summary>
public sealed record Finding(ConsistencyCheck Check, string Key, Resolution? Resolution)
{
    public bool IsResolved => Resolution is not null;

    /// <summary>The substantive findings of <paramref name="report"/> for <paramref name="year"/>, each with its current resolution.</summary>
    public static IReadOnlyList<Finding> Of(ConsistencyReport report, int year, IEnumerable<Resolution> current)
    {
        var byKey = current.Where(r => r.Year == year).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Id).First());
        return report.Checks.Where(c => c.Year == year && c.Outcome == CheckOutcome.Substantive)
            .Select(c => new Finding(c, FindingKey.Of(c), byKey.GetValueOrDefault(FindingKey.Of(c)))).ToList();
    }
}
