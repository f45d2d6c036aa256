using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Units;
using static Banenmonitor.Rules.Laws.LawCatalog;

namespace Banenmonitor.Rules.Sroi;

/// <summary>One SROI placement as the rules need it: its hours in the year and how many persons it covers.</summary>
public sealed record SroiPlacementHours(string Reference, decimal Hours, int Persons);

/// <summary>The unit a contract states its social-return obligation in.</summary>
public enum SroiObligationUnit { Euros = 1, Jobs = 2 }

/// <summary>The obligation of a contract as the contract states it (an amount in euros or a number of jobs).</summary>
public sealed record SroiObligation(decimal Amount, SroiObligationUnit Unit);

/// <summary>
/// Fulfilment of a contract's obligation: realised against required in the contract's unit. <see cref="Realised"/> and
/// <see cref="Fulfilment"/> are null when the placements cannot be expressed in that unit (euros: the placements give
/// hours, and no valuation per hour is a parameter), with the Dutch reason in <see cref="NotDeterminable"/>.
/// </summary>
public sealed record SroiFulfilment(SroiObligation Required, decimal? Realised, Percentage? Fulfilment, string? NotDeterminable);

/// <summary>A contract's placements converted: hours, persons, job equivalents, the obligation's fulfilment, and the trace.</summary>
public sealed record SroiContractJobs(string Contract, int Year, decimal Hours, int Persons, Jobs Jobs, SroiFulfilment Fulfilment, Trace Trace);

/// <summary>
/// SROI placements become jobs: a contract's placement hours in a year ÷ the same hours-per-job parameter as the quota
/// (uren per baan per jaar), and the obligation compared with what the placements realised.
/// </summary>
public sealed class SroiConversion(ParameterSet parameters)
{
    public SroiContractJobs Convert(string contract, int year, IReadOnlyCollection<SroiPlacementHours> placements, SroiObligation obligation)
    {
        if (placements.Any(p => p.Hours < 0 || p.Persons < 1))
            throw new ArgumentOutOfRangeException(nameof(placements), "Uren van een plaatsing kunnen niet negatief zijn en een plaatsing telt minstens één persoon.");
        if (obligation.Amount < 0) throw new ArgumentOutOfRangeException(nameof(obligation), "De verplichting kan niet negatief zijn.");
        var trace = new Trace();
        var hours = placements.Sum(p => p.Hours);
        var persons = placements.Sum(p => p.Persons);
        trace.Add($"Uren van de SROI-plaatsingen van contract {contract} in {year}", "uren = som van de uren per plaatsing", hours, "uur",
            [new TraceInput("plaatsingen", placements.Count, "plaatsingen"), new TraceInput("personen", persons, "personen")]);
        var jobs = JobParameters.For(parameters, year, trace).PerYear.JobsIn(hours).Value;
        trace.Add("Baanequivalenten uit de SROI-uren", "banen = uren ÷ uren per baan per jaar", jobs, "banen",
            [new TraceInput("uren", hours, "uur")], legal: [BesluitWfsv.Article("2.32")],
            note: "Dezelfde baandefinitie als voor het quotum.");
        SroiFulfilment fulfilment;
        if (obligation.Unit == SroiObligationUnit.Jobs)
        {
            Percentage? pct = obligation.Amount > 0 ? new Percentage(jobs / obligation.Amount * 100m) : null;
            trace.Add("Invulling van de verplichting (in banen)", "gerealiseerde banen ÷ verplichte banen × 100", pct?.Points, "%",
                [new TraceInput("gerealiseerd", jobs, "banen"), new TraceInput("verplichting", obligation.Amount, "banen")]);
            fulfilment = new(obligation, jobs, pct, pct is null ? "De verplichting is nul banen." : null);
        }
        else
        {
            const string reason = "De verplichting staat in euro; de plaatsingen geven uren en er is geen vastgestelde waardering per uur, dus de invulling in euro is niet te bepalen.";
            trace.Add("Invulling van de verplichting (in euro)", "niet te bepalen", null, "euro",
                [new TraceInput("verplichting", obligation.Amount, "euro"), new TraceInput("gerealiseerd", jobs, "banen")], note: reason);
            fulfilment = new(obligation, null, null, reason);
        }
        return new(contract, year, hours, persons, new Jobs(jobs), fulfilment, trace);
    }
}
