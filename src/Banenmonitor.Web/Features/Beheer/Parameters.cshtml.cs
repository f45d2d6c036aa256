using System.Globalization;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Text;
using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Banenmonitor.Web.Features.Beheer;

/// <summary>Parameters with value, valid-from, source and status; an administrator adds a value with its source.</summary>
public sealed class ParametersModel(BanenmonitorDbContext db, ParameterProvider provider, TimeProvider clock) : PageModel
{
    public ParameterSet Set => provider.Current;
    public List<string> Fouten { get; } = [];
    public string? Melding { get; private set; }

    [BindProperty] public string? Naam { get; set; }
    [BindProperty] public string? GeldigVanaf { get; set; }
    [BindProperty] public string? Waarde { get; set; }
    [BindProperty] public string? Bron { get; set; }

    public void OnGet() => Melding = TempData["melding"] as string;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Naam) || Set.Definitions.All(d => d.Name != Naam)) Fouten.Add("Kies een bestaande parameter.");
        DateOnly from = default;
        if (int.TryParse(GeldigVanaf, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2013 and <= 2100) from = new DateOnly(y, 1, 1);
        else if (!DateOnly.TryParseExact(GeldigVanaf ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from)) Fouten.Add("Geldig vanaf: vul een jaar of een datum (jjjj-mm-dd) in.");
        var read = DutchNumber.ReadField(Waarde ?? "", NumberLimits.ParameterValue);
        if (string.IsNullOrWhiteSpace(Waarde)) Fouten.Add("Waarde: vul een getal in (komma als decimaalteken).");
        else if (!read.Ok) Fouten.Add($"Waarde: {read.Error}.");
        var value = read.Value;
        if (string.IsNullOrWhiteSpace(Bron) || Bron.Trim().Length < 5) Fouten.Add("Bron: vermeld waar de waarde vandaan komt (bijvoorbeeld de brief of webpagina met datum).");
        if (Fouten.Count > 0) return Page();
        var o = new ParameterOverride { Name = Naam!, ValidFrom = from, Value = value, Source = Bron!.Trim(), Status = "published", CreatedBy = User.Identity!.Name!, CreatedAt = clock.GetUtcNow().UtcDateTime };
        try { _ = Banenmonitor.Data.Parameters.StoredParameters.Apply(Set, [o]); }
        catch (ArgumentException e) { Fouten.Add(e.Message); return Page(); }
        if (await db.ParameterOverrides.AnyAsync(x => x.Name == o.Name && x.ValidFrom == o.ValidFrom, ct))
        {
            Fouten.Add($"Er is al een opgegeven waarde voor {o.Name} vanaf {o.ValidFrom:dd-MM-yyyy}; kies een andere ingangsdatum.");
            return Page();
        }
        db.ParameterOverrides.Add(o);
        db.Acting(User, "parameterwaarde toegevoegd in beheer");
        await db.SaveChangesAsync(ct);
        provider.Invalidate();
        TempData["melding"] = $"Waarde voor {o.Name} vanaf {o.ValidFrom:dd-MM-yyyy} opgeslagen met bron.";
        return RedirectToPage();
    }
}
