using System.Globalization;

namespace Banenmonitor.Survey.SectorTotals;

/// <summary>One method's figure as shown on the web page, in the report and in JSON (Dutch field names, formatted text).</summary>
public sealed record SchattingRegel(string Methode, string Omschrijving, double Schatting, string SchattingTekst, double? Standaardfout, double? Ondergrens95,
    double? Bovengrens95, string IntervalTekst, bool IsOndergrens, string Aanname, string Berekening, IReadOnlyList<string> Opmerkingen);

/// <summary>
/// The sector total of one sector-year for display wherever the sector's realisation appears (web page, report): the
/// published plain sum, the coverage, and the estimate(s) with interval and assumption. Plain data, no behaviour, so a
/// report or page can render it without knowing how it was computed.
/// </summary>
public sealed record SectorTotalView(
    string Sector,
    string SectorNaam,
    int Jaar,
    decimal? GepubliceerdeSom,
    bool Onvolledig,
    string? Dekking,
    string? GekozenMethode,
    IReadOnlyList<SchattingRegel> Schattingen,
    string Bron)
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The estimate to show beside the published sum: the chosen method's, else the first that is not the sum.</summary>
    public SchattingRegel? Hoofdschatting =>
        Schattingen.FirstOrDefault(s => s.Methode == GekozenMethode) ?? Schattingen.FirstOrDefault(s => s.Methode != SectorTotalMethod.Sum.Code());

    public static SchattingRegel Regel(SectorTotalEstimate e) => new(
        e.Method.Code(), e.MethodDutch, e.Estimate, e.Estimate.ToString("N0", Nl) + (e.IsLowerBound ? " (ondergrens)" : ""),
        e.StandardError, e.Interval?.Lower, e.Interval?.Upper,
        e.Interval is { } i ? $"{i.Lower.ToString("N0", Nl)} – {i.Upper.ToString("N0", Nl)} ({(i.Level * 100).ToString("0", Nl)}%-betrouwbaarheidsinterval)"
            : e.Method == SectorTotalMethod.Sum ? "geen interval: telling van wat gerapporteerd is" : "geen interval: cijfers per werkgever ontbreken",
        e.IsLowerBound, e.AssumptionDutch, e.ComputationDutch, e.NotesDutch);

    /// <summary>From the published aggregates (realisation, organisations, share of staff).</summary>
    public static SectorTotalView From(PublishedSectorTotal p, string? chosenMethod = null)
    {
        var rows = new List<SchattingRegel>();
        if (p.PublishedSum is { } s)
            rows.Add(Regel(new SectorTotalEstimate(SectorTotalMethod.Sum, (double)s, null, null, p.Incomplete, SectorTotalEstimator.SumAssumption,
                $"gepubliceerde realisatie: {((double)s).ToString("N0", Nl)} banen", [])));
        if (p.Estimate is { } e) rows.Add(Regel(e));
        return new SectorTotalView(p.Sector, p.SectorName, p.Year, p.PublishedSum, p.Incomplete, p.CoverageDutch, chosenMethod, rows, p.Source);
    }

    /// <summary>From a register with reports (every method), beside the published sum.</summary>
    public static SectorTotalView From(string sector, string name, int year, SectorTotalResult result, decimal? publishedSum, string measure, string? chosenMethod, string source) =>
        new(sector, name, year, publishedSum, result.Coverage.EmployersReported < result.Coverage.EmployersTotal, result.Coverage.DescriptionDutch(measure),
            chosenMethod, result.Estimates.Select(Regel).ToList(), source);
}
