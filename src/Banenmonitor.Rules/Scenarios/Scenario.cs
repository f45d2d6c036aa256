using System.Globalization;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Text;

namespace Banenmonitor.Rules.Scenarios;

/// <summary>
/// One changed parameter value of a scenario (<i>wat-als</i>): the parameter, the date it is valid from (1 January of a
/// year for a yearly parameter), the value and the analyst's reason. Applied like <c>--parameter</c>, with the scenario
/// as the source of the value.
/// </summary>
public sealed record ScenarioOverride(string Parameter, DateOnly ValidFrom, decimal Value, string Reason)
{
    /// <summary>
    /// Reads <c>naam=jaar:waarde:reden</c> (or <c>naam=jjjj-mm-dd:waarde:reden</c>); the value is a Dutch number
    /// (<c>32,5</c>; <c>5.250</c> is five thousand two hundred and fifty). A Dutch <see cref="FormatException"/> otherwise.
    /// </summary>
    public static ScenarioOverride Parse(string spec, ParameterSet parameters)
    {
        var eq = spec.IndexOf('=');
        var parts = eq < 0 ? [] : spec[(eq + 1)..].Split(':', 3);
        if (eq < 0 || parts.Length != 3)
            throw new FormatException($"Ongeldige scenariowaarde '{spec}': verwacht naam=jaar:waarde:reden.");
        var name = spec[..eq].Trim();
        if (!parameters.Definitions.Any(d => d.Name == name))
            throw new FormatException($"Onbekende parameter '{name}' in '{spec}'.");
        DateOnly from;
        if (int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100) from = new DateOnly(y, 1, 1);
        else if (!DateOnly.TryParseExact(parts[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
            throw new FormatException($"Ongeldig jaar of ongeldige datum '{parts[0]}' in '{spec}'.");
        var v = DutchNumber.ReadField(parts[1].Trim(), NumberLimits.Jobs);
        if (!v.Ok) throw new FormatException($"Ongeldige waarde '{parts[1]}' in '{spec}': {v.Error}.");
        var reason = parts[2].Trim().Trim('"');
        if (reason.Length == 0) throw new FormatException($"Geef in '{spec}' een reden op na de waarde.");
        return new ScenarioOverride(name, from, v.Value, reason);
    }

    /// <summary>The same override written back as <c>naam=jaar:waarde:reden</c>.</summary>
    public string Spec => $"{Parameter}={(ValidFrom is { Month: 1, Day: 1 } ? ValidFrom.Year.ToString(CultureInfo.InvariantCulture) : ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}:{DutchNumber.Show(Value)}:{Reason}";
}

/// <summary>How a sector's growth is given: extra jobs per year, or a percentage per year on the previous year.</summary>
public enum GrowthUnit { Jobs, Percent }

/// <summary>
/// A sector's assumed growth (<i>groei</i>) for the coming years: from its last realised year up to and including
/// <see cref="UntilYear"/>, <see cref="PerYear"/> extra jobs or percent each year. <see cref="Sector"/> is a code of
/// the sector catalogue or <c>markt</c>, <c>overheid</c>, <c>totaal</c> (the national increase).
/// </summary>
public sealed record SectorGrowth(string Sector, decimal PerYear, GrowthUnit Unit, int UntilYear)
{
    /// <summary>Reads <c>sector=aantal:totjaar</c> (extra banen per jaar) or <c>sector=aantal%:totjaar</c> (procent per jaar).</summary>
    public static SectorGrowth Parse(string spec)
    {
        var eq = spec.IndexOf('=');
        var parts = eq < 0 ? [] : spec[(eq + 1)..].Split(':');
        if (eq < 0 || parts.Length != 2) throw new FormatException($"Ongeldige groei '{spec}': verwacht sector=banen:totjaar of sector=procent%:totjaar.");
        var sector = ScenarioSubjects.Check(spec[..eq]);
        var text = parts[0].Trim();
        var unit = text.EndsWith('%') ? GrowthUnit.Percent : GrowthUnit.Jobs;
        var v = DutchNumber.ReadField(text.TrimEnd('%').Trim(), new NumberBounds(-1_000_000m, 1_000_000m, 2, "een groei van meer dan een miljoen banen per jaar is niet aannemelijk"));
        if (!v.Ok) throw new FormatException($"Ongeldige groei '{parts[0]}' in '{spec}': {v.Error}.");
        if (!int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var until) || until is < 2013 or > 2100)
            throw new FormatException($"Ongeldig jaar '{parts[1]}' in '{spec}'.");
        return new SectorGrowth(sector, v.Value, unit, until);
    }

    public string Spec => $"{Sector}={DutchNumber.Show(PerYear)}{(Unit == GrowthUnit.Percent ? "%" : "")}:{UntilYear}";
}

/// <summary>A sector's target of one year in the scenario's target path (<i>doelpad</i>), replacing the published one.</summary>
public sealed record ScenarioTarget(string Sector, int Year, decimal Jobs)
{
    /// <summary>Reads <c>sector=jaar:banen</c>.</summary>
    public static ScenarioTarget Parse(string spec)
    {
        var eq = spec.IndexOf('=');
        var parts = eq < 0 ? [] : spec[(eq + 1)..].Split(':');
        if (eq < 0 || parts.Length != 2) throw new FormatException($"Ongeldig doel '{spec}': verwacht sector=jaar:banen.");
        var sector = ScenarioSubjects.Check(spec[..eq]);
        if (PublicSectors.All.All(s => s.Code != sector))
            throw new FormatException($"Het doelpad van markt, overheid of totaal is een parameter (doelstelling_markt, doelstelling_overheid, doelstelling_landelijk); geef het op als scenariowaarde.");
        if (!int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2013 or > 2100)
            throw new FormatException($"Ongeldig jaar '{parts[0]}' in '{spec}'.");
        var v = DutchNumber.ReadField(parts[1].Trim(), NumberLimits.Jobs);
        if (!v.Ok) throw new FormatException($"Ongeldig aantal banen '{parts[1]}' in '{spec}': {v.Error}.");
        return new ScenarioTarget(sector, year, v.Value);
    }

    public string Spec => $"{Sector}={Year}:{DutchNumber.Show(Jobs)}";
}

/// <summary>The codes a growth or target can be given for: the national three and the thirteen sectors.</summary>
public static class ScenarioSubjects
{
    public static readonly IReadOnlyList<string> National = ["markt", "overheid", "totaal"];
    public static IReadOnlyList<string> Codes => [.. National, .. PublicSectors.All.Select(s => s.Code)];

    public static string Check(string code)
    {
        var c = code.Trim().ToLowerInvariant();
        return Codes.Contains(c) ? c : throw new FormatException($"Onbekende sector '{code.Trim()}'. Kies uit: {string.Join(", ", Codes)}.");
    }

    public static string NameOf(string code) => code switch
    {
        "markt" => "Markt (landelijk)", "overheid" => "Overheid (landelijk)", "totaal" => "Markt en overheid samen (landelijk)",
        _ => PublicSectors.All.FirstOrDefault(s => s.Code == code)?.Name ?? code,
    };
}

/// <summary>
/// A scenario (<i>wat-als</i>): a name, changed parameter values (the distribution key, the quota percentage, the national
/// target path, the levy per missing job …), sector growth, sector targets, and whether SROI jobs count for the sectors.
/// It never changes the real figures: <see cref="Apply"/> returns a new <see cref="ParameterSet"/>.
/// </summary>
public sealed record Scenario(
    string Name,
    IReadOnlyList<ScenarioOverride> Overrides,
    IReadOnlyList<SectorGrowth>? Growth = null,
    IReadOnlyList<ScenarioTarget>? Targets = null,
    bool CountSroi = false)
{
    public IReadOnlyList<SectorGrowth> GrowthOrEmpty => Growth ?? [];
    public IReadOnlyList<ScenarioTarget> TargetsOrEmpty => Targets ?? [];

    /// <summary>The source a scenario value carries in every trace: the scenario's name and the analyst's reason.</summary>
    public string SourceOf(ScenarioOverride o) => $"Scenario '{Name}': {o.Reason}";

    /// <summary>
    /// Today's parameters with the scenario's values applied, each as an unconfirmed value whose source names the
    /// scenario (so every result that uses one says so). A Dutch <see cref="FormatException"/> for a value the set refuses.
    /// </summary>
    public ParameterSet Apply(ParameterSet today)
    {
        if (string.IsNullOrWhiteSpace(Name)) throw new FormatException("Geef het scenario een naam.");
        var set = today;
        foreach (var o in Overrides)
        {
            try
            {
                var def = set.Definition(o.Parameter);
                set = set.WithOverride(new ParameterValue(o.Parameter, o.ValidFrom, o.Value, ParameterStatus.Unconfirmed, SourceOf(o), def.Unit,
                    $"scenario '{Name}'"));
            }
            catch (Exception e) when (e is ArgumentException or MissingParameterException)
            {
                throw new FormatException($"Scenariowaarde {o.Spec}: {e.Message}");
            }
        }
        return set;
    }
}
