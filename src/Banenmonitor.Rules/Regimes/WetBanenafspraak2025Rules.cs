using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Units;
using static Banenmonitor.Rules.Laws.LawCatalog;

namespace Banenmonitor.Rules.Regimes;

/// <summary>
/// The Wet banenafspraak of 23 April 2025 (BWBR0051018) for one employer: inclusiveness surcharge on the
/// disability-fund premium once the quota is activated (art. 5, 6), the job agreement bonus per 25.5-hour job
/// (Wtl art. 2.13 lid 2) and the wage cost advantage per paid hour with its cap (Wtl art. 2.10, 2.13).
/// Unconfirmed parameters (activation year, quota and surcharge percentage) are used only when supplied, and said so.
/// </summary>
public sealed class WetBanenafspraak2025Rules(ParameterSet parameters)
{
    /// <summary>Stand-ins for trace and summary on the path without explanation; never handed out with content.</summary>
    private static readonly Trace NoTrace = new();
    private static readonly IReadOnlyList<string> NoSummary = [];

    private readonly JobConversion _jobs = new(parameters);

    /// <summary>The outcome with its full trace and Dutch summary.</summary>
    public RegimeOutcome Compute(EmployerYear e) => Compute(e, new Trace(), []);

    /// <summary>
    /// The same computation without building the trace or the summary (bulk runs over hundreds of thousands of employers,
    /// whose explanation is asked for one at a time): the same code as <see cref="Compute(EmployerYear)"/>, whose trace
    /// steps and summary lines are added through <c>trace?.Add</c> and <c>summary?.Add</c>, so their arguments are not
    /// evaluated without them.
    /// </summary>
    public RegimeFigures Figures(EmployerYear e) => RegimeFigures.Of(FiguresOutcome(e));

    /// <summary>The outcome of <see cref="Figures"/> before it is reduced to figures: empty trace and summary.</summary>
    internal RegimeOutcome FiguresOutcome(EmployerYear e) => Compute(e, null, null);

    /// <summary>Why the surcharge of an employer that misses the quota percentage is not computed (<see cref="RegimeOutcome.Incomplete"/>).</summary>
    public const string SurchargeWithoutPremiumBase = "Inclusiviteitsopslag niet berekend: het premieloon Aof ontbreekt.";

    /// <summary>Why the surcharge is not computed when the small-employer test lacks the average premium wage of the year.</summary>
    public static string SmallEmployerTestWithoutAverageWage(int year) =>
        $"Inclusiviteitsopslag niet berekend: het gemiddelde premieloon per werknemer voor {year} is niet bekend (onbevestigd), dus de kleinewerkgeverstoets " +
        "(premieloon van jaar t−2 ten hoogste een vast veelvoud van het gemiddelde premieloon, Besluit Wfsv art. 2.19d) kan niet worden uitgevoerd. Een beheerder kan het met bron opgeven.";

    /// <summary>Why the surcharge is not computed when the employer's premium base of year t−2 is not given.</summary>
    public static string SmallEmployerTestWithoutWageBill(int year) =>
        $"Inclusiviteitsopslag niet berekend: het premieloon van {year - 2} (jaar t−2) ontbreekt, dus de kleinewerkgeverstoets " +
        "(premieloon van jaar t−2 ten hoogste een vast veelvoud van het gemiddelde premieloon, Besluit Wfsv art. 2.19d) kan niet worden uitgevoerd. " +
        "Het aantal werknemers of de verloonde uren zeggen daar niets over.";

