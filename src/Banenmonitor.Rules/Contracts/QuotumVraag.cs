using Banenmonitor.Rules.Quota;

namespace Banenmonitor.Rules.Contracts;

/// <summary>
/// The quota question in Dutch field names: the body of <c>POST /api/quotum</c> and the fields of the web calculator.
/// It is <see cref="QuotaQuestion"/> under its Dutch names; validation and computation are the question's.
/// </summary>
public sealed record QuotumVraag(
    int? Jaar,
    decimal? VerloondeUren = null,
    decimal? Fte = null,
    decimal? UrenPerWeek = null,
    decimal? VerloondeUrenVorigJaar = null,
    decimal? FteVorigJaar = null,
    decimal? UrenDoelgroep = null,
    decimal? FteDoelgroep = null,
    bool Markt = false)
{
    public QuotaQuestion ToQuestion() =>
        new(Jaar, VerloondeUren, Fte, UrenPerWeek, VerloondeUrenVorigJaar, FteVorigJaar, UrenDoelgroep, FteDoelgroep, Market: Markt);
}
