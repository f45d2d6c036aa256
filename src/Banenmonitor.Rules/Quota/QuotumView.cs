using Banenmonitor.Rules.Explanations;

namespace Banenmonitor.Rules.Quota;

/// <summary>
/// The quota outcome as users and machines see it (Dutch field names): the contract of <c>banenmonitor quotum --format json</c>,
/// the web API's <c>POST /api/quotum</c> and the calculator page.
/// </summary>
public sealed record QuotumView(
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
    IReadOnlyList<StapView> Stappen)
{
    /// <summary>The view of a result; <paramref name="trace"/> replaces the result's own trace (e.g. with the fte conversion in front).</summary>
    public static QuotumView From(QuotaResult r, Trace? trace = null)
    {
        var t = trace ?? r.Trace;
        return new(r.Year, r.TotalPaidHours.Value, r.QuotaPercentage?.Points, r.RequiredJobs?.Value, r.RealisedJobs.Value,
            r.Shortfall.Value, r.Levy.Value, r.Exempt, r.Reason, r.LevySuspended, t.UsesUnconfirmed, t.ToView());
    }
}
