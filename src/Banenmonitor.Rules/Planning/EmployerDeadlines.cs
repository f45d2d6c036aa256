using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Laws;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Regimes;
using Banenmonitor.Rules.Units;
using static Banenmonitor.Rules.Laws.LawCatalog;

namespace Banenmonitor.Rules.Planning;

/// <summary>The dated duties of the job agreement an employer meets in its calendar.</summary>
public enum DutyKind
{
    /// <summary>Agreeing the attribution of hired-in target-group hours (Besluit Wfsv art. 2.27–2.31).</summary>
    HiredInAttribution,
    /// <summary>The levy decision over a levy year (Wfsv art. 38h).</summary>
    LevyDecision,
    /// <summary>The inclusiveness surcharge of the Wet banenafspraak (art. 5 and 6): levied through the premium, no date of its own.</summary>
    Surcharge,
}

/// <summary>
/// One dated duty for one levy year: the last day it can be met (<see cref="LastDay"/>, the day before the legal
/// "vóór"-date <see cref="Before"/>), a Dutch title and description, the articles of law and the parameters (with their
/// sources) the date comes from, and whether the levy it belongs to is suspended.
/// </summary>
public sealed record Deadline(DutyKind Kind, int LevyYear, DateOnly LastDay, DateOnly Before, string Title, string Description,
    IReadOnlyList<LegalReference> Legal, IReadOnlyList<ParameterValue> Parameters, bool Suspended)
{
    /// <summary>A stable identifier (the same duty keeps its id in every feed).</summary>
    public string Uid => $"{Kind}-{LevyYear}@banenmonitor";

    public string LegalText => LegalReference.Text(Legal);
}

/// <summary>A duty without a date for a levy year: it does not apply (and why, with the parameter that says so) or it has no date of its own.</summary>
public sealed record UndatedDuty(DutyKind Kind, int LevyYear, string Title, string Reason, IReadOnlyList<ParameterValue> Parameters);

/// <summary>The duties whose last day falls in the years <see cref="From"/>–<see cref="To"/>, and those without a date over the levy years before them.</summary>
public sealed record DeadlineCalendar(int From, int To, IReadOnlyList<Deadline> Deadlines, IReadOnlyList<UndatedDuty> Undated);

/// <summary>
/// The dated duties of an employer (issue 24), from the parameters: under the quotumregeling, for every levy year with a
/// levy, the cut-off for agreeing hired-in attributions (<c>toerekening_inleen_uiterste_*</c>, Besluit Wfsv art. 2.27–2.31:
/// agreed before 1 August of the year after) — for lender and hirer alike, market or government — and, for a government
/// employer, the date before which the levy decision is imposed (<c>quotumheffing_beschikking_uiterste_*</c>, Wfsv art.
/// 38h), marked suspended where Wfsv art. 122na suspends the levy. Under the Wet banenafspraak neither applies (its art. 12
/// ends the quotumregeling; the parameter <c>quotumregeling_laatste_jaar</c> says so with its source), and the
/// inclusiveness surcharge has no date of its own: it follows activation (art. 5) and runs through the premium (art. 6).
/// </summary>
public sealed class EmployerDeadlines(ParameterSet parameters)
{
    /// <summary>A date in Dutch: "31 juli 2026".</summary>
    public static string Date(DateOnly d) => d.ToString("d MMMM yyyy", DutchFormat.Culture);

    /// <summary>The duties whose last day falls in <paramref name="from"/>–<paramref name="to"/> (the levy years before them).</summary>
    public DeadlineCalendar Between(int from, int to, bool governmentEmployer)
    {
        if (to < from || to - from > 50) throw new ArgumentException("Kies een periode van ten hoogste 51 jaren, 'tot' niet vóór 'van'.");
        var dated = new List<Deadline>();
        var undated = new List<UndatedDuty>();
        for (var levyYear = from - 1; levyYear < to; levyYear++)
        {
            if (Regime.Quotumregeling.Governs(levyYear)) Quotumregeling(levyYear, governmentEmployer, dated, undated);
            if (Regime.WetBanenafspraak2025.Governs(levyYear)) WetBanenafspraak(levyYear, undated);
        }
        return new(from, to, dated.Where(d => d.LastDay.Year >= from && d.LastDay.Year <= to).OrderBy(d => d.LastDay).ThenBy(d => d.Kind).ToList(), undated);
    }

