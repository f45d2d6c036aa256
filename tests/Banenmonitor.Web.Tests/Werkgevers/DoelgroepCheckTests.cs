using System.Net;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.Privacy;
using Banenmonitor.Web.Features.Werkgevers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

using static Banenmonitor.Web.Tests.Axe;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// Issue 20, target-group register: an employer's HR checks a citizen number and sees the periods only; the number is
/// pseudonymised on arrival and appears in no log line and no database column; a wrong number gets a Dutch error; the
/// check is audited without the number and rate-limited per user. Real Chromium, real app, real SQLite.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DoelgroepCheckTests(AppFixture app)
{
    private const string Registered = "111222333";   // passes the elfproef: 9+8+7+12+10+8+9+6−3 = 66
    private const string Unregistered = "123456782"; // 9+16+21+24+25+24+21+16−2 = 154 = 14 × 11
    private const string NotABsn = "123456789";      // 147: not divisible by 11

    private async Task RegisterAsync()
    {
        var key = PseudonymKey.FromText(AppFixture.TestPseudonymKey);
        await using var db = app.Db();
        var pseudonym = key.Pseudonymize(Registered);
        if (await db.TargetGroupRegistrations.AnyAsync(r => r.Pseudonym == pseudonym)) return;
        db.TargetGroupRegistrations.Add(new TargetGroupRegistration { Pseudonym = pseudonym, Ground = RegistrationGround.Wajong, StartDate = new(2016, 3, 1), EndDate = new(2019, 12, 31) });
        db.TargetGroupRegistrations.Add(new TargetGroupRegistration { Pseudonym = pseudonym, Ground = RegistrationGround.Participatiewet, StartDate = new(2021, 1, 1) });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task HR_sees_the_periods_of_a_registered_person_and_the_number_is_stored_and_logged_nowhere()
    {
        await RegisterAsync();
        var page = await app.PageAsync();
        await AppFixture.LoginAsync(page, "werkgever@demo.banenmonitor.nl");
        await page.GotoAsync("/werkgevers/doelgroep");
        await page.FillAsync("#bsn", Registered);
        await AppFixture.SubmitAsync(page, page.Locator("#controleer"));
        Assert.Equal("Deze persoon telt mee", await page.InnerTextAsync("#uitkomst"));
        var rows = await page.Locator("#resultaat tbody tr").AllInnerTextsAsync();
        Assert.Equal(2, rows.Count);
        Assert.Contains("1 maart 2016", rows[0]);
        Assert.Contains("31 december 2019", rows[0]);
        Assert.Contains("nog geregistreerd", rows[1]);
        var html = await page.ContentAsync();
        Assert.DoesNotContain(Registered, html);          // not echoed back
        Assert.DoesNotContain("Wajong", html);            // periods only, not the ground
        await AssertAccessibleAsync(page);

        await page.FillAsync("#bsn", Unregistered);
        await AppFixture.SubmitAsync(page, page.Locator("#controleer"));
        Assert.Equal("Deze persoon staat niet in het doelgroepregister", await page.InnerTextAsync("#uitkomst"));

        await page.FillAsync("#bsn", NotABsn);
        await AppFixture.SubmitAsync(page, page.Locator("#controleer"));
        Assert.Contains("elfproef", await page.InnerTextAsync("#fout"));
        Assert.Equal(0, await page.Locator("#resultaat").CountAsync());

        // Audited, without the number.
        await using (var db = app.Db())
        {
            var audits = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == DoelgroepModel.AuditType && a.UserName == "werkgever@demo.banenmonitor.nl").ToListAsync();
            Assert.True(audits.Count >= 3, $"{audits.Count} auditregels");
            Assert.All(audits, a => Assert.Equal("900000001L01", a.EntityKey));
            Assert.Contains(audits, a => a.After!.Contains("\"telt_mee\":true"));
        }

        // No log line and no text column of any table holds one of the numbers entered.
        var numbers = new[] { Registered, Unregistered, NotABsn };
        Assert.NotEmpty(app.Logs.Lines);
        Assert.DoesNotContain(app.Logs.Lines, l => numbers.Any(l.Contains));
        await using var c = new SqliteConnection(app.ConnectionString);
        await c.OpenAsync();
        var tables = new List<string>();
        await using (var cmd = new SqliteCommand("SELECT name FROM sqlite_master WHERE type = 'table'", c))
        await using (var r = await cmd.ExecuteReaderAsync()) while (await r.ReadAsync()) tables.Add(r.GetString(0));
        var scanned = 0;
        foreach (var t in tables)
        {
            await using var cmd = new SqliteCommand($"SELECT * FROM \"{t}\"", c);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
                for (var i = 0; i < r.FieldCount; i++)
                {
                    if (r.IsDBNull(i)) continue;
                    var v = Convert.ToString(r.GetValue(i)) ?? "";
                    scanned++;
                    Assert.False(numbers.Any(v.Contains), $"{t}.{r.GetName(i)} bevat een ingevoerd burgerservicenummer");
                }
        }
        Assert.True(scanned > 1000, $"{scanned} waarden doorzocht");
    }

    [Fact]
    public async Task Checks_are_rate_limited_per_user_with_a_Dutch_message()
    {
        using var client = await app.ClientAsync("werkgever2@demo.banenmonitor.nl");
        var token = AppFixture.AntiforgeryToken(await client.GetStringAsync("/werkgevers/doelgroep"));
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 12; i++)
        {
            last = await client.PostAsync("/werkgevers/doelgroep", new FormUrlEncodedContent(new Dictionary<string, string> { ["bsn"] = Unregistered, ["__RequestVerificationToken"] = token }));
            statuses.Add(last.StatusCode);
        }
        // 10 per minute, the GET counted: nine checks answered, then refused.
        Assert.Equal(9, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(DoelgroepRateLimit.TooMany, await last!.Content.ReadAsStringAsync());
        // Another user is not limited by this one.
        using var other = await app.ClientAsync("werkgever@demo.banenmonitor.nl");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/werkgevers/doelgroep")).StatusCode);
    }
}
