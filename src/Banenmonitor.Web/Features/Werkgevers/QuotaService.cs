using Banenmonitor.Rules.Contracts;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Quota;

namespace Banenmonitor.Web.Features.Werkgevers;

/// <summary>Validation problems per field (Dutch messages); empty when the question can be computed.</summary>
public sealed class QuotumFouten : Dictionary<string, string>;

public static class QuotaService
{
    public const int FirstYear = QuotaQuestion.FirstYear;

    /// <summary>
    /// Years the calculator offers: the quota regime for government employers runs from 2018; each with whether it can be
    /// computed and, if not, why (<see cref="QuotaYears"/>).
    /// </summary>
    public static IReadOnlyList<QuotaYear> Years(ParameterSet p) => QuotaYears.Offered(p, FirstYear);

    /// <summary>Where a user compares both regimes (linked wherever a year falls under the Wet banenafspraak).</summary>
    public const string ComparisonPage = "/vergelijken";

    /// <summary>The Dutch message for a year that cannot be computed, with where to compare the regimes (page and API).</summary>
    public static string Explain(QuotaYearBlock block) =>
        block.Message + $" Vergelijk beide regelingen op {ComparisonPage}.";

    /// <summary>
    /// The question's own validation (<see cref="QuotaQuestion.Validate"/>), up to the form's step; a year that cannot be
    /// computed also says where to compare the regimes.
    /// </summary>
    public static QuotumFouten Validate(QuotumVraag q, ParameterSet p, int upToStep = 4)
    {
        var errors = q.ToQuestion().Validate(p, (QuotaQuestionPart)Math.Clamp(upToStep, 1, 4));
        var e = new QuotumFouten();
        foreach (var (k, v) in errors) e[k] = v;
        if (errors.YearBlock is { } block) e["jaar"] = Explain(block);
        return e;
    }

    /// <summary>
    /// Computes the quota with its trace; call <see cref="Validate"/> first. Null with a Dutch message in
    /// <paramref name="error"/> when the figures are too large to compute with (beyond the range of <see cref="decimal"/>).
    /// </summary>
    public static QuotumView? TryCompute(QuotumVraag q, ParameterSet p, out string? error)
    {
        error = null;
        try { return Compute(q, p); }
        catch (OverflowException)
        {
            error = "De opgegeven aantallen zijn te groot om mee te rekenen; controleer de verloonde uren en het aantal fte.";
            return null;
        }
    }

    /// <summary>Computes the quota with its trace; call <see cref="Validate"/> first.</summary>
    public static QuotumView Compute(QuotumVraag q, ParameterSet p) => QuotumView.From(q.ToQuestion().Compute(p));
}
