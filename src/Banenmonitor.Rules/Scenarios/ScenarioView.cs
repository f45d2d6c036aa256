using Banenmonitor.Rules.Contracts;
using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Rules.Scenarios;

/// <summary>A figure of a scenario as users see it (Dutch field names): both sides, the difference, the ids of their explanations.</summary>
public sealed record ScenarioCijferView(string Sleutel, string Omschrijving, string Eenheid, int Decimalen, decimal? Vandaag, decimal? Scenario, decimal? Verschil,
    string VandaagTekst, string ScenarioTekst, string VerschilTekst, bool Veranderd, string? UitlegVandaag, string? UitlegScenario);

/// <summary>A section with its figures, notes and the explanations (<c>uitleg</c>) its figures refer to by id.</summary>
public sealed record ScenarioSectieView(string Sleutel, string Titel, IReadOnlyList<ScenarioCijferView> Cijfers, IReadOnlyList<string> Opmerkingen,
    IReadOnlyDictionary<string, IReadOnlyList<StapView>> Uitleg);

/// <summary>
/// A scenario computed (Dutch field names, for JSON, the web and the workbook). <see cref="ParametersVandaag"/>: which
/// parameter set today's side used (built-in, or with the values an administrator stored in the database).
/// </summary>
public sealed record ScenarioView(string Naam, int Jaar, bool SroiTelt, IReadOnlyList<BronView> Scenariowaarden, IReadOnlyList<string> Groei,
    IReadOnlyList<string> Doelen, IReadOnlyList<ScenarioSectieView> Secties, string ParametersVandaag);

public static class ScenarioViews
{
    /// <summary>A value as shown: Dutch number with the figure's decimals, euros with the sign, "—" when not computed.</summary>
    public static string Text(decimal? v, string unit, int decimals, bool signed = false)
    {
        if (v is not { } x) return "—";
        var n = DutchFormat.Number(Math.Abs(x), decimals);
        var sign = x < 0 ? "−" : signed && Math.Round(x, decimals, MidpointRounding.AwayFromZero) > 0 ? "+" : "";
        return unit switch
        {
            "euro" => $"{sign}€ {n}",
            "%" => signed ? $"{sign}{n} procentpunt" : $"{sign}{n}%",
            _ => $"{sign}{n}",
        };
    }

    public static ScenarioView ToView(this ScenarioResult r) => new(
        r.Scenario.Name, r.Year, r.Scenario.CountSroi, r.ScenarioValues.Select(v => v.ToView()).ToList(),
        r.Scenario.GrowthOrEmpty.Select(g => $"{ScenarioSubjects.NameOf(g.Sector)}: {ScenarioCalculator.DescribeGrowth(g)}").ToList(),
        r.Scenario.TargetsOrEmpty.Select(t => $"{ScenarioSubjects.NameOf(t.Sector)} {t.Year}: {DutchFormat.Number(t.Jobs, 0)} banen").ToList(),
        r.Sections.Select(Section).ToList(), r.TodayParameters);

    private static ScenarioSectieView Section(ScenarioSection s)
    {
        var ids = new Dictionary<Trace, string>(ReferenceEqualityComparer.Instance);
        var uitleg = new Dictionary<string, IReadOnlyList<StapView>>();
        string? Id(Trace? t)
        {
            if (t is null) return null;
            if (!ids.TryGetValue(t, out var id))
            {
                id = $"{s.Key}-{ids.Count + 1}";
                ids[t] = id;
                uitleg[id] = t.ToView();
            }
            return id;
        }
        var cijfers = s.Figures.Select(f => new ScenarioCijferView(f.Key, f.Label, f.Unit, f.Decimals, f.Today, f.Scenario, f.Difference,
            Text(f.Today, f.Unit, f.Decimals), Text(f.Scenario, f.Unit, f.Decimals), Text(f.Difference, f.Unit, f.Decimals, signed: true),
            f.Changed, Id(f.TodayTrace), Id(f.ScenarioTrace))).ToList();
        return new ScenarioSectieView(s.Key, s.Title, cijfers, s.Notes, uitleg);
    }
}
