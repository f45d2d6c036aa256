using Banenmonitor.Data.Model;

namespace Banenmonitor.Web.Features.Landelijk;

/// <summary>A figure computed from the stored payroll beside the published one, and their difference (computed − published).</summary>
public sealed record StoredRunFigure(string Naam, decimal? Berekend, decimal? Gepubliceerd)
{
    public decimal? Verschil => Berekend is { } b && Gepubliceerd is { } g ? b - g : null;
}

/// <summary>The latest <see cref="NationalRun"/> of a year as the national page shows it.</summary>
public sealed record StoredRunView(string RunId, int Jaar, DateTime Berekend, long Verloningsregels, long Werkgevers, long MetTekort,
    decimal Tekort, decimal Heffing, decimal Banen, decimal Nulmeting, IReadOnlyList<StoredRunFigure> Vergelijking, string InvoerVingerafdruk,
    string SoftwareVersie)
{
    public static StoredRunView From(NationalRun r, NationalYear published) => new(r.RunId, r.Year, r.ComputedAt, r.PayrollRows, r.EmployerCount,
        r.EmployersWithShortfall, r.Shortfall, r.Levy, r.TotalJobs, r.BaselineJobs,
        [
            new("Extra banen in totaal (t.o.v. de nulmeting)", r.IncreaseJobs, published.Totaal),
            // Per sector the baseline is not split: the levels are shown, the publication's increase beside them.
            new("Banen sector markt (eind van het jaar)", r.MarketJobs, null),
            new("Banen sector overheid (eind van het jaar)", r.GovernmentJobs, null),
        ],
        r.InputsFingerprint, r.SoftwareVersion);
}

/// <summary>
/// A run whose parameter values differ from those in force now: either the shown run itself (<paramref name="Nieuwer"/>
/// false: no run with today's values exists) or a later run that is therefore not shown. <paramref name="Verschillen"/> is
/// null when the run's values cannot be read.
/// </summary>
public sealed record ParameterNote(bool Nieuwer, DateTime Berekend, IReadOnlyList<(string Parameter, decimal? InRun, decimal? Now)>? Verschillen);
