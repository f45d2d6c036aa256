using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Web.Api;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Banenmonitor.Web.Features.Account;

public sealed record TokenJson(string Token, string Toelichting);

/// <summary><c>/api/tokens</c>: a personal API token, shown once (with the login cookie and the anti-forgery token, not with a token).</summary>
public static class AccountApi
{
    public static void MapAccountApi(this ApiGroups api) =>
        api.SignedIn.MapPost("/tokens", async (HttpContext http, BanenmonitorDbContext db, TimeProvider clock, UserManager<AppUser> users) =>
        {
            // A token must not mint tokens: a leaked token would otherwise outlive its own revocation.
            if (http.User.HasClaim(ApiTokenHandler.ViaClaim, ApiTokenHandler.SchemeName))
                return Results.Json(new FoutJson("Met een API-token kunt u geen nieuw token aanmaken. Log in met uw wachtwoord en vraag het token daar aan."),
                    statusCode: StatusCodes.Status403Forbidden);
            var user = await users.GetUserAsync(http.User);
            if (user is null) return Results.Unauthorized();
            var token = ApiTokenHandler.NewToken();
            db.ApiTokens.Add(new ApiToken { UserId = user.Id, Hash = ApiTokenHandler.Hash(token), Label = "API-token", CreatedAt = clock.GetUtcNow().UtcDateTime });
            db.Record(http.User, nameof(ApiToken), user.UserName!, "API-token aangemaakt", new { label = "API-token" });
            await db.SaveChangesAsync();
            return Results.Ok(new TokenJson(token, "Bewaar dit token: het wordt maar één keer getoond. Gebruik: Authorization: Bearer <token>."));
        }).WithName("token").WithSummary("Maak een persoonlijk API-token aan (eenmalig getoond; met de inlogcookie en het anti-forgery-token, niet met een token)");
}
