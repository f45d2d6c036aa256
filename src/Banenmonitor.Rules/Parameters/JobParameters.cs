using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Units;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Rules.Parameters;

/// <summary>
/// The job definition in one year (Besluit Wfsv art. 2.32: a job is 25.5 hours a week, 1,331 paid hours a year), typed; used
/// by the conversion of hours to jobs and by SROI. Each read is recorded in the trace (see <see cref="ParameterView"/>).
/// </summary>
public readonly struct JobParameters(ParameterView view)
{
    public static JobParameters For(ParameterSet set, int year, Trace? trace = null) => new(new ParameterView(set, year, trace));

    public HoursPerJob PerWeek => new(view.Required(P.HoursPerJobPerWeek));
    public HoursPerJob PerMonth => new(view.Required(P.HoursPerJobPerMonth));
    public HoursPerJob PerQuarter => new(view.Required(P.HoursPerJobPerQuarter));
    public HoursPerJob PerYear => new(view.Required(P.HoursPerJobPerYear));

    /// <summary>Hours per job for a payroll period of <paramref name="period"/>.</summary>
    public HoursPerJob Per(PeriodLength period) => period switch
    {
        PeriodLength.Week => PerWeek,
        PeriodLength.Month => PerMonth,
        PeriodLength.Quarter => PerQuarter,
        PeriodLength.Year => PerYear,
        _ => throw new ArgumentOutOfRangeException(nameof(period)),
    };

    /// <summary>The parameter value behind <see cref="Per"/>, with its source (recorded like any read).</summary>
    public ParameterValue ValueFor(PeriodLength period) => view.Value(period switch
    {
        PeriodLength.Week => P.HoursPerJobPerWeek,
        PeriodLength.Month => P.HoursPerJobPerMonth,
        PeriodLength.Quarter => P.HoursPerJobPerQuarter,
        PeriodLength.Year => P.HoursPerJobPerYear,
        _ => throw new ArgumentOutOfRangeException(nameof(period)),
    });
}
