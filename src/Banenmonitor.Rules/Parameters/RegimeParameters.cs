using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Rules.Parameters;

/// <summary>
/// The years the two regimes govern, as dated parameters with their sources (not literals): the first and last year of the
/// quotumregeling and the first year of the Wet banenafspraak. A regime's years are a fact about the law, so the latest
/// value of each parameter is the one in force.
/// </summary>
public sealed record RegimeParameters(ParameterValue QuotumregelingFirstYear, ParameterValue QuotumregelingLastYear, ParameterValue WetBanenafspraakFirstYear)
{
    public static RegimeParameters Of(ParameterSet set) =>
        new(Latest(set, P.QuotumregelingFirstYear), Latest(set, P.QuotumregelingLastYear), Latest(set, P.WetBanenafspraakFirstYear));

    private static ParameterValue Latest(ParameterSet set, string name)
    {
        var v = set.History(name)[^1];
        _ = v.Required;
        return v;
    }
}
