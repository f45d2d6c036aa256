using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using static Banenmonitor.Rules.Laws.LawCatalog;

namespace Banenmonitor.Rules.Units;

/// <summary>Jobs from paid hours, and persons versus jobs.</summary>
public sealed class JobConversion(ParameterSet parameters)
{
    public static string PeriodDutch(PeriodLength p) => p switch
    {
        PeriodLength.Week => "week",
        PeriodLength.Month => "maand",
        PeriodLength.Quarter => "kwartaal",
        PeriodLength.Year => "jaar",
        _ => throw new ArgumentOutOfRangeException(nameof(p)),
    };

    /// <summary>The hours-per-job parameter of a period length, with its source.</summary>
    public ParameterValue HoursPerJob(PeriodLength period, int year) => JobParameters.For(parameters, year).ValueFor(period);

    /// <summary>Jobs = paid hours over the period ÷ hours per job for that period length.</summary>
    public Explained<Jobs> JobsFromHours(PaidHours hours, PeriodLength period, int year)
    {
        var trace = new Trace();
        return new(JobsFromHours(hours, period, year, trace), trace);
    }

    /// <summary>
    /// The same conversion, adding its step to <paramref name="trace"/>; without a trace (bulk runs) the step is skipped
    /// and its arguments are not evaluated.
    /// </summary>
    public Jobs JobsFromHours(PaidHours hours, PeriodLength period, int year, Trace? trace)
    {
        if (hours.Value < 0) throw new ArgumentOutOfRangeException(nameof(hours), "Verloonde uren kunnen niet negatief zijn.");
        var jobs = JobParameters.For(parameters, year, trace).Per(period).JobsIn(hours.Value).Value;
        trace?.Add(
            $"Banen uit verloonde uren per {PeriodDutch(period)}",
            $"banen = verloonde uren ÷ uren per baan per {PeriodDutch(period)}",
            jobs, "banen",
            [new TraceInput("verloonde uren", hours.Value, "uur")],
            legal: [BesluitWfsv.Article("2.32")]);
        return new Jobs(jobs);
    }

    /// <summary>
    /// Yearly paid hours of a workforce given in fte and weekly hours, converted with the job definition itself
    /// (uren per baan per jaar ÷ uren per baan per week weeks per year), so that weekly hours ÷ 25.5 and yearly
    /// hours ÷ 1,331 give the same number of jobs.
    /// </summary>
    public Explained<PaidHours> YearlyHoursFromFte(decimal fte, decimal hoursPerWeek, int year)
    {
        if (fte < 0 || hoursPerWeek <= 0 || hoursPerWeek > 168)
            throw new ArgumentOutOfRangeException(nameof(fte), "Fte moet ≥ 0 zijn en uren per week tussen 0 en 168.");
        var trace = new Trace();
        var job = JobParameters.For(parameters, year, trace);
        var weekly = fte * hoursPerWeek;
        var yearly = weekly * job.PerYear.Value / job.PerWeek.Value;
        trace.Add(
            "Omrekening van fte naar verloonde uren per jaar",
            "verloonde uren per jaar = fte × uren per week × (uren per baan per jaar ÷ uren per baan per week)",
            yearly, "uur",
            [new TraceInput("fte", fte, "fte"), new TraceInput("uren per week", hoursPerWeek, "uur"), new TraceInput("uren per week totaal", weekly, "uur")],
            note: "Benadering: dezelfde verhouding als tussen de baandefinitie per week en per jaar.");
        return new(new PaidHours(yearly), trace);
    }

    /// <summary>Jobs per working person (e.g. 149,272 jobs held by 129,532 persons → 1.15).</summary>
    public static Explained<decimal> JobsPerPerson(Jobs jobs, decimal persons)
    {
        if (persons <= 0) throw new ArgumentOutOfRangeException(nameof(persons), "Aantal personen moet groter dan nul zijn.");
        var ratio = jobs.Value / persons;
        var trace = new Trace().Add("Banen per werkzame persoon", "banen ÷ werkzame personen", ratio, "banen per persoon",
            [new TraceInput("banen", jobs.Value, "banen"), new TraceInput("werkzame personen", persons, "personen")]);
        return new(ratio, trace);
    }

    /// <summary>Persons → jobs with a jobs-per-person factor.</summary>
    public static Explained<Jobs> JobsFromPersons(decimal persons, decimal jobsPerPerson)
    {
        var jobs = persons * jobsPerPerson;
        var trace = new Trace().Add("Banen uit werkzame personen", "personen × banen per persoon", jobs, "banen",
            [new TraceInput("werkzame personen", persons, "personen"), new TraceInput("banen per persoon", jobsPerPerson, "banen per persoon")]);
        return new(new Jobs(jobs), trace);
    }
}
