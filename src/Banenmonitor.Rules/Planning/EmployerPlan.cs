using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Rules.Regimes;
using Banenmonitor.Rules.Units;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Rules.Planning;

/// <summary>
/// The starting point of an employer's plan: its paid hours A and target-group hours C in a base year (from stored payroll
/// or typed), the expected growth of its paid hours per year (percent), and — for the surcharge — its premium base.
/// </summary>
public sealed record PlanBasis(int BaseYear, decimal PaidHours, decimal TargetGroupHours, decimal GrowthPercent, bool IsGovernmentEmployer,
    decimal? PremiumBase = null, string Source = "opgegeven door de werkgever");

/// <summary>What one regime asks in a plan year: the target-group jobs and hours to stay out of its levy or surcharge, and what doing nothing costs.</summary>
public sealed record PlanRegimeYear(
    string Regime,
    bool Applies,
    decimal? JobsNeeded,
    decimal? HoursNeeded,
    decimal? JobsToAdd,
    decimal? CostOfDoingNothing,
    bool CostSuspended,
    string Explanation,
    IReadOnlyList<ParameterValue> Parameters)
{
    /// <summary>True when a parameter used is unconfirmed (an assumption or a value without a source).</summary>
    public bool UsesUnconfirmed => Parameters.Any(p => p.Status == ParameterStatus.Unconfirmed);
}

/// <summary>
/// One plan year: the expected paid hours, the current target-group jobs (C kept at the base year's level: "doing
/// nothing"), both regimes, and what the wage cost advantage (LKV) brings for the jobs to add.
/// </summary>
public sealed record PlanYear(int Year, decimal PaidHours, decimal CurrentJobs, PlanRegimeYear Quotumregeling, PlanRegimeYear WetBanenafspraak,
    decimal? LkvPerJob, decimal? LkvForJobsToAdd, string LkvExplanation, IReadOnlyList<ParameterValue> LkvParameters);

/// <summary>
/// The employer's multi-year plan (issue 24): for every year, with the paid hours growing by the expected percentage
/// (rounded to whole hours each year), how many target-group jobs and hours the employer needs to stay out of the levy
/// under the quotumregeling (the required jobs A × B ÷ D of <see cref="QuotaCalculator"/>) and out of the surcharge under
/// the Wet banenafspraak (hours A × quota percentage, in jobs of D hours), what doing nothing costs (the target-group hours
/// stay at the base year's level: the levy of the calculator, the surcharge of <see cref="WetBanenafspraak2025Rules"/>),
/// and what the LKV brings for the jobs to add (each a job of D hours: min(D × bedrag per uur, maximum per werknemer)).
/// Every figure comes from the rules core with the parameter set passed in; a parameter without value (not applicable,
/// unconfirmed) is said, never guessed.
/// </summary>
public sealed class EmployerPlan(ParameterSet parameters)
{
    public IReadOnlyList<PlanYear> Compute(PlanBasis basis, int from, int to)
    {
        if (basis.PaidHours <= 0) throw new ArgumentException("De verloonde uren van het basisjaar moeten groter dan nul zijn.");
        if (basis.TargetGroupHours < 0 || basis.TargetGroupHours > basis.PaidHours)
            throw new ArgumentException("De uren van de doelgroep moeten tussen nul en de verloonde uren liggen.");
        if (basis.GrowthPercent <= -100) throw new ArgumentException("De groei van de verloonde uren moet groter dan −100% zijn.");
        if (from <= basis.BaseYear) throw new ArgumentException($"Het plan begint na het basisjaar {basis.BaseYear}.");
        if (to < from || to - from > 20) throw new ArgumentException("Kies een planperiode van ten hoogste 21 jaren, 'tot' niet vóór 'van'.");
        var list = new List<PlanYear>();
        for (var y = from; y <= to; y++)
        {
            var factor = 1m;
            for (var i = basis.BaseYear; i < y; i++) factor *= 1 + basis.GrowthPercent / 100m;
            var a = Math.Round(basis.PaidHours * factor, 0, MidpointRounding.AwayFromZero);
            var previous = Math.Round(basis.PaidHours * (factor / (1 + basis.GrowthPercent / 100m)), 0, MidpointRounding.AwayFromZero);
            var d = parameters.Get(P.HoursPerJobPerYear, y);
            var current = basis.TargetGroupHours / d.Required;
            var quota = Quota(basis, y, a, previous, d);
            var wba = Wba(basis, y, a, previous, d);
            var toAdd = new[] { quota.JobsToAdd, wba.JobsToAdd }.Where(j => j is not null).DefaultIfEmpty(null).Max();
            list.Add(Lkv(y, a, LegalRounding.Down(current, 2), quota, wba, toAdd, d));
        }
        return list;
    }

    private PlanYear Lkv(int y, decimal a, decimal current, PlanRegimeYear quota, PlanRegimeYear wba, decimal? toAdd, ParameterValue d)
    {
        if (!parameters.TryGet(P.LkvPerHour, y, out var rate) || !parameters.TryGet(P.LkvMaxPerEmployee, y, out var max))
            return new PlanYear(y, a, current, quota, wba, null, null,
                $"Het loonkostenvoordeel voor {y} staat niet in de parameters (bedrag per uur of maximum per werknemer ontbreekt).", []);
        var perJob = Math.Min(d.Required * rate!.Required, max!.Required);
        // before the Wet banenafspraak the LKV needed a target-group declaration and ran for a limited number of years per employee (see the source)
        var before = Regime.WetBanenafspraak2025.Governs(y) ? "" :
            " Tot de Wet banenafspraak alleen met een doelgroepverklaring en voor een beperkt aantal jaren per werknemer (zie de bron).";
        return new PlanYear(y, a, current, quota, wba, perJob, toAdd is { } j ? LegalRounding.Down(j * perJob, 2) : null,
            "Per extra baan van D uur: min(D × bedrag per uur, maximum per werknemer) (Wtl art. 2.10 en 2.13)." + before, [d, rate, max]);
    }

