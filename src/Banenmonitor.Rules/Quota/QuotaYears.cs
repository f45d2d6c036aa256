using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Regimes;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Rules.Quota;

/// <summary>Why the employer quota cannot be computed for a year.</summary>
public enum QuotaYearBlockKind
{
    /// <summary>A parameter the computation needs has no value for the year (unconfirmed without value, or no row).</summary>
    MissingValue,
    /// <summary>The quotumregeling does not govern the year: another law applies (by the regime's years or a parameter marked not applicable).</summary>
    OtherLaw,
}

/// <summary>
/// Why a year cannot be computed, in Dutch: which parameter (key and catalogue description), its status, what was
/// searched, and the law that applies instead when it is another law.
/// </summary>
public sealed record QuotaYearBlock(
    QuotaYearBlockKind Kind,
    int Year,
    string? Parameter,
    string? ParameterDescription,
    string? Status,
    string Searched,
    Regime? AppliesInstead,
    string Message);

/// <summary>What the quota calculator can do for one year: compute (possibly with unconfirmed values) or not, and why.</summary>
public sealed record QuotaYear(int Year, ParameterValue? Percentage, QuotaYearBlock? Block, IReadOnlyList<ParameterValue> Unconfirmed)
{
    public bool Computable => Block is null;
}

/// <summary>
/// The years the quota calculator offers and, per year, whether the quotumregeling (Wfsv art. 38b–38j) can be computed
/// with the parameters as they stand. Used by the web calculator, <c>POST /api/quotum</c>, "Mijn quotum" and the CLI, so
/// that none of them starts a computation that cannot finish.
/// </summary>
public static class QuotaYears
{
    /// <summary>
    /// The parameters the quota of a government employer above the threshold needs in a year (the attribution deadline only
    /// with hired-in attributions, the suspension of the levy is optional). The quota percentage first: it is the one that
    /// differs per year.
    /// </summary>
    public static readonly IReadOnlyList<string> Needed =
    [
        P.QuotaPercentageGovernment, P.HoursPerJobPerYear, P.AverageEmployeeHoursPerYear, P.ThresholdEmployees,
        P.DecimalsVariables, P.DecimalsPercentage, P.DecimalsShortfall, P.LevyPerMissingJob,
    ];

    /// <summary>The years offered: every year of the quota percentage series from <paramref name="firstYear"/> on.</summary>
    public static IReadOnlyList<QuotaYear> Offered(ParameterSet p, int firstYear) =>
        p.History(P.QuotaPercentageGovernment).Where(v => v.ValidFrom.Year >= firstYear).Select(v => Check(p, v.ValidFrom.Year)).ToList();

    /// <summary>Whether the quota can be computed for <paramref name="year"/>, and if not, why (in Dutch).</summary>
    public static QuotaYear Check(ParameterSet p, int year)
    {
        var percentage = p.InForce(P.QuotaPercentageGovernment, year);
        var quota = Regime.Quotumregeling;
        if (!quota.Governs(year))
        {
            var instead = Regime.For(year).FirstOrDefault(r => r.Kind != quota.Kind);
            var law = instead is null ? "" : $" Voor {year} geldt de {instead.Name}, vanaf {instead.FirstYear}: {instead.LegalBasis}.";
            return new QuotaYear(year, percentage, new QuotaYearBlock(QuotaYearBlockKind.OtherLaw, year, null, null, null,
                $"de jaren van de quotumregeling ({quota.FirstYear}–{quota.LastYear})", instead,
                $"De quotumregeling geldt tot en met {quota.LastYear} ({quota.LegalBasis}); voor {year} kan de quotumheffing niet worden berekend.{law}" +
                NewLawNote(instead)), []);
        }
        var unconfirmed = new List<ParameterValue>();
        foreach (var name in Needed)
        {
            var v = p.InForce(name, year);
            var description = p.Definition(name).Description;
            if (v is { Status: ParameterStatus.NotApplicable })
            {
                var instead = Regime.All.FirstOrDefault(r => r.Kind != quota.Kind && r.Governs(year));
                return new QuotaYear(year, percentage, new QuotaYearBlock(QuotaYearBlockKind.OtherLaw, year, name, description, v.Status.Dutch(),
                    Where(v), instead,
                    $"Voor {year} is de quotumregeling niet van toepassing: ‘{description}’ heeft de status ‘{v.Status.Dutch()}’ (bron: {v.Source})." +
                    (instead is null ? "" : $" Voor {year} geldt de {instead.Name} ({instead.LegalBasis})." + NewLawNote(instead))), []);
            }
            if (v?.Value is null)
            {
                var status = v?.Status.Dutch() ?? "geen waarde opgenomen";
                var searched = v is null ? $"een waarde geldig op 1 januari {year} in de parameterbestanden en de door een beheerder opgegeven waarden" : Where(v);
                return new QuotaYear(year, percentage, new QuotaYearBlock(QuotaYearBlockKind.MissingValue, year, name, description, status, searched, null,
                    $"Voor {year} kan de quotumheffing nog niet worden berekend: ‘{description}’ heeft voor {year} geen waarde " +
                    $"(status: {status}{(v is null ? "" : $"; bron: {v.Source}")}). Gezocht: {searched}. " +
                    "Zodra een beheerder de waarde met bron vastlegt, rekent de calculator ermee."), []);
            }
            if (v.Status == ParameterStatus.Unconfirmed) unconfirmed.Add(v);
        }
        return new QuotaYear(year, percentage, null, unconfirmed);
    }

    private static string NewLawNote(Regime? instead) => instead?.Kind == RegimeKind.WetBanenafspraak2025
        ? " Die wet kent geen quotumheffing per ontbrekende baan, maar een inclusiviteitsopslag op de premie Aof na activering en een banenafspraakbonus; de vergelijking van beide regelingen laat zien wat dat voor een werkgever betekent."
        : "";

    private static string Where(ParameterValue v) =>
        $"de waarde geldig vanaf {v.ValidFrom.ToString("d MMMM yyyy", Units.DutchFormat.Culture)} ({v.Origin})";
}
