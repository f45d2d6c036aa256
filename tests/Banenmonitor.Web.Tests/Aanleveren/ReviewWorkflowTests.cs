using System.Net;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.Seeding;
using Banenmonitor.Survey.SectorTotals;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicSectors = Banenmonitor.Rules.Published.PublicSectors;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// The review cycle over HTTP on its own app (own SQLite file), so approvals here never change the figures other
/// tests read: reasons for rejection, the confirmation step, four-eyes, withdraw and delete, plausibility, and no
/// e-mail address on public pages or the public API.
/// </summary>
public sealed class ReviewWorkflowTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Rep = "gemeenten@demo.banenmonitor.nl";
    private const string Analyst = "analist@demo.banenmonitor.nl";
    private static int Gemeenten => PublicSectors.OfPlatform("gemeenten")!.Id!.Value;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = AppFixture.AntiforgeryToken(await client.GetStringAsync(page));
        return await client.PostAsync($"{page}{(page.Contains('?') ? '&' : '?')}handler={handler}", new FormUrlEncodedContent(fields));
    }

    /// <summary>The representative enters a draft for <paramref name="year"/> and submits it; returns its id.</summary>
    private async Task<int> SubmitAsync(HttpClient rep, int year, string target, string realised)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(rep, "/aanleveren", "Invoeren", new() { ["Jaar"] = $"{year}", ["Doel"] = target, ["Realisatie"] = realised })).StatusCode);
        int id;
        await using (var db = app.Db())
            id = (await db.SectorReports.AsNoTracking().SingleAsync(r => r.SectorId == Gemeenten && r.Year == year && r.Status == ReportStatus.Draft)).Id;
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(rep, "/aanleveren", $"Indienen&id={id}", [])).StatusCode);
        return id;
    }

    private static void AssertDenied(HttpResponseMessage res)
    {
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Contains("/account/geweigerd", res.Headers.Location?.ToString());
    }

    private async Task<ReportStatus> StatusAsync(int id)
    {
        await using var db = app.Db();
        return (await db.SectorReports.AsNoTracking().SingleAsync(r => r.Id == id)).Status;
    }

    [Fact]
    public async Task A_rejection_without_a_reason_is_refused_on_the_page_and_the_reason_reaches_the_submitter()
    {
        using var rep = await app.ClientAsync(Rep);
        var id = await SubmitAsync(rep, 2016, "4000", "4100");
        using var analyst = await app.ClientAsync(Analyst);
        var page = $"/aanleveren/beoordelen?id={id}&soort=sector";
        var refused = await PostAsync(analyst, page, "Afwijzen", new() { ["Reden"] = "   " });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Geef een reden voor de afwijzing", await refused.Content.ReadAsStringAsync());
        Assert.Equal(ReportStatus.Submitted, await StatusAsync(id));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(analyst, page, "Afwijzen", new() { ["Reden"] = "De realisatie wijkt af van de telling van UWV." })).StatusCode);
        Assert.Equal(ReportStatus.Rejected, await StatusAsync(id));
        var own = await rep.GetStringAsync("/aanleveren");
        Assert.Contains("De realisatie wijkt af van de telling van UWV.", own);
        Assert.DoesNotContain(Analyst, own); // the submitter reads the reason, not the reviewer's address
    }

    [Fact]
    public async Task Approval_asks_for_confirmation_beside_the_previous_year_and_flags_an_implausible_jump()
    {
        using var rep = await app.ClientAsync(Rep);
        var id = await SubmitAsync(rep, 2022, "5250", "60000"); // 2021: 5.796 approved; 60.000 is more than 3 × 5.796
        using var analyst = await app.ClientAsync(Analyst);
        var list = await analyst.GetStringAsync("/aanleveren/beoordelen");
        Assert.Contains("onwaarschijnlijk", list);
        var page = $"/aanleveren/beoordelen?id={id}&soort=sector";
        var detail = await analyst.GetStringAsync(page);
        Assert.Contains("Vorig jaar (2021)", detail);
        Assert.Contains("5.796", detail);
        Assert.Contains("60.000 is meer dan 3 keer 5.796 van 2021", detail);
        Assert.Contains("opgave van de sector Gemeenten via de website", detail); // its source

        var ask = await PostAsync(analyst, page, "Goedkeuren", []);
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        Assert.Contains("Goedkeuring bevestigen", await ask.Content.ReadAsStringAsync());
        Assert.Equal(ReportStatus.Submitted, await StatusAsync(id)); // nothing decided without the confirmation
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(analyst, page, "Goedkeuren", new() { ["Bevestigd"] = "true" })).StatusCode);
        Assert.Equal(ReportStatus.Approved, await StatusAsync(id));
    }

    [Fact]
    public async Task Four_eyes_who_submitted_may_not_approve_the_own_submission()
    {
        const string both = "sector-en-analist@voorbeeld.nl", password = "Twee-Rollen-2024!";
        using (var scope = app.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = both, Email = both, EmailConfirmed = true, SectorId = Gemeenten };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            Assert.True((await users.AddToRolesAsync(user, [Roles.SectorRepresentative, Roles.Analyst])).Succeeded);
        }
        using var self = await app.ClientAsync(both, password);
        var id = await SubmitAsync(self, 2017, "4000", "4200");
        var page = $"/aanleveren/beoordelen?id={id}&soort=sector";
        var refused = await PostAsync(self, page, "Goedkeuren", new() { ["Bevestigd"] = "true" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("vier-ogenprincipe", await refused.Content.ReadAsStringAsync());
        Assert.Equal(ReportStatus.Submitted, await StatusAsync(id));
        using var other = await app.ClientAsync(Analyst);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(other, page, "Goedkeuren", new() { ["Bevestigd"] = "true" })).StatusCode);
        Assert.Equal(ReportStatus.Approved, await StatusAsync(id));
    }

    [Fact]
    public async Task A_submitter_withdraws_a_submission_and_deletes_the_draft_but_not_another_sectors()
    {
        using var rep = await app.ClientAsync(Rep);
        var id = await SubmitAsync(rep, 2018, "4000", "4300");
        using var rijk = await app.ClientAsync("rijk@demo.banenmonitor.nl");
        AssertDenied(await PostAsync(rijk, "/aanleveren", $"Terugtrekken&id={id}", []));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(rep, "/aanleveren", $"Terugtrekken&id={id}", [])).StatusCode);
        Assert.Equal(ReportStatus.Draft, await StatusAsync(id));
        AssertDenied(await PostAsync(rijk, "/aanleveren", $"Verwijderen&id={id}", []));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(rep, "/aanleveren", $"Verwijderen&id={id}", [])).StatusCode);
        await using var db = app.Db();
        Assert.False(await db.SectorReports.AnyAsync(r => r.Id == id));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(SectorReport) && a.Action == AuditAction.Delete && a.UserName == Rep));
    }

    [Fact]
    public async Task No_e_mail_address_of_an_account_reaches_the_public_pages_or_the_public_api()
    {
        using (var scope = app.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Banenmonitor.Data.BanenmonitorDbContext>();
            await Banenmonitor.Data.SectorRegisterQuery.RecordChoiceAsync(db, "gemeenten", new SectorEstimateChoice
            {
                Year = 2021, Method = Banenmonitor.Survey.SectorTotals.SectorTotalMethod.Ratio.Code(), Estimate = 6000m, EmployersReported = 300,
                EmployersTotal = 342, SizeShareReported = 90m, ChosenBy = Rep, ChosenAt = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc),
            });
        }
        using var rep = await app.ClientAsync(Rep);
        var id = await SubmitAsync(rep, 2020, "5250", "5500");
        using var analyst = await app.ClientAsync(Analyst);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(analyst, $"/aanleveren/beoordelen?id={id}&soort=sector", "Goedkeuren", new() { ["Bevestigd"] = "true" })).StatusCode);

        using var anonymous = await app.ClientAsync(null);
        using var signedIn = await app.ClientAsync("publiek@demo.banenmonitor.nl");
        var detail = await anonymous.GetStringAsync("/sectoren/gemeenten");
        Assert.Contains($"goedgekeurd op {DateTime.UtcNow:dd-MM-yyyy}", detail); // that and when it was approved
        string[] pages = ["/", "/landelijk", "/sectoren", "/sectoren?jaar=2020", "/sectoren/gemeenten", "/sectoren/gemeenten/schatting/2021", "/vergelijken", "/vergelijken/sectoren"];
        string[] api = ["/api/sectoren", "/api/sectoren?jaar=2020", "/api/sectoren/gemeenten", "/api/sectoren/gemeenten/schatting/2021", "/api/landelijk"];
        var addresses = DatabaseSeeder.DemoAccounts.Select(a => a.UserName).Append("@demo.banenmonitor.nl").ToList();
        foreach (var (client, path) in pages.Select(p => (anonymous, p)).Concat(api.Select(p => (signedIn, p))))
        {
            var body = await (await client.GetAsync(path)).Content.ReadAsStringAsync();
            foreach (var a in addresses) Assert.False(body.Contains(a, StringComparison.OrdinalIgnoreCase), $"{path} toont {a}");
        }
    }

    [Fact]
    public async Task The_analyst_reads_the_audit_trail_with_Dutch_fields_before_and_after_filters_and_pages()
    {
        using var rep = await app.ClientAsync(Rep);
        var id = await SubmitAsync(rep, 2019, "4000", "4400");
        using var analyst = await app.ClientAsync(Analyst);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(analyst, $"/aanleveren/beoordelen?id={id}&soort=sector", "Afwijzen", new() { ["Reden"] = "Bron ontbreekt." })).StatusCode);

        var page = await analyst.GetStringAsync($"/beheer/audit?wie={Uri.EscapeDataString(Analyst)}&sector=gemeenten");
        Assert.Contains("reden van afwijzing", page);
        Assert.Contains("Bron ontbreekt.", page);
        Assert.Contains("<th scope=\"col\">Voor</th>", page);
        Assert.Contains("ingediend", page);   // status before, in Dutch
        Assert.Contains("afgewezen", page);   // status after
        Assert.DoesNotContain("{\"", page);   // no raw JSON
        Assert.DoesNotContain("RejectionReason", page);
        Assert.Contains("1 wijziging(en)", page);

        // Keyset paging: "volgende" goes on from the last row shown, "vorige" comes back to the same first page.
        var first = await analyst.GetStringAsync("/beheer/audit");
        Assert.DoesNotContain("Vorige pagina", first);
        var next = System.Text.RegularExpressions.Regex.Match(first, "<a href=\"([^\"]+)\" rel=\"next\">Volgende pagina").Groups[1].Value;
        Assert.Contains("na=", next);
        var paged = await analyst.GetStringAsync(WebUtility.HtmlDecode(next));
        Assert.Contains("Vorige pagina", paged);
        // The rows shown: time, user, action, figure link and cause of each change.
        static List<string> Rows(string html) => System.Text.RegularExpressions.Regex
            .Matches(html, "<tr><td>([^<]+)</td><td>([^<]*)</td><td>([^<]+)</td>\\s*<td><a href=\"([^\"]+)\">[^<]*</a></td><td>([^<]*)</td>")
            .Select(m => string.Join("|", m.Groups.Values.Skip(1).Select(g => g.Value))).ToList();
        Assert.Equal(50, Rows(first).Count);
        Assert.NotEqual(Rows(first), Rows(paged));
        var prev = System.Text.RegularExpressions.Regex.Match(paged, "<a href=\"([^\"]+)\" rel=\"prev\">Vorige pagina").Groups[1].Value;
        var again = await analyst.GetStringAsync(WebUtility.HtmlDecode(prev));
        Assert.Equal(Rows(first), Rows(again));
        var broken = await analyst.GetAsync("/beheer/audit?na=gisteren");
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.Contains("deze link naar een pagina van de audittrail is ongeldig", WebUtility.HtmlDecode(await broken.Content.ReadAsStringAsync()));
        var none = await analyst.GetStringAsync($"/beheer/audit?van=01-01-2001&tot=31-12-2001");
        Assert.Contains("0 wijziging(en)", none);
        var bad = await analyst.GetAsync("/beheer/audit?van=gisteren&werkgever=onbekend");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badText = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Van: &#x27;gisteren&#x27; is geen datum", badText);
        Assert.Contains("value=\"gisteren\"", badText); // what was typed stays

        // User accounts stay with the administrator.
        using var admin = await app.ClientAsync("beheerder@demo.banenmonitor.nl");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, "/beheer/gebruikers", "", new()
            { ["Email"] = "nieuw@voorbeeld.nl", ["Wachtwoord"] = "Nieuw-Account-2024!", ["Rol"] = Roles.Public })).StatusCode);
        Assert.Contains("nieuw@voorbeeld.nl", await admin.GetStringAsync("/beheer/audit?soort=AppUser"));
        Assert.DoesNotContain("nieuw@voorbeeld.nl", await analyst.GetStringAsync("/beheer/audit"));
    }
}
