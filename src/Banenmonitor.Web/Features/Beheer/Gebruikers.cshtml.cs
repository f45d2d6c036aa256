using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Features.Beheer;

public sealed class GebruikersModel(UserManager<AppUser> users, BanenmonitorDbContext db) : PageModel
{
    public IReadOnlyList<(AppUser User, IList<string> Roles)> Lijst { get; private set; } = [];
    public IReadOnlyList<Employer> Werkgevers { get; private set; } = [];
    public List<string> Fouten { get; } = [];
    public string? Melding { get; private set; }

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Wachtwoord { get; set; }
    [BindProperty] public string? Rol { get; set; }
    [BindProperty] public string? Sector { get; set; }
    [BindProperty] public int? Werkgever { get; set; }

    public async Task OnGetAsync() { Melding = TempData["melding"] as string; await LoadAsync(); }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email)) Fouten.Add("Vul een e-mailadres in.");
        if (Rol is null || !Roles.All.Contains(Rol)) Fouten.Add("Kies een rol.");
        if (Rol == Roles.SectorRepresentative && ReportingLines.Find(Sector) is null) Fouten.Add("Een sectorvertegenwoordiger hoort bij één sector: kies de sector.");
        if (Rol == Roles.Employer && (Werkgever is null || !await db.Employers.AnyAsync(e => e.Id == Werkgever))) Fouten.Add("Een werkgever-account hoort bij één werkgever: kies de werkgever.");
        if (Fouten.Count == 0)
        {
            var u = new AppUser { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = Email!,
                SectorId = Rol == Roles.SectorRepresentative ? ReportingLines.IdOf(Sector) : null, EmployerId = Rol == Roles.Employer ? Werkgever : null };
            var res = await users.CreateAsync(u, Wachtwoord ?? "");
            if (!res.Succeeded) Fouten.AddRange(res.Errors.Select(e => e.Description));
            else
            {
                await users.AddToRoleAsync(u, Rol!);
                db.Record(User, nameof(AppUser), Email!, "gebruiker aangemaakt", new { rol = Rol, sector = ReportingLines.CodeOf(u.SectorId), werkgever = u.EmployerId });
                await db.SaveChangesAsync();
                TempData["melding"] = $"Gebruiker {Email} aangemaakt met rol {Rol}.";
                return RedirectToPage();
            }
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var all = await users.Users.OrderBy(u => u.UserName).ToListAsync();
        var list = new List<(AppUser, IList<string>)>();
        foreach (var u in all) list.Add((u, await users.GetRolesAsync(u)));
        Lijst = list;
        Werkgevers = await db.Employers.AsNoTracking().OrderBy(e => e.Name).ToListAsync();
    }
}
