using Banenmonitor.Data.Model;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Banenmonitor.Web.Features.Account;

public sealed class UitloggenModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => Page();
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
