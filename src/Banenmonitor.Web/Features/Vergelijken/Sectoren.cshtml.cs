using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Banenmonitor.Reports.Progress;
using Banenmonitor.Rules.Parameters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Banenmonitor.Web.Features.Vergelijken;

/// <summary>Public page: the sectors of a year under the quotumregeling and in the SROI scenario of the Wet banenafspraak view.</summary>
public sealed class SectorenModel(Banenmonitor.Web.Infrastructure.ParameterProvider parameters) : PageModel
{
    /// <summary>The national measurement of the year under both regimes, as in the progress report's section "Twee regimes naast elkaar".</summary>
    public RegimesSection? Landelijk { get; private set; }
    [BindProperty(SupportsGet = true, Name = "jaar")] public string? Jaar { get; set; }

    public IReadOnlyList<int> Jaren { get; } = PublishedSectors.Years;
    public int Gekozen { get; private set; }
    public IReadOnlyList<SectorVergelijking> Rijen { get; private set; } = [];
    public string? Fout { get; private set; }

    /// <summary>Built sections per parameter set in force (an administrator's new value gives a new set) and year.</summary>
    private static readonly ConditionalWeakTable<ParameterSet, ConcurrentDictionary<int, RegimesSection?>> Sections = new();

    /// <summary>
    /// The same section as the yearly report, built once per parameter set and year (as a concept: the seeds contradict
    /// themselves in places, which the report marks).
    /// </summary>
    private static RegimesSection? SectionFor(ParameterSet set, int year) =>
        Sections.GetValue(set, _ => new()).GetOrAdd(year, y => new ReportBuilder(ReportSources.Embedded(set)).Build(y, concept: true).Regimes);

    public void OnGet()
    {
        Gekozen = PublishedSectors.DefaultYear;
        if (!string.IsNullOrWhiteSpace(Jaar))
        {
            if (int.TryParse(Jaar, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && Jaren.Contains(y)) Gekozen = y;
            else
            {
                Fout = $"Over '{Jaar}' zijn geen sectorcijfers (doel en realisatie of een realisatiepercentage) gepubliceerd; gekozen is {Gekozen}.";
                Response.StatusCode = StatusCodes.Status404NotFound;
            }
        }
        Rijen = PublishedSectors.ForYear(Gekozen);
        Landelijk = SectionFor(parameters.Current, Gekozen);
    }
}