    private void Quotumregeling(int levyYear, bool government, List<Deadline> dated, List<UndatedDuty> undated)
    {
        var attribution = $"Toerekening inleenverbanden over {levyYear}";
        var decision = $"Beschikking quotumheffing over {levyYear}";
        var trace = new Trace();
        var q = QuotaParameters.For(parameters, levyYear, trace);
        if (q.LevyPerMissingJobIfAny is null)
        {
            // before the activation of the quota for the government sector there was no levy, so nothing to attribute or decide
            var hole = trace.UnexplainedReads.ToList();
            var why = $"Over {levyYear} geen quotumheffing: {string.Join("; ", hole.Select(h => h.Source))}";
            undated.Add(new UndatedDuty(DutyKind.HiredInAttribution, levyYear, attribution, why, hole));
            undated.Add(new UndatedDuty(DutyKind.LevyDecision, levyYear, decision, why, hole));
            return;
        }
        var cut = q.AttributionDeadline;
        trace.Add($"Uiterste datum toerekening inleenverbanden over {levyYear}", "vóór dag en maand van de parameters, in het jaar na het heffingsjaar",
            null, "datum", legal: [BesluitWfsv.Articles("2.27", "2.31")]);
        dated.Add(new Deadline(DutyKind.HiredInAttribution, levyYear, cut.AddDays(-1), cut,
            $"{attribution}: uiterlijk {Date(cut.AddDays(-1))} overeenkomen",
            $"Uitlener en inlener komen vóór {Date(cut)} overeen welke uren van ingeleende werknemers uit de doelgroep over {levyYear} bij de inlener " +
            "meetellen voor de quotumregeling; een later gesloten overeenkomst telt niet mee. Dit geldt voor uitlener en inlener, ook als een van beiden in de sector markt valt.",
            trace.Steps[^1].References, trace.Steps[^1].Parameters, false));
        if (!government)
        {
            undated.Add(new UndatedDuty(DutyKind.LevyDecision, levyYear, decision,
                "Geldt niet: de quotumregeling is alleen geactiveerd voor de sector overheid en uw organisatie valt in de sector markt (Wfsv art. 38c, Regeling Wfsv art. 3.27).", []));
            return;
        }
        var before = q.LevyDecisionDeadline;
        var suspended = q.LevySuspended;
        var legal = suspended ? new[] { Wfsv.Article("38h"), Wfsv.Article("122na") } : [Wfsv.Article("38h")];
        trace.Add($"Uiterste datum beschikking quotumheffing over {levyYear}", "vóór dag en maand van de parameters, in het jaar na het heffingsjaar",
            null, "datum", legal: legal);
        dated.Add(new Deadline(DutyKind.LevyDecision, levyYear, before.AddDays(-1), before,
            $"{decision}: uiterlijk {Date(before.AddDays(-1))}" + (suspended ? " (opgeschort)" : ""),
            $"De quotumheffing over {levyYear} wordt vóór {Date(before)} bij beschikking opgelegd; de beschikking vermeldt de verloonde uren, de uren " +
            "van de doelgroep, de berekening van het quotumtekort en het bedrag." +
            (suspended ? $" De heffing over {levyYear} is opgeschort (Wfsv art. 122na): zolang dat zo is, wordt zij niet opgelegd." : ""),
            trace.Steps[^1].References, trace.Steps[^1].Parameters, suspended));
    }

    private void WetBanenafspraak(int levyYear, List<UndatedDuty> undated)
    {
        var last = RegimeParameters.Of(parameters).QuotumregelingLastYear;
        var ended = $"Geldt niet over {levyYear}: {last.Source}.";
        undated.Add(new UndatedDuty(DutyKind.HiredInAttribution, levyYear, $"Toerekening inleenverbanden over {levyYear}", ended, [last]));
        undated.Add(new UndatedDuty(DutyKind.LevyDecision, levyYear, $"Beschikking quotumheffing over {levyYear}", ended, [last]));
        var trace = new Trace();
        var w = WetBanenafspraakParameters.For(parameters, levyYear, trace);
        string reason;
        if (w.ActivationYear is not { } activation)
            reason = "Geen datum: de quotumregeling van de Wet banenafspraak is niet geactiveerd (art. 5), dus er is geen inclusiviteitsopslag. ";
        else
        {
            var first = activation + w.SurchargeYearsAfterActivation;
            reason = levyYear >= first
                ? $"Geen aparte datum: de inclusiviteitsopslag (vanaf {first}) loopt mee met de premie Aof in de aangifte loonheffingen (art. 6). "
                : $"Nog niet: na activering in {activation} geldt de inclusiviteitsopslag vanaf {first} (art. 6). ";
        }
        var used = trace.UnexplainedReads.ToList();
        undated.Add(new UndatedDuty(DutyKind.Surcharge, levyYear, $"Inclusiviteitsopslag over {levyYear}",
            reason + string.Join("; ", used.Select(u => $"{u.Name}: {u.Source}")), used));
    }
}
