using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Banenmonitor.Web.Features.Sectoren;

public sealed class IndexModel(SectorFigures figures, SectorChecks checks, Banenmonitor.Data.BanenmonitorDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "jaar")] public int? Jaar { get; set; }
    public IReadOnlyList<int> Jaren { get; private set; } = [];
    public int Gekozen { get; private set; }
    public IReadOnlyList<SectorRegel> Regels { get; private set; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<SectorRegel>> Historie { get; private set; } = new Dictionary<string, IReadOnlyList<SectorRegel>>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await figures.AllAsync(ct);
        Jaren = all.Select(f => f.Year).Distinct().Order().ToList();
        Gekozen = Jaar is { } j && Jaren.Contains(j) ? j : SectorQuery.LatestYearWithData(all);
        var resolutions = await new Banenmonitor.Data.Resolutions.ResolutionService(db).CurrentAsync((int?)null, ct);
        Regels = SectorQuery.ForYear(all, Gekozen, checks, resolutions);
        Historie = ReportingLines.All.ToDictionary(s => s.Code, s => SectorQuery.History(all, s, Jaren, checks, resolutions));
    }
}
