using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Quota;

namespace Banenmonitor.Rules.Contracts;

/// <summary>
/// The quota outcome as users and machines see it (Dutch field names): the contract of <c>banenmonitor quotum --format json</c>,
/// the web API's <c>POST /api/quotum</c> and the calculator page. <see cref="Berekening"/> shows how the shortfall adds up
/// before its rounding (null when exempt).
/// </summary>
public record QuotumView(
    int Jaar,
    decimal VerloondeUren,
    decimal? Quotumpercentage,
    decimal? VereisteBanen,
    decimal GerealiseerdeBanen,
    decimal Quotumtekort,
    decimal Quotumheffing,
    bool Vrijgesteld,
    string? Reden,
    bool HeffingOpgeschort,
    bool OnbevestigdeParameterGebruikt,
    IReadOnlyList<StapView> Stappen,
    TekortBerekening? Berekening = null)
{
    /// <summary>The view of a result; <paramref name="trace"/> replaces the result's own trace (e.g. with the fte conversion in front).</summary>
    public static QuotumView From(QuotaResult r, Trace? trace = null)
    {
        var t = trace ?? r.Trace;
        return new(r.Year, r.TotalPaidHours.Value, r.QuotaPercentage?.Points, r.RequiredJobs?.Value, r.RealisedJobs.Value,
            r.Shortfall.Value, r.Levy.Value, r.Exempt, r.Reason, r.LevySuspended, t.UsesUnconfirmed, t.ToView(),
            r.Working is { } w
                ? new TekortBerekening(w.RequiredHours, w.TargetGroupHours, w.RequiredHours - w.TargetGroupHours, w.HoursPerJob,
                    w.RequiredJobsUnrounded, w.RealisedJobsUnrounded, w.ShortfallUnrounded, w.VariableDecimals, w.ShortfallDecimals)
                : null);
    }
}

/// <summary>
/// How the shortfall is computed (Wfsv art. 38g lid 3; Besluit Wfsv art. 2.22–2.23): A × B and C in hours, rounded down
/// to <see cref="DecimalenVariabelen"/>; the shortfall (A × B − C) ÷ D is rounded down to <see cref="DecimalenQuotumtekort"/>
/// only at the end, so it is the difference of the jobs before their rounding, not of the rounded jobs.
/// </summary>
public sealed record TekortBerekening(
    decimal VereisteUren,
    decimal UrenDoelgroep,
    decimal VerschilUren,
    decimal UrenPerBaan,
    decimal VereisteBanenOnafgerond,
    decimal GerealiseerdeBanenOnafgerond,
    decimal QuotumtekortOnafgerond,
    int DecimalenVariabelen,
    int DecimalenQuotumtekort);
