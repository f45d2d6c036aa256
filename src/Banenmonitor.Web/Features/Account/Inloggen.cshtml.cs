using System.ComponentModel.DataAnnotations;
using Banenmonitor.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Banenmonitor.Web.Features.Account;

public sealed class InloggenModel(SignInManager<AppUser> signIn, IConfiguration config) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vul uw e-mailadres in."), Display(Name = "E-mailadres")] public string Gebruikersnaam { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "Vul uw wachtwoord in."), DataType(DataType.Password), Display(Name = "Wachtwoord")] public string Wachtwoord { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Fout { get; private set; }
    public bool Demo => config.GetValue("Banenmonitor:Demo", true);
    /// <summary>The one demo password configured for every demo account, if any.</summary>
    public string? DemoPassword => config["Banenmonitor:DemoWachtwoord"];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) { Fout = "Vul uw e-mailadres en wachtwoord in."; return Page(); }
        var result = await signIn.PasswordSignInAsync(Gebruikersnaam, Wachtwoord, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut) { Fout = "Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over 15 minuten opnieuw."; return Page(); }
        if (!result.Succeeded) { Fout = "E-mailadres of wachtwoord onjuist."; return Page(); }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : await LandingPageAsync());
    }

    /// <summary>Where a user lands after login without a return address: an employer on "Mijn quotum", others on the dashboard.</summary>
    private async Task<string> LandingPageAsync()
    {
        var user = await signIn.UserManager.FindByNameAsync(Gebruikersnaam);
        return user is { EmployerId: not null } && await signIn.UserManager.IsInRoleAsync(user, Roles.Employer) ? "/werkgevers/mijn" : "/";
    }
}
