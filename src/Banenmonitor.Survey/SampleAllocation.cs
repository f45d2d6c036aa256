namespace Banenmonitor.Survey;

/// <summary>A stratum to allocate invitations to: its measure (population count, or e.g. share of target-group workers)
/// and optionally its population size (an upper bound).</summary>
public sealed record AllocationStratum(string Stratum, double Measure, int? PopulationSize = null);

/// <summary>The allocation of one stratum (<i>toewijzing</i>).</summary>
public sealed record AllocatedStratum(string Stratum, double Measure, double Share, double Exact, int Allocated, bool RaisedToMinimum, bool CappedAtPopulation)
{
    public string NoteDutch => RaisedToMinimum ? "verhoogd tot het minimum per stratum"
        : CappedAtPopulation ? "begrensd op de populatieomvang" : "naar rato";
}

/// <summary>
/// Sample allocation (<i>steekproefverdeling</i>): invitations proportional to a measure per stratum — the population
/// (proportional allocation) or, as in the research report (De Beleidsonderzoekers 2023) §7.2, the share of target-group workers — with a minimum per stratum and at
/// most the population of a stratum. Strata that hit the minimum or the population are fixed and the rest is re-allocated
/// over the others; integers by largest remainder, so the allocations add up to the total exactly.
/// </summary>
public static class SampleAllocation
{
    public static IReadOnlyList<AllocatedStratum> Allocate(IReadOnlyList<AllocationStratum> strata, int total, int minimum = 0)
    {
        if (strata.Count == 0) throw new ArgumentException("Geen strata om te verdelen.");
        if (total < 0 || minimum < 0) throw new ArgumentException("Totaal en minimum mogen niet negatief zijn.");
        foreach (var s in strata)
            if (!(s.Measure >= 0) || !double.IsFinite(s.Measure)) throw new ArgumentException($"Stratum '{s.Stratum}': maat {s.Measure} is ongeldig.");
        var cap = strata.Select(s => s.PopulationSize ?? int.MaxValue).ToArray();
        var floor = strata.Select((s, i) => Math.Min(minimum, cap[i])).ToArray();
        if (floor.Sum(f => (long)f) > total)
            throw new ArgumentException($"Het minimum van {minimum} per stratum vraagt meer dan de {total} beschikbare uitnodigingen.");
        if (cap.Sum(c => (long)c) < total)
            throw new ArgumentException($"De strata hebben samen minder dan {total} eenheden in de populatie.");
        var measureSum = strata.Sum(s => s.Measure);
        var fixedAt = new int?[strata.Count];
        var exact = new double[strata.Count];
        while (true)
        {
            var remaining = total - Enumerable.Range(0, strata.Count).Where(i => fixedAt[i] is not null).Sum(i => fixedAt[i]!.Value);
            var free = Enumerable.Range(0, strata.Count).Where(i => fixedAt[i] is null).ToList();
            var freeMeasure = free.Sum(i => strata[i].Measure);
            foreach (var i in free) exact[i] = freeMeasure > 0 ? remaining * strata[i].Measure / freeMeasure : (double)remaining / free.Count;
            var changed = false;
            foreach (var i in free)
            {
                if (exact[i] > cap[i]) { fixedAt[i] = cap[i]; changed = true; }
                else if (exact[i] < floor[i]) { fixedAt[i] = floor[i]; changed = true; }
            }
            if (!changed) break;
        }
        var result = new int[strata.Count];
        var freeIdx = Enumerable.Range(0, strata.Count).Where(i => fixedAt[i] is null).ToList();
        foreach (var i in Enumerable.Range(0, strata.Count)) result[i] = fixedAt[i] ?? (int)Math.Floor(exact[i]);
        var left = total - result.Sum();
        foreach (var i in freeIdx.OrderByDescending(i => exact[i] - Math.Floor(exact[i])).ThenBy(i => i))
        {
            if (left == 0) break;
            if (result[i] < cap[i]) { result[i]++; left--; }
        }
        return strata.Select((s, i) => new AllocatedStratum(s.Stratum, s.Measure, measureSum > 0 ? s.Measure / measureSum : 0,
            fixedAt[i] ?? exact[i], result[i], fixedAt[i] is not null && fixedAt[i] == floor[i] && exact[i] < floor[i],
            fixedAt[i] is not null && fixedAt[i] == cap[i] && exact[i] > cap[i])).ToList();
    }
}