    /// <summary>
    /// The small-employer test of the surcharge (Wet banenafspraak art. 6): the premium base (wage bill) of year t−2 at most
    /// <c>wba_kleine_werkgever_factor</c> × the average premium wage of year t (Besluit Wfsv art. 2.19d). Null, with
    /// <paramref name="incomplete"/> set, when the test cannot be made: the wage bill of t−2 is not given, or the average
    /// premium wage of the year is unknown. There is no fallback on employees or hours: the law tests the wage bill.
    /// </summary>
    private bool? SmallEmployer(EmployerYear e, Trace? trace, out string? incomplete)
    {
        incomplete = null;
        var y = e.Year;
        var w = WetBanenafspraakParameters.For(parameters, y, trace);
        var factor = w.SmallEmployerFactor;
        if (e.PremiumBaseTwoYearsBefore is not { } wageBill)
        {
            incomplete = SmallEmployerTestWithoutWageBill(y);
            trace?.Add("Kleinewerkgeverstoets niet uit te voeren: het premieloon van jaar t−2 ontbreekt", "premieloon t−2 ≤ factor × gemiddeld premieloon",
                null, "ja(1)/nee(0)", legal: [BesluitWfsv.Article("2.19d"), WetBanenafspraak.Article("6")],
                note: "De toets gaat over het premieloon van twee jaar eerder, niet over het aantal werknemers of de verloonde uren.");
            return null;
        }
        if (w.AveragePremiumWage is not { } average)
        {
            incomplete = SmallEmployerTestWithoutAverageWage(y);
            trace?.Add("Kleinewerkgeverstoets niet uit te voeren: gemiddeld premieloon per werknemer onbekend", "premieloon t−2 ≤ factor × gemiddeld premieloon",
                null, "ja(1)/nee(0)", [new("premieloon t−2", wageBill.Value, "euro")],
                legal: [BesluitWfsv.Article("2.19d"), WetBanenafspraak.Article("6")], note: "Een beheerder kan het gemiddelde premieloon met bron opgeven.");
            return null;
        }
        var limit = factor * average.Value;
        var isSmall = wageBill.Value <= limit;
        trace?.Add(isSmall ? "Kleine werkgever: geen inclusiviteitsopslag" : "Geen kleine werkgever: premieloon t−2 boven de grens",
            "premieloon t−2 ≤ factor × gemiddeld premieloon?", isSmall ? 1 : 0, "ja(1)/nee(0)",
            [new("premieloon t−2", wageBill.Value, "euro"), new("grens", limit, "euro")], legal: [BesluitWfsv.Article("2.19d"), WetBanenafspraak.Article("6")]);
        return isSmall;
    }

