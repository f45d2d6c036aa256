using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Banenmonitor.Web.Features.Landelijk;

public sealed class IndexModel(ParameterProvider parameters) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "jaar")] public int? Jaar { get; set; }
    public NationalView View { get; private set; } = null!;

    public void OnGet() => View = NationalQuery.View(parameters.Current, Jaar);
}
