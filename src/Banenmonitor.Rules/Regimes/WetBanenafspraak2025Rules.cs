using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Units;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Rules.Regimes;

/// <summary>
/// The Wet banenafspraak of 23 April 2025 (BWBR0051018) for one employer: inclusiveness surcharge on the
/// disability-fund premium once the quota is activated (art. 5, 6), the job agreement bonus per 25.5-hour job
/// (Wtl art. 2.13 lid 2) and the wage cost advantage per paid hour with its cap (Wtl art. 2.10, 2.13).
/// Unconfirmed parameters (activation year, quota and surcharge percentage) are used only when supplied, and said so.
/// </summary>
public sealed class WetBanenafspraak2025Rules(ParameterSet parameters)
{
    public RegimeOutcome Compute(EmployerYear e)
    {
        var y = e.Year;
        var trace = new Trace();
        var summary = new List<string>();

        // 1. Wage cost advantage (LKV) per target-group employee, capped per year.
        var lkvRate = parameters.Get(P.LkvPerHour, y);
        var lkvMax = parameters.Get(P.LkvMaxPerEmployee, y);
        var lkv = 0m;
        foreach (var w in e.TargetGroupEmployees ?? [])
        {
            var raw = w.Hours.Value * lkvRate.Required;
            var capped = Math.Min(raw, lkvMax.Required);
            lkv += capped;
            trace.Add($"Loonkostenvoordeel doelgroep banenafspraak voor {w.Reference}", "min(verloonde uren × bedrag per uur, maximum per jaar)", capped, "euro",
                [new("verloonde uren", w.Hours.Value, "uur"), new("onbegrensd", raw, "euro")], [lkvRate, lkvMax], legal: "Wtl art. 2.10 en 2.13");
        }
        if (e.TargetGroupEmployees is { Count: > 0 })
        {
            trace.Add("Loonkostenvoordeel totaal", "som over de werknemers", lkv, "euro", legal: "Wtl art. 2.10");
            summary.Add($"Loonkostenvoordeel: € {DutchFormat.Fixed(lkv, 2)}");
        }

        // 2. Activation of the quota part (art. 5).
        var activated = parameters.TryGet(P.WbaActivationYear, y, out var actParam);
        var activationYear = activated ? (int)actParam!.Required : (int?)null;
        if (activationYear is null)
        {
            trace.Add("Quotumregeling van de Wet banenafspraak: activeringsjaar niet bekend (onbevestigd); opslag en bonus zijn niet van toepassing",
                "geactiveerd?", 0m, "ja(1)/nee(0)", parameters: parameters.History(P.WbaActivationYear), legal: "Wet banenafspraak art. 5",
                note: "Een beheerder kan het activeringsjaar met bron opgeven.");
            summary.Add("Quotumregeling niet geactiveerd (activeringsjaar onbekend): geen inclusiviteitsopslag en geen banenafspraakbonus.");
            return new RegimeOutcome(Regime.WetBanenafspraak2025, y, true, Euros.Zero, new Euros(lkv), false, summary, trace);
        }
        var active = y >= activationYear;
        trace.Add($"Quotumregeling geactiveerd vanaf {activationYear}", "jaar ≥ activeringsjaar?", active ? 1 : 0, "ja(1)/nee(0)", parameters: [actParam!], legal: "Wet banenafspraak art. 5");

        // 3. Job agreement bonus per 25.5-hour job, pro rata (paid with the LKV).
        var bonus = 0m;
        if (active)
        {
            var perJob = parameters.Get(P.WbaBonusPerJob, y);
            var jobs = new JobConversion(parameters).JobsFromHours(e.TargetGroupHours, PeriodLength.Year, y);
            trace.Append(jobs.Trace);
            bonus = jobs.Value.Value * perJob.Required;
            trace.Add("Banenafspraakbonus: banen van 25,5 uur per week, naar rato, × bonus per baan", "banen × bonus per baan", bonus, "euro",
                [new("banen", jobs.Value.Value, "banen")], [perJob], legal: "Wtl art. 2.13 lid 2; Wet banenafspraak art. 1");
            summary.Add($"Banenafspraakbonus: € {DutchFormat.Fixed(bonus, 2)}");
        }

        // 4. Inclusiveness surcharge from the n-th calendar year after activation, not for small employers.
        var surcharge = 0m;
        var after = parameters.Get(P.WbaSurchargeYearsAfterActivation, y);
        var from = activationYear.Value + (int)after.Required;
        if (y < from)
        {
            trace.Add($"Inclusiviteitsopslag geldt pas vanaf {from}", "jaar ≥ activeringsjaar + termijn?", 0, "ja(1)/nee(0)", parameters: [after], legal: "Wet banenafspraak art. 6");
        }
        else
        {
            var n = parameters.Get(P.WbaThresholdEmployees, y);
            var ehours = parameters.Get(P.AverageEmployeeHoursPerYear, y);
            var threshold = n.Required * ehours.Required;
            if (e.TotalPaidHours.Value < threshold)
            {
                trace.Add("Kleine werkgever: geen inclusiviteitsopslag", "A < drempel", e.TotalPaidHours.Value, "uur", parameters: [n, ehours], legal: "Wet banenafspraak art. 6");
                summary.Add("Kleine werkgever: geen inclusiviteitsopslag.");
            }
            else
            {
                var pct = parameters.Get(P.WbaQuotaPercentage, y);
                var share = e.TotalPaidHours.Value == 0 ? 0 : e.TargetGroupHours.Value / e.TotalPaidHours.Value * 100m;
                trace.Add("Aandeel verloonde uren van de doelgroep", "C ÷ A × 100", share, "%",
                    [new("C", e.TargetGroupHours.Value, "uur"), new("A", e.TotalPaidHours.Value, "uur")], [pct], legal: "Wet banenafspraak art. 6");
                if (share >= pct.Required)
                {
                    summary.Add("Quotumpercentage gehaald: geen inclusiviteitsopslag.");
                }
                else
                {
                    var rate = parameters.Get(P.WbaSurchargePercentage, y);
                    var baseAmount = (e.PremiumBase ?? throw new ArgumentException("Voor de inclusiviteitsopslag is het premieloon Aof nodig.")).Value
                                     - (e.PremiumBaseExcluded?.Value ?? 0m);
                    surcharge = Math.Max(0m, baseAmount) * rate.Required / 100m;
                    trace.Add("Inclusiviteitsopslag: premieloon (zonder uitgeleende werknemers, niet-gedetacheerde Wsw en beschut werk) × opslagpercentage",
                        "opslag = premieloon × percentage", surcharge, "euro",
                        [new("premieloon", e.PremiumBase!.Value.Value, "euro"), new("uitgezonderd", e.PremiumBaseExcluded?.Value ?? 0m, "euro")], [rate],
                        legal: "Wet banenafspraak art. 6");
                    summary.Add($"Inclusiviteitsopslag: € {DutchFormat.Fixed(surcharge, 2)}");
                }
            }
        }
        return new RegimeOutcome(Regime.WetBanenafspraak2025, y, true, new Euros(surcharge), new Euros(lkv + bonus), false, summary, trace);
    }
}