    private RegimeOutcome Compute(EmployerYear e, Trace? trace, List<string>? summary)
    {
        var y = e.Year;
        var p = WetBanenafspraakParameters.For(parameters, y, trace);

        // 1. Wage cost advantage (LKV) per target-group employee, capped per year.
        var lkv = 0m;
        foreach (var w in e.TargetGroupEmployees ?? [])
        {
            var raw = w.Hours.Value * p.LkvPerHour.Value;
            var capped = Math.Min(raw, p.LkvMaxPerEmployee.Value);
            lkv += capped;
            trace?.Add($"Loonkostenvoordeel doelgroep banenafspraak voor {w.Reference}", "min(verloonde uren × bedrag per uur, maximum per jaar)", capped, "euro",
                [new("verloonde uren", w.Hours.Value, "uur"), new("onbegrensd", raw, "euro")], legal: [Wtl.Article("2.10"), Wtl.Article("2.13")]);
        }
        if (e.TargetGroupEmployees is { Count: > 0 })
        {
            trace?.Add("Loonkostenvoordeel totaal", "som over de werknemers", lkv, "euro", legal: [Wtl.Article("2.10")]);
            summary?.Add($"Loonkostenvoordeel: € {DutchFormat.Fixed(lkv, 2)}");
        }

        // 2. Activation of the quota part (art. 5).
        var activationYear = p.ActivationYear;
        if (activationYear is null)
        {
            trace?.Add("Quotumregeling van de Wet banenafspraak: activeringsjaar niet bekend (onbevestigd); opslag en bonus zijn niet van toepassing",
                "geactiveerd?", 0m, "ja(1)/nee(0)", legal: [WetBanenafspraak.Article("5")],
                note: "Een beheerder kan het activeringsjaar met bron opgeven.");
            summary?.Add("Quotumregeling niet geactiveerd (activeringsjaar onbekend): geen inclusiviteitsopslag en geen banenafspraakbonus.");
            return new RegimeOutcome(Regime.WetBanenafspraak2025, y, true, Euros.Zero, new Euros(lkv), false, summary ?? NoSummary, trace ?? NoTrace)
            {
                Amounts = [new RegimeAmount(RegimeAmountKind.WageCostAdvantage, new Euros(lkv))],
            };
        }
        var active = y >= activationYear;
        trace?.Add($"Quotumregeling geactiveerd vanaf {activationYear}", "jaar ≥ activeringsjaar?", active ? 1 : 0, "ja(1)/nee(0)", legal: [WetBanenafspraak.Article("5")]);

        // 3. Job agreement bonus per 25.5-hour job, pro rata (paid with the LKV).
        var bonus = 0m;
        if (active)
        {
            var jobs = _jobs.JobsFromHours(e.TargetGroupHours, PeriodLength.Year, y, trace);
            bonus = LegalRounding.Down(jobs.Value * p.BonusPerJob.Value, 2);
            trace?.Add("Banenafspraakbonus: banen van 25,5 uur per week, naar rato, × bonus per baan (naar beneden afgerond op centen)", "banen × bonus per baan", bonus, "euro",
                [new("banen", jobs.Value, "banen")], legal: [Wtl.Article("2.13", "2"), WetBanenafspraak.Article("1")]);
            summary?.Add($"Banenafspraakbonus: € {DutchFormat.Fixed(bonus, 2)}");
        }

        // 4. Inclusiveness surcharge from the n-th calendar year after activation, not for small employers.
        var surcharge = 0m;
        var subject = false;
        string? incomplete = null;
        var from = activationYear.Value + p.SurchargeYearsAfterActivation;
        if (y < from)
        {
            trace?.Add($"Inclusiviteitsopslag geldt pas vanaf {from}", "jaar ≥ activeringsjaar + termijn?", 0, "ja(1)/nee(0)", legal: [WetBanenafspraak.Article("6")]);
        }
        else
        {
            var a = e.TotalPaidHours.Value;
            if (e.AgencyStaffHours is { Value: > 0 } agency)
            {
                a = Math.Max(0m, a - agency.Value);
                trace?.Add("A zonder de uren van uitzendkrachten die aan anderen zijn uitgeleend (de opslag geldt niet over uitgeleende werknemers)",
                    "A = verloonde uren − uren uitzendkrachten", a, "uur",
                    [new("verloonde uren", e.TotalPaidHours.Value, "uur"), new("uren uitzendkrachten", agency.Value, "uur")], legal: [WetBanenafspraak.Article("6")]);
            }
            var small = SmallEmployer(e, trace, out incomplete);
            if (small is null)
            {
                summary?.Add(incomplete!);
            }
            else if (small.Value)
            {
                summary?.Add("Kleine werkgever: geen inclusiviteitsopslag.");
            }
            else
            {
                subject = true;
                // The law has no quota percentage per employer; an assumed one (scenario input) exempts employers above it.
                var scenario = p.ScenarioQuotaPercentage;
                var share = a == 0 ? 0 : e.TargetGroupHours.Value / a * 100m;
                if (scenario is not null)
                    trace?.Add("Scenario: aandeel verloonde uren van de doelgroep tegenover een aangenomen quotumpercentage (geen wettelijke toets)", "C ÷ A × 100", share, "%",
                        [new("C", e.TargetGroupHours.Value, "uur"), new("A", a, "uur")], legal: [WetBanenafspraak.Article("6")],
                        note: "De Wet banenafspraak kent geen quotumpercentage per werkgever; dit percentage is een scenario-aanname.");
                if (scenario is { } assumed && share >= assumed.Points)
                {
                    summary?.Add("Scenario: aangenomen quotumpercentage gehaald, dus in dit scenario geen inclusiviteitsopslag.");
                }
                else
                {
                    var rate = p.SurchargePercentage.Points;
                    if (e.PremiumBase is not { } premium)
                    {
                        incomplete = SurchargeWithoutPremiumBase;
                        trace?.Add("Opslagplichtig, maar het premieloon Aof ontbreekt: de inclusiviteitsopslag is niet te berekenen", "opslag = premieloon × percentage",
                            null, "euro", legal: [WetBanenafspraak.Article("6")]);
                        summary?.Add(incomplete);
                    }
                    else
                    {
                        var excluded = e.PremiumBaseExcluded?.Value ?? 0m;
                        surcharge = LegalRounding.Down(Math.Max(0m, premium.Value - excluded) * rate / 100m, 2);
                        trace?.Add("Inclusiviteitsopslag: premieloon (zonder uitgeleende werknemers, niet-gedetacheerde Wsw en beschut werk) × opslagpercentage (naar beneden afgerond op centen)",
                            "opslag = (premieloon − uitgezonderd) × percentage", surcharge, "euro",
                            [new("premieloon", premium.Value, "euro"), new("uitgezonderd", excluded, "euro")],
                            legal: [WetBanenafspraak.Article("6")]);
                        summary?.Add($"Inclusiviteitsopslag: € {DutchFormat.Fixed(surcharge, 2)}");
                    }
                }
            }
        }
        return new RegimeOutcome(Regime.WetBanenafspraak2025, y, true, new Euros(surcharge), new Euros(lkv + bonus), false, summary ?? NoSummary, trace ?? NoTrace)
        {
            Incomplete = incomplete,
            Amounts =
            [
                new RegimeAmount(RegimeAmountKind.WageCostAdvantage, new Euros(lkv)),
                new RegimeAmount(RegimeAmountKind.Bonus, new Euros(bonus)),
                new RegimeAmount(RegimeAmountKind.Surcharge, new Euros(surcharge)),
            ],
            SubjectToQuota = subject,
        };
    }
}
