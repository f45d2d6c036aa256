using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Rules.Scenarios;

/// <summary>
/// One employer's stored quota outcome of a national run: the aggregated inputs the engine gave the rules core (paid
/// hours, agency staff hours, target-group hours before attributions, last year's paid hours, the number of hired-in
/// attributions) and the shortfall and levy it computed. <see cref="Input"/>: for an employer with attributions, its full
/// input (attributions included) when the edge could read it from the stored data; null otherwise.
/// </summary>
public sealed record StoredEmployerOutcome(bool IsGovernment, decimal TotalPaidHours, decimal AgencyStaffHours, decimal TargetGroupHours,
    decimal? TotalPaidHoursPreviousYear, int Attributions, decimal Shortfall, decimal Levy, QuotaInput? Input = null)
{
    /// <summary>True when the rules core can recompute this employer: no attributions, or its full input is known.</summary>
    public bool Recomputable => Attributions == 0 || Input is not null;

    public QuotaInput InputFor(int year) => Input ?? QuotaInput.OfAggregates(year, TotalPaidHours, AgencyStaffHours, TargetGroupHours,
        TotalPaidHoursPreviousYear, [], true);
}

/// <summary>The employers' outcomes of one stored national run (<see cref="RunId"/>, computed at <see cref="ComputedAt"/>).</summary>
public sealed record ScenarioLevyInput(int Year, string RunId, DateTime ComputedAt, IReadOnlyList<StoredEmployerOutcome> Employers);

/// <summary>
/// The government employers' levy total (<i>quotumheffing</i>: missing jobs × levy per missing job) under today's
/// parameters and the scenario's, from the stored national run: every employer recomputed by the rules core
/// (<see cref="QuotaCalculator"/>) from the inputs the run stored. The run keeps an employer's hired-in attributions only
/// as a count, not their hours and dates: for such an employer the edge reads the full input from the stored data
/// (<see cref="StoredEmployerOutcome.Input"/>); one whose input it could not read is shown apart, with its stored outcome.
/// Today's recomputation is checked against the stored shortfalls.
/// </summary>
public static class ScenarioLevy
{
    public const string Title = "Quotumheffing overheidswerkgevers";

