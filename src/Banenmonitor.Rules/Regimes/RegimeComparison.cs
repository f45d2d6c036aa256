using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Rules.Sectors;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Rules.Regimes;

/// <summary>Both regimes on the same employer data, with the difference explained.</summary>
public sealed record EmployerComparison(RegimeOutcome Quotumregeling, RegimeOutcome WetBanenafspraak2025, RegimeOutcome? QuotumregelingSroiScenario, IReadOnlyList<string> Explanation);

/// <summary>A sector's realisation under current counting and under the SROI scenario (SROI jobs count for the procurer).</summary>
public sealed record SectorScenario(string Sector, int Year, SectorRealisationResult Current, SectorRealisationResult? SroiForProcurer);

/// <summary>Computes the regimes side by side (quotumregeling vs Wet banenafspraak 2025) and the SROI-counting scenario.</summary>
public sealed class RegimeComparison(ParameterSet parameters)
{
    /// <summary>The quotumregeling as a regime outcome: the levy (suspended under Wfsv art. 122na) and nothing received.</summary>
    public RegimeOutcome Quotumregeling(EmployerYear e, bool sroiScenario = false)
    {
        try
        {
            var c = e.TargetGroupHours;
            var pre = new Trace();
            if (sroiScenario && e.SroiHours is { } s && s.Value > 0)
            {
                var capped = PaidHours.Min(e.TotalPaidHours, c + s);
                pre.Add("Scenario: SROI-banen tellen bij de aanbestedende werkgever (niet bij de leverancier)", "C = C + SROI-uren (ten hoogste A)", capped.Value, "uur",
                    [new("C", c.Value, "uur"), new("SROI-uren", s.Value, "uur")], note: "Beleidsoptie uit seed 004 en seed 000 voetnoot 5; geen geldend recht.");
                c = capped;
            }
            var q = new QuotaCalculator(parameters).Compute(new QuotaInput(e.Year, e.TotalPaidHours, c, e.TotalPaidHoursPreviousYear, e.Attributions, e.AgencyStaffHours, e.IsGovernmentEmployer));
            var summary = new List<string>();
            if (q.Exempt) summary.Add(q.Reason!);
            else summary.Add($"Quotumtekort {DutchFormat.Number(q.Shortfall.Value, 1)} banen; quotumheffing € {DutchFormat.Fixed(q.Levy.Value, 2)}" + (q.LevySuspended ? " (opgeschort, Wfsv art. 122na)" : ""));
            return new RegimeOutcome(Regime.Quotumregeling, e.Year, true, q.Levy, Euros.Zero, q.LevySuspended, summary, new Trace().Append(pre).Append(q.Trace))
            {
                Amounts = [new RegimeAmount(RegimeAmountKind.Levy, q.Levy)],
                SubjectToQuota = !q.Exempt,
                Shortfall = q.Shortfall,
            };
        }
        catch (MissingParameterException ex)
        {
            return NotComputable(Regime.Quotumregeling, e.Year, ex.Message);
        }
    }

    public RegimeOutcome WetBanenafspraak2025(EmployerYear e)
    {
        try { return new WetBanenafspraak2025Rules(parameters).Compute(e); }
        catch (Exception ex) when (ex is MissingParameterException or ArgumentException)
        {
            return NotComputable(Regime.WetBanenafspraak2025, e.Year, ex.Message);
        }
    }

    /// <summary>
    /// Both regimes on the same employer data. <paramref name="regimeYear"/>: the year whose Wet banenafspraak parameters
    /// apply (for data of a year before the new law: "what if the new law had applied to this year's data").
    /// </summary>
    public EmployerComparison Compare(EmployerYear e, int? regimeYear = null)
    {
        var old = Quotumregeling(e);
        var ry = regimeYear ?? e.Year;
        var neu = WetBanenafspraak2025(e with { Year = ry });
        var sroi = e.SroiHours is { Value: > 0 } ? Quotumregeling(e, sroiScenario: true) : null;
        var why = new List<string>();
        if (ry != e.Year)
            why.Add($"De Wet banenafspraak is berekend met de parameters van {ry} op de gegevens van {e.Year} (wat de nieuwe wet voor deze gegevens zou betekenen); de quotumregeling met die van {e.Year}.");
        if (old.Computable && neu.Computable)
        {
            var diff = neu.NetBenefit.Value - old.NetBenefit.Value;
            why.Add($"Netto (ontvangen − feitelijk te betalen): quotumregeling € {DutchFormat.Fixed(old.NetBenefit.Value, 2)}, Wet banenafspraak € {DutchFormat.Fixed(neu.NetBenefit.Value, 2)}; verschil € {DutchFormat.Fixed(diff, 2)}.");
            why.Add("De quotumregeling kent alleen een heffing per ontbrekende baan (nooit geïnd); de Wet banenafspraak beloont elke baan (bonus, loonkostenvoordeel) en legt na activering een opslag op de premie Aof als het quotumpercentage niet wordt gehaald.");
        }
        if (!old.Computable) why.Add("Quotumregeling niet te berekenen: " + old.Summary[0]);
        if (!neu.Computable) why.Add("Wet banenafspraak niet te berekenen: " + neu.Summary[0]);
        if (sroi is { Computable: true } && old.Computable)
            why.Add($"SROI-scenario: heffing € {DutchFormat.Fixed(sroi.Payable.Value, 2)} in plaats van € {DutchFormat.Fixed(old.Payable.Value, 2)} wanneer SROI-banen meetellen bij de aanbestedende werkgever.");
        if (neu.UsesUnconfirmed || old.UsesUnconfirmed) why.Add("Let op: een of meer onbevestigde parameterwaarden zijn gebruikt.");
        return new EmployerComparison(old, neu, sroi, why);
    }

    /// <summary>The SROI scenario for a sector: SROI/procurement jobs counted as the sector's own.</summary>
    public static SectorScenario Sector(string sector, int year, Jobs target, Jobs realised, Jobs? sroi) =>
        new(sector, year, SectorRealisation.Compute(target, realised), sroi is null ? null : SectorRealisation.Compute(target, realised, sroi));

    private static RegimeOutcome NotComputable(Regime r, int year, string reason) =>
        new(r, year, false, Euros.Zero, Euros.Zero, false, [reason], new Trace().Add(reason, "niet te berekenen", null, ""));
}
