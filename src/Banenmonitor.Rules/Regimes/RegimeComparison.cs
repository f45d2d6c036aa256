using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Rules.Sectors;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Rules.Regimes;

/// <summary>Both regimes on the same employer data, with the difference explained.</summary>
public sealed record EmployerComparison(RegimeOutcome Quotumregeling, RegimeOutcome WetBanenafspraak2025, RegimeOutcome? QuotumregelingSroiScenario, IReadOnlyList<string> Explanation);

/// <summary>A sector's realisation under current counting and under the SROI scenario (SROI jobs count for the procurer).</summary>
public sealed record SectorScenario(string Sector, int Year, SectorRealisationResult Current, SectorRealisationResult? SroiForProcurer)
{
    /// <summary>Decimals of a sector's realisation percentage as the sector reports publish it (Kamerbrief BZK 2024 over 2023: 120,4%, 61,9%).</summary>
    public const int PercentageDecimals = 1;

    /// <summary>The realisation percentage under current counting, rounded once, here (half away from zero, as published).</summary>
    public decimal CurrentPercentage => LegalRounding.Half(Current.Percentage.Points, PercentageDecimals);

    /// <summary>The realisation percentage in the SROI scenario, rounded once, here.</summary>
    public decimal? ScenarioPercentage => SroiForProcurer?.PercentageIncludingSroi is { } p ? LegalRounding.Half(p.Points, PercentageDecimals) : null;

    /// <summary>
    /// The difference in percentage points between the two rounded percentages, so every table and text that shows
    /// the percentages shows a difference that adds up (vo 2023: 29,2% − 22,1% = 7,1).
    /// </summary>
    public decimal? DifferencePoints => ScenarioPercentage - CurrentPercentage;
}

/// <summary>Computes the regimes side by side (quotumregeling vs Wet banenafspraak 2025) and the SROI-counting scenario.</summary>
public sealed class RegimeComparison(ParameterSet parameters)
{
    private static readonly Trace NoTrace = new();
    private static readonly IReadOnlyList<string> NoSummary = [];

    private readonly QuotaCalculator _quota = new(parameters);
    private readonly WetBanenafspraak2025Rules _wba = new(parameters);

    /// <summary>The quotumregeling as a regime outcome: the levy (suspended under Wfsv art. 122na) and nothing received.</summary>
    public RegimeOutcome Quotumregeling(EmployerYear e, bool sroiScenario = false) => Quotumregeling(e, sroiScenario, explain: true);

    public RegimeOutcome WetBanenafspraak2025(EmployerYear e) => WetBanenafspraak2025(e, explain: true);

    /// <summary>
    /// Both regimes' figures for one employer without traces or summaries (bulk runs over all employers of a year): the
    /// same computation as <see cref="Quotumregeling(EmployerYear, bool)"/> on <paramref name="e"/> and
    /// <see cref="WetBanenafspraak2025(EmployerYear)"/> on <paramref name="e"/> with the year <paramref name="regimeYear"/>
    /// (default <paramref name="e"/>'s year), as <see cref="Compare"/> computes them; only the explanation is skipped.
    /// </summary>
    public (RegimeFigures Quotumregeling, RegimeFigures WetBanenafspraak2025) Figures(EmployerYear e, int? regimeYear = null)
    {
        var quota = RegimeFigures.Of(Quotumregeling(e, sroiScenario: false, explain: false));
        var ry = regimeYear ?? e.Year;
        var wba = RegimeFigures.Of(WetBanenafspraak2025(ry == e.Year ? e : e with { Year = ry }, explain: false));
        return (quota, wba);
    }

    private RegimeOutcome Quotumregeling(EmployerYear e, bool sroiScenario, bool explain)
    {
        try
        {
            var c = e.TargetGroupHours;
            var pre = explain ? new Trace() : null;
            if (sroiScenario && e.SroiHours is { } s && s.Value > 0)
            {
                var capped = PaidHours.Min(e.TotalPaidHours, c + s);
                pre?.Add("Scenario: SROI-banen tellen bij de aanbestedende werkgever (niet bij de leverancier)", "C = C + SROI-uren (ten hoogste A)", capped.Value, "uur",
                    [new("C", c.Value, "uur"), new("SROI-uren", s.Value, "uur")], note: "Beleidsoptie uit Kamerstuk 34 352, nr. 255 en de Kamerbrief BZK 2022 over 2021 (voetnoot 5); geen geldend recht.");
                c = capped;
            }
            var input = new QuotaInput(e.Year, e.TotalPaidHours, c, e.TotalPaidHoursPreviousYear, e.Attributions, e.AgencyStaffHours, e.IsGovernmentEmployer);
            QuotaFigures q;
            var trace = NoTrace;
            var summary = NoSummary;
            if (explain)
            {
                var r = _quota.Compute(input);
                q = r.Figures;
                trace = new Trace().Append(pre!).Append(r.Trace);
                summary = [r.Exempt ? r.Reason! : $"Quotumtekort {DutchFormat.Number(r.Shortfall.Value, 1)} banen; quotumheffing € {DutchFormat.Fixed(r.Levy.Value, 2)}" + (r.LevySuspended ? " (opgeschort, Wfsv art. 122na)" : "")];
            }
            else q = _quota.Figures(input);
            return new RegimeOutcome(Regime.Quotumregeling, e.Year, true, q.Levy, Euros.Zero, q.LevySuspended, summary, trace)
            {
                Amounts = [new RegimeAmount(RegimeAmountKind.Levy, q.Levy)],
                SubjectToQuota = !q.Exempt,
                Shortfall = q.Shortfall,
            };
        }
        catch (MissingParameterException ex)
        {
            return NotComputable(Regime.Quotumregeling, e.Year, ex.Message, explain);
        }
    }

    private RegimeOutcome WetBanenafspraak2025(EmployerYear e, bool explain)
    {
        try { return explain ? _wba.Compute(e) : _wba.FiguresOutcome(e); }
        catch (Exception ex) when (ex is MissingParameterException or ArgumentException)
        {
            return NotComputable(Regime.WetBanenafspraak2025, e.Year, ex.Message, explain);
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

    private static RegimeOutcome NotComputable(Regime r, int year, string reason, bool explain) =>
        new(r, year, false, Euros.Zero, Euros.Zero, false, [reason], explain ? new Trace().Add(reason, "niet te berekenen", null, "") : NoTrace);
}