    public static ScenarioSection Compute(ScenarioLevyInput? input, int year, ParameterSet today, ParameterSet scenario)
    {
        if (input is null)
            return new ScenarioSection(ScenarioResult.Levy, Title, [],
                [$"Geen landelijke berekening over {year} in de database: de heffing per werkgever is niet bekend, dus de totale heffing kan niet worden berekend. " +
                 $"Een analist of beheerder start die berekening op de website onder Landelijke meting (knop Landelijke berekening {year} starten), of met banenmonitor landelijk --database … --jaar {year}."]);
        var notes = new List<string>();
        var government = input.Employers.Where(e => e.IsGovernment).ToList();
        var complete = government.Where(e => e.Recomputable).ToList();
        var withAttributions = government.Where(e => !e.Recomputable).ToList();
        var read = complete.Count(e => e.Input is not null);
        if (read > 0)
            notes.Add($"{read} overheidswerkgevers hebben toerekeningen van inleenverbanden; hun invoer (met de toerekeningen) is uit de opgeslagen gegevens gelezen.");
        var t = Side(complete, year, today, "vandaag", notes);
        var s = Side(complete, year, scenario, "scenario", notes);
        if (t is not null)
        {
            var mismatch = complete.Zip(t.Value.Shortfalls).Count(x => x.First.Shortfall != x.Second);
            if (mismatch > 0)
                notes.Add($"Let op: bij {mismatch} werkgevers wijkt het opnieuw berekende tekort van vandaag af van het tekort in de opgeslagen berekening " +
                          "(de parameters zijn sinds die berekening veranderd).");
        }
        var figures = new List<ScenarioFigure>
        {
            new("werkgevers", "Overheidswerkgevers opnieuw berekend", complete.Count, complete.Count, "werkgevers", 0, t?.Trace, s?.Trace),
            new("met_tekort", "Werkgevers met een quotumtekort", t?.WithShortfall, s?.WithShortfall, "werkgevers", 0, t?.Trace, s?.Trace),
            new("tekort", "Ontbrekende banen (som van de quotumtekorten)", t?.Shortfall, s?.Shortfall, "banen", 1, t?.Trace, s?.Trace),
            new("heffing", "Quotumheffing totaal", t?.Levy, s?.Levy, "euro", 0, t?.Trace, s?.Trace),
        };
        if (withAttributions.Count > 0)
        {
            var stored = new Trace().Add($"Opgeslagen heffing van {withAttributions.Count} werkgevers met toerekeningen van inleenverbanden",
                "som van de opgeslagen heffingen", withAttributions.Sum(e => e.Levy), "euro",
                note: $"Uit de landelijke berekening {input.RunId}; niet opnieuw berekend.");
            figures.Add(new ScenarioFigure("heffing_niet_herberekend", "Heffing van werkgevers met toerekeningen (opgeslagen, niet herberekend)",
                withAttributions.Sum(e => e.Levy), null, "euro", 0, stored, null));
            notes.Add($"{withAttributions.Count} overheidswerkgevers hebben toerekeningen van inleenverbanden waarvan de uren en data niet gelezen konden worden " +
                      "(de landelijke berekening bewaart alleen hoeveel); hun tekort onder het scenario kan daarom niet worden berekend. Hun opgeslagen heffing staat apart.");
        }
        notes.Insert(0, $"Uit de landelijke berekening {input.RunId} over {input.Year} ({input.ComputedAt:dd-MM-yyyy HH:mm} UTC): " +
                        $"{government.Count} overheidswerkgevers van {input.Employers.Count}.");
        return new ScenarioSection(ScenarioResult.Levy, Title, figures, notes);
    }

    private readonly record struct Totals(int WithShortfall, decimal Shortfall, decimal Levy, Trace Trace, IReadOnlyList<decimal> Shortfalls);

    private static Totals? Side(IReadOnlyList<StoredEmployerOutcome> employers, int year, ParameterSet set, string who, List<string> notes)
    {
        try
        {
            var trace = new Trace();
            var q = QuotaParameters.For(set, year, trace);
            var levyPerJob = q.LevyPerMissingJob.Value;
            var pct = q.QuotaPercentage.Points;
            trace.Add($"Quotumpercentage sector overheid {year} (variabele B) en heffing per ontbrekende baan", "B", pct, "%",
                [new("heffing per ontbrekende baan", levyPerJob, "euro")]);
            var calc = new QuotaCalculator(set);
            var shortfalls = new List<decimal>(employers.Count);
            var levy = 0m;
            foreach (var e in employers)
            {
                var f = calc.Figures(e.InputFor(year));
                shortfalls.Add(f.Shortfall.Value);
                levy += f.Levy.Value;
            }
            var total = shortfalls.Sum();
            var with = shortfalls.Count(x => x > 0);
            trace.Add($"Quotumtekort van elke werkgever: max(0, (A × B − C) ÷ D), naar beneden afgerond; opgeteld over {employers.Count} werkgevers",
                "som van de quotumtekorten", total, "banen", [new("werkgevers met tekort", with, "werkgevers")]);
            trace.Add("Quotumheffing totaal: som van quotumtekort × heffing per ontbrekende baan", "som tekort × bedrag per ontbrekende baan", levy, "euro",
                note: q.LevySuspended ? "De heffing is opgeschort (Wfsv art. 122na); het bedrag is wat de wet zonder opschorting zou opleggen." : null);
            return new Totals(with, total, levy, trace, shortfalls);
        }
        catch (MissingParameterException e)
        {
            notes.Add($"{char.ToUpperInvariant(who[0])}{who[1..]}: {e.Message}");
            return null;
        }
    }
}
