using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Banenmonitor.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Tests;

/// <summary>API errors as JSON, anti-forgery on cookie calls, no token from a token, one login answer, a 50 MB upload.</summary>
[Collection(AppCollection.Name)]
public sealed class ApiSecurityTests(AppFixture app)
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> FoutAsync(HttpResponseMessage res, HttpStatusCode status)
    {
        Assert.Equal(status, res.StatusCode);
        Assert.Equal("application/json", res.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement;
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("melding").GetString()));
        return json;
    }

    [Fact]
    public async Task Api_errors_are_json_in_the_api_shape_not_the_html_error_page()
    {
        using var client = await app.ClientAsync(null);
        var broken = await FoutAsync(await client.PostAsync("/api/quotum", Json("{\"jaar\": 2022, \"verloondeUren\": ")), HttpStatusCode.BadRequest);
        Assert.Contains("geen geldige JSON", broken.GetProperty("melding").GetString());

        var wrongType = await FoutAsync(await client.PostAsync("/api/quotum", Json("{\"jaar\": \"tweeduizend\"}")), HttpStatusCode.BadRequest);
        Assert.Contains("jaar", wrongType.GetProperty("melding").GetString());
        Assert.True(wrongType.GetProperty("velden").TryGetProperty("jaar", out _));

        await FoutAsync(await client.PostAsync("/api/quotum", new StringContent("jaar=2022", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);
        await FoutAsync(await client.PostAsync("/api/quotum", new StringContent("", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await FoutAsync(await client.GetAsync("/api/bestaat-niet"), HttpStatusCode.NotFound);
        await FoutAsync(await client.GetAsync("/api/sectoren?jaar=twintig"), HttpStatusCode.BadRequest);
        await FoutAsync(await client.DeleteAsync("/api/landelijk"), HttpStatusCode.MethodNotAllowed);

        // The pages keep their own HTML error page.
        var page = await client.GetAsync("/bestaat-niet");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_cookie_call_needs_the_antiforgery_token_and_a_token_cannot_mint_tokens()
    {
        const string user = "werkgever2@demo.banenmonitor.nl";
        using var cookie = await app.ClientAsync(user);
        int Tokens() { using var db = app.Db(); return db.ApiTokens.Count(); }
        var before = Tokens();

        // A page of another site making the browser post with the login cookie: no anti-forgery token, foreign Origin.
        using (var forged = new HttpRequestMessage(HttpMethod.Post, "/api/tokens") { Content = Json("{}") })
        {
            forged.Headers.Add("Origin", "https://kwaadwillend.example");
            var fout = await FoutAsync(await cookie.SendAsync(forged), HttpStatusCode.BadRequest);
            Assert.Contains("anti-forgery", fout.GetProperty("melding").GetString());
        }
        Assert.Equal(before, Tokens());

        // With the token of a page form in the header it works.
        var antiforgery = AppFixture.AntiforgeryToken(await cookie.GetStringAsync("/"));
        using var real = new HttpRequestMessage(HttpMethod.Post, "/api/tokens") { Content = Json("{}") };
        real.Headers.Add("RequestVerificationToken", antiforgery);
        var created = await cookie.SendAsync(real);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var token = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
        Assert.Equal(before + 1, Tokens());

        // The token reads, but does not mint another token.
        using var bearer = await app.ClientAsync(null);
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/werkgevers/2")).StatusCode);
        var minted = await FoutAsync(await bearer.PostAsync("/api/tokens", Json("{}")), HttpStatusCode.Forbidden);
        Assert.Contains("API-token", minted.GetProperty("melding").GetString());
        Assert.Equal(before + 1, Tokens());
    }

    [Fact]
    public async Task A_locked_account_and_an_unknown_account_get_the_same_login_answer()
    {
        using var client = await app.ClientAsync(null);
        async Task<(string Alert, TimeSpan Took)> TryAsync(string user, string password)
        {
            var token = AppFixture.AntiforgeryToken(await client.GetStringAsync("/account/inloggen"));
            var watch = Stopwatch.StartNew();
            var res = await client.PostAsync("/account/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
                { ["Gebruikersnaam"] = user, ["Wachtwoord"] = password, ["__RequestVerificationToken"] = token }));
            watch.Stop();
            Assert.Equal(HttpStatusCode.OK, res.StatusCode);
            var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await res.Content.ReadAsStringAsync());
            return (html.QuerySelector("[role=alert]")!.TextContent.Trim(), watch.Elapsed);
        }

        // A fresh account of its own, so locking it disturbs no other test.
        var user = $"slot-{Guid.NewGuid():N}"[..17] + "@voorbeeld.nl";
        const string password = "Goed-Wachtwoord-2024!";
        using (var scope = app.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var created = await users.CreateAsync(new AppUser { UserName = user, Email = user }, password);
            Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
        }
        var wrong = await TryAsync(user, "fout-wachtwoord-1");
        for (var i = 0; i < 5; i++) await TryAsync(user, "fout-wachtwoord-1");
        var locked = await TryAsync(user, password); // the right password, but locked
        var unknown = await TryAsync("niemand-" + Guid.NewGuid().ToString("N")[..8] + "@voorbeeld.nl", "fout-wachtwoord-1");
        Assert.Equal(wrong.Alert, locked.Alert);
        Assert.Equal(unknown.Alert, locked.Alert);
        Assert.Contains("geblokkeerd", locked.Alert);
        await using (var db = app.Db())
            Assert.True((await db.Users.SingleAsync(u => u.UserName == user)).LockoutEnd > DateTimeOffset.UtcNow, "het account is niet geblokkeerd");
    }

    [Fact]
    public async Task A_50_MB_upload_gets_the_pages_own_size_message_and_stores_nothing()
    {
        using var client = await app.ClientAsync("gemeenten@demo.banenmonitor.nl");
        var token = AppFixture.AntiforgeryToken(await client.GetStringAsync("/aanleveren"));
        int Reports() { using var db = app.Db(); return db.SectorReports.Count(); }
        var before = Reports();
        var big = new byte[50 * 1024 * 1024];
        var line = Encoding.UTF8.GetBytes("gemeenten;2024;5250;6100;;Eigen telling\n");
        for (var i = 0; i + line.Length <= big.Length; i += line.Length) line.CopyTo(big, i);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(big) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "bestand", "groot.csv" },
        };
        var res = await client.PostAsync("/aanleveren?handler=Uploaden", form);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var html = await res.Content.ReadAsStringAsync();
        Assert.Contains("groter dan 5 MB", html);
        Assert.Contains("groot.csv", html);
        Assert.DoesNotContain("Er ging iets mis", html);
        Assert.Equal(before, Reports());
    }
}
