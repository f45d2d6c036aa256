using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Units;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Rules.Parameters;

/// <summary>
/// The parameters of the national measurement in one year (baseline of 1 January 2013, targets, distribution key of the
/// hired-in jobs), typed. Each read is recorded in the trace (see <see cref="ParameterView"/>).
/// </summary>
public readonly struct MeasurementParameters(ParameterView view)
{
    /// <summary>The date of the baseline measurement (<i>nulmeting</i>), at which the baseline parameters are read.</summary>
    public static readonly DateOnly BaselineDate = new(2013, 1, 1);

    public static MeasurementParameters For(ParameterSet set, int year, Trace? trace = null) => new(new ParameterView(set, year, trace));

    public Jobs BaselineJobs => new(view.Value(P.BaselineJobs, BaselineDate).Required);
    public decimal BaselinePersons => view.Value(P.BaselinePersons, BaselineDate).Required;
    public Jobs BaselineHiredInJobs => new(view.Value(P.BaselineHiredInJobs, BaselineDate).Required);
    public Percentage BaselineGovernmentShareHiredIn => new(view.Value(P.BaselineGovernmentShareHiredIn, BaselineDate).Required);

    /// <summary>The government's share of the hired-in jobs at the end of the year (SEO).</summary>
    public Percentage GovernmentShareHiredIn => new(view.Required(P.GovernmentShareHiredIn));

    public Jobs TargetMarket => new(view.Required(P.TargetMarket));
    public Jobs TargetGovernment => new(view.Required(P.TargetGovernment));

    /// <summary>
    /// The target path of the year when the parameters give one, else null: market and government their yearly target,
    /// after the last one their final target; the total the national target of the Wet banenafspraak, else the sum of the two.
    /// </summary>
    public Jobs? TargetPath(string sector)
    {
        var v0 = view;
        decimal? Read(string name) => v0.Optional(name)?.Value;
        var value = sector switch
        {
            "markt" => Read(P.TargetMarket) ?? Read(P.FinalTargetMarket),
            "overheid" => Read(P.TargetGovernment) ?? Read(P.FinalTargetGovernment),
            _ => Read(P.TargetNational) ?? (Read(P.TargetMarket) is { } m && Read(P.TargetGovernment) is { } g ? m + g : null),
        };
        return value is { } v ? new Jobs(v) : null;
    }
}

