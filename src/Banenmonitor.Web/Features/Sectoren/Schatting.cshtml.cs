using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Survey.SectorTotals;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Banenmonitor.Web.Features.Sectoren;

/// <summary>The sector total of one year: coverage, estimate with assumption, and the check against the national measurement.</summary>
public sealed class SchattingModel(SectorEstimates estimates, BanenmonitorDbContext db) : PageModel
{
    public string Code { get; private set; } = "";
    public string Naam { get; private set; } = "";
    public int Jaar { get; private set; }
    /// <summary>The estimate from the published aggregates, or null when only a recorded choice exists.</summary>
    public SectorTotalView? Schatting { get; private set; }
    public NationalComparison? Landelijk { get; private set; }
    /// <summary>
    /// The sector total an analyst approved from the sector's register (the method the sector recorded, its estimate and
    /// interval), or null; a recorded method that is not approved yet is not public.
    /// </summary>
    public SectorEstimateChoice? Vastgelegd { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, int jaar, CancellationToken ct)
    {
        if (ReportingLines.Find(code) is not { } sector) return NotFound();
        Schatting = estimates.For(code, jaar);
        Vastgelegd = await SectorRegisterQuery.ChoiceAsync(db, sector.Code, jaar, ct) is { ApprovedAt: not null } c ? c : null;
        if (Schatting is null && Vastgelegd is null) return NotFound();
        (Code, Naam, Jaar) = (sector.Code, sector.Name, jaar);
        Landelijk = estimates.Government(jaar);
        return Page();
    }

    public static string MethodName(string code) => Banenmonitor.Reports.Sectors.SectorRegisterEstimates.MethodDutch(code);
}