    private PlanRegimeYear Quota(PlanBasis basis, int y, decimal a, decimal previous, ParameterValue d)
    {
        const string name = "quotumregeling";
        if (!Regime.Quotumregeling.Governs(y))
            return new(name, false, null, null, null, null, false, $"De quotumregeling geldt niet in {y} (vervangen door de Wet banenafspraak).", []);
        try
        {
            var calc = new QuotaCalculator(parameters);
            var result = calc.Compute(new QuotaInput(y, new PaidHours(a), new PaidHours(basis.TargetGroupHours), new PaidHours(previous), null, null,
                basis.IsGovernmentEmployer));
            var used = result.Trace.ParametersUsed.DistinctBy(v => (v.Name, v.ValidFrom)).ToList();
            if (result.Exempt)
                return new(name, true, 0, 0, 0, 0, false, result.Reason ?? "Vrijgesteld.", used);
            var required = result.RequiredJobs!.Value.Value;
            var hours = result.Working!.RequiredHours;
            return new(name, true, required, hours, result.Shortfall.Value, result.Levy.Value, result.LevySuspended,
                $"Vereiste banen A × B ÷ D = {DutchFormat.Number(required, 1)} (Wfsv art. 38g lid 3); zonder extra banen een tekort van " +
                $"{DutchFormat.Number(result.Shortfall.Value, 1)} × heffing per ontbrekende baan (Wfsv art. 38h lid 4)" +
                (result.LevySuspended ? "; de heffing is opgeschort (Wfsv art. 122na)." : "."), used);
        }
        catch (MissingParameterException e)
        {
            return new(name, true, null, null, null, null, false, e.Message, [.. parameters.History(e.Parameter ?? P.QuotaPercentageGovernment).Where(v => v.ValidFrom.Year <= y).TakeLast(1)]);
        }
    }

    private PlanRegimeYear Wba(PlanBasis basis, int y, decimal a, decimal previous, ParameterValue d)
    {
        const string name = "Wet banenafspraak";
        if (!Regime.WetBanenafspraak2025.Governs(y))
            return new(name, false, null, null, null, null, false, $"De Wet banenafspraak geldt vanaf {Regime.WetBanenafspraak2025.FirstYear}.", []);
        var used = new List<ParameterValue> { d };
        var notes = new List<string>();
        decimal? jobs = null, hours = null, toAdd = null;
        if (parameters.TryGet(P.WbaScenarioQuotaPercentage, y, out var pct))
        {
            used.Add(pct!);
            hours = LegalRounding.Down(a * pct!.Required / 100m, 2);
            // at least this many jobs: rounded up to a hundredth, less is too little
            jobs = Math.Ceiling(hours.Value / d.Required * 100m) / 100m;
            toAdd = Math.Max(0m, Math.Ceiling((hours.Value - basis.TargetGroupHours) / d.Required * 100m) / 100m);
            notes.Add($"Scenario (de Wet banenafspraak kent geen quotumpercentage per werkgever): uren doelgroep nodig bij een aangenomen percentage: A × percentage = {DutchFormat.Number(hours.Value, 2)} uur, {DutchFormat.Number(jobs.Value, 2)} banen van {DutchFormat.Number(d.Required, 0)} uur" +
                      $" (aangenomen percentage {DutchFormat.Number(pct.Required, 2)}%: {pct.Source}).");
        }
        else
        {
            used.AddRange(parameters.History(P.WbaScenarioQuotaPercentage).Where(v => v.ValidFrom.Year <= y).TakeLast(1));
            notes.Add("Geen banen per werkgever vereist: de Wet banenafspraak kent geen quotumpercentage per werkgever (art. 5 toetst de landelijke doelstelling, art. 6 legt de inclusiviteitsopslag op). " +
                      "Vul een scenario-aanname in om te zien hoeveel banen bij een aangenomen percentage nodig zouden zijn.");
        }
        var outcome = new RegimeComparison(parameters).WetBanenafspraak2025(new EmployerYear(y, new PaidHours(a), new PaidHours(basis.TargetGroupHours),
            new PaidHours(previous), basis.IsGovernmentEmployer, basis.PremiumBase is { } pb ? new Euros(pb) : null,
            // the plan has one premium base; the small-employer test (Besluit Wfsv art. 2.19d) takes the wage bill of t−2 as that same figure
            PremiumBaseTwoYearsBefore: basis.PremiumBase is { } pb2 ? new Euros(pb2) : null));
        if (basis.PremiumBase is not null)
            notes.Add("Kleinewerkgeverstoets: het premieloon van jaar t−2 is gelijk genomen aan het opgegeven premieloon.");
        used.AddRange(outcome.Trace.ParametersUsed);
        // unknown activation year: whether a surcharge will ever be due is unknown too, so no cost is shown (not € 0)
        decimal? cost = outcome.Incomplete is null && parameters.TryGet(P.WbaActivationYear, y, out _) ? outcome.Amount(RegimeAmountKind.Surcharge) : null;
        notes.AddRange(outcome.Summary.Where(s => !s.StartsWith("Loonkostenvoordeel", StringComparison.Ordinal)));
        return new(name, true, jobs, hours, toAdd, cost, false, string.Join(" ", notes), used.DistinctBy(v => (v.Name, v.ValidFrom)).ToList());
    }
}
