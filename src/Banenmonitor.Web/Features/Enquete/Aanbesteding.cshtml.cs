using System.Reflection;
using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using Banenmonitor.Survey;
using Banenmonitor.Survey.Procurement;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Banenmonitor.Web.Features.Enquete;

/// <summary>
/// <c>/enquete/aanbesteding</c>: the estimate of jobs in the market due to government procurement and social return
/// (part 2 of the research report by De Beleidsonderzoekers, 2023) reproduced from its own printed numbers — the weights,
/// the chain from persons to jobs with the step that contradicts its own inputs, the printed and the corrected interval —
/// and beside it the government's jobs in the national measurement, with and without that estimate.
/// </summary>
public sealed class AanbestedingModel(ParameterProvider parameters) : PageModel
{
    /// <summary>The research report in documenten.csv.</summary>
    public const string DocumentCode = "003";

    public ProcurementSurveyReproduction Reproductie { get; private set; } = null!;
    public ProcurementSurveyData Gegevens { get; private set; } = null!;
    public PublishedDocument? Document { get; private set; }
    public IReadOnlyList<GovernmentYear> Landelijk { get; private set; } = [];

    /// <summary>The government's and the market's increase in jobs of one year, and the target, with their sources.</summary>
    public sealed record GovernmentYear(int Year, decimal Government, string GovernmentSource, decimal? Market, decimal? Target, string? TargetSource);

    private static readonly Lazy<ProcurementSurveyData> Data = new(() => ProcurementSurveyData.Parse(Read));

    public void OnGet()
    {
        Gegevens = Data.Value;
        Reproductie = ProcurementSurvey.Reproduce(Gegevens, parameters.Current);
        Document = PublishedSources.Figures.Document(DocumentCode);
        var national = PublishedSources.National;
        // The survey asked about the first quarter of 2022: the measurements of the end of 2021 and of 2022 stand on either side.
        Landelijk = new[] { ProcurementSurvey.SurveyYear - 1, ProcurementSurvey.SurveyYear }
            .Select(y => national.Find(y, MeasurementSector.Government, EmploymentForm.Total, NationalFigures.Increase) is { } g
                ? new GovernmentYear(y, g.Value, g.Source,
                    national.Find(y, MeasurementSector.Market, EmploymentForm.Total, NationalFigures.Increase)?.Value,
                    national.Find(y, MeasurementSector.Government, EmploymentForm.Total, NationalFigures.Target)?.Value,
                    national.Find(y, MeasurementSector.Government, EmploymentForm.Total, NationalFigures.Target)?.Source)
                : null)
            .OfType<GovernmentYear>().ToList();
    }

    private static string Read(string file)
    {
        return PublishedData.Embedded.TryRead("aanbestedingsenquete/" + file)
               ?? throw new SurveyDataException($"{file} ontbreekt in de webapplicatie.");
    }
}
