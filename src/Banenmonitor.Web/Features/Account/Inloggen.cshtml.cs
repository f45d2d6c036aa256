using System.ComponentModel.DataAnnotations;
using Banenmonitor.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Banenmonitor.Web.Features.Account;

public sealed class InloggenModel(SignInManager<AppUser> signIn, IConfiguration config, IPasswordHasher<AppUser> hasher, IOptions<IdentityOptions> identity) : PageModel
{
    /// <summary>A hash of a random password, to verify against when no password hash is checked (unknown or locked account).</summary>
    private static string? _dummyHash;

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
        var known = await signIn.UserManager.FindByNameAsync(Gebruikersnaam);
        var result = await signIn.PasswordSignInAsync(Gebruikersnaam, Wachtwoord, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            // One answer for an unknown account, a wrong password and a locked account, in the same time class (a
            // password hash is checked every time), so the login page does not tell which e-mail addresses have an account.
            if (known is null || result.IsLockedOut)
            {
                var dummy = new AppUser();
                hasher.VerifyHashedPassword(dummy, _dummyHash ??= hasher.HashPassword(dummy, Guid.NewGuid().ToString()), Wachtwoord);
            }
            var lockout = identity.Value.Lockout;
            Fout = $"Inloggen is niet gelukt: het e-mailadres of het wachtwoord is onjuist, of het account is tijdelijk geblokkeerd na " +
                   $"{lockout.MaxFailedAccessAttempts} mislukte pogingen (probeer het dan over {lockout.DefaultLockoutTimeSpan.TotalMinutes:0} minuten opnieuw).";
            return Page();
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : await LandingPageAsync(known));
    }

    /// <summary>Where a user lands after login without a return address: an employer on "Mijn quotum", others on the dashboard.</summary>
    private async Task<string> LandingPageAsync(AppUser? user) =>
        user is { EmployerId: not null } && await signIn.UserManager.IsInRoleAsync(user, Roles.Employer) ? "/werkgevers/mijn" : "/";
}
