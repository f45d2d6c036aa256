using Banenmonitor.Survey.SectorTotals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Banenmonitor.Web.Features.Sectoren;

/// <summary>The sector total of one year: coverage, estimate with assumption, and the check against the national measurement.</summary>
public sealed class SchattingModel(SectorEstimates estimates) : PageModel
{
    public string Code { get; private set; } = "";
    public string Naam { get; private set; } = "";
    public int Jaar { get; private set; }
    public SectorTotalView Schatting { get; private set; } = null!;
    public NationalComparison? Landelijk { get; private set; }

    public IActionResult OnGet(string code, int jaar)
    {
        if (estimates.For(code, jaar) is not { } view) return NotFound();
        (Code, Naam, Jaar, Schatting) = (code, view.SectorNaam, jaar, view);
        Landelijk = estimates.Government(jaar);
        return Page();
    }
}
