using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.WorkAgendas;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using static Banenmonitor.Web.Tests.Axe;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// Issue 19, work agendas: "Voortbouwen op" offers the sector's earlier agenda, an action can be changed (and the change
/// is audited), the "Verwijder" buttons are readable, and the PDF's action table fits the page.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WerkagendaPagesTests(AppFixture app)
{
    private const string Password = "Werkagenda-Pagina-2024!";

    private Task<string> RepresentativeAsync(string sector) =>
        app.SectorRepresentativeAsync($"werkagenda-pagina-{sector}@test.banenmonitor.nl", sector, Password);

    private async Task<IPage> LoggedInAsync(string user)
    {
        var page = await app.PageAsync();
        await AppFixture.LoginAsync(page, user, Password);
        return page;
    }

    private static Task SubmitAsync(IPage page, ILocator button) => AppFixture.SubmitAsync(page, button);

    [Fact]
    public async Task Voortbouwen_op_offers_the_earlier_agenda_and_an_action_can_be_changed_audited()
    {
        var user = await RepresentativeAsync("rijk");
        int seedId;
        await using (var db = app.Db())
            seedId = await db.WorkAgendas.Where(a => a.Sector!.Code == "rijk" && a.DerivedFromDocuments).Select(a => a.Id).SingleAsync();
        var page = await LoggedInAsync(user);

        // The documents' agenda of the Rijk is offered, chosen, and the new period starts the day after it.
        await page.GotoAsync("/werkagenda/nieuw");
        var options = await page.Locator("#vorige option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        Assert.Contains(seedId.ToString(CultureInfo.InvariantCulture), options);
        Assert.Equal(seedId.ToString(CultureInfo.InvariantCulture), await page.InputValueAsync("#vorige"));
        Assert.NotEqual("", await page.InputValueAsync("#begin"));
        await page.FillAsync("#titel", "Werkagenda Rijk, vervolg");
        await SubmitAsync(page, page.Locator("form.bm-formulier button[type=submit]"));
        await page.WaitForURLAsync(new Regex("/werkagenda/\\d+/bewerken$"));
        var newId = int.Parse(Regex.Match(page.Url, "/werkagenda/(\\d+)/bewerken").Groups[1].Value, CultureInfo.InvariantCulture);
        WorkAgendaAction first;
        await using (var db = app.Db())
        {
            var seed = await db.WorkAgendas.Include(a => a.Actions).SingleAsync(a => a.Id == seedId);
            var next = await db.WorkAgendas.Include(a => a.Actions).SingleAsync(a => a.Id == newId);
            Assert.Equal(seedId, next.PreviousAgendaId);
            Assert.Equal(seed.Actions.Count, next.Actions.Count);
            first = next.Actions.OrderBy(a => a.Id).First();
        }

        // Change the first action: title, owner and forecast, and a middle goal.
        var section = page.Locator($"#actie-{first.Id}");
        await section.Locator("summary").ClickAsync();
        await section.Locator("input[name=Titel]").FillAsync("Gewijzigde actie Rijk");
        await section.Locator("input[name=Eigenaar]").FillAsync("BZK, programma banenafspraak");
        await section.Locator("input[name=Prognose]").FillAsync("12,5");
        await section.Locator("input[name=DoelMidden]").FillAsync("Ministeries benaderd");
        await section.Locator("input[name=DoelMiddenAantal]").FillAsync("12");
        await SubmitAsync(page, section.Locator("details button[type=submit]"));
        Assert.Contains("gewijzigd", await page.InnerTextAsync("#melding"));
        var row = await page.Locator("#acties tbody tr", new() { HasText = "Gewijzigde actie Rijk" }).InnerTextAsync();
        Assert.Contains("Gewijzigde actie Rijk", row);
        Assert.Contains("12,5", row);
        Assert.Contains("Ministeries benaderd", row);
        await AssertAccessibleAsync(page);

        // A refused change keeps what was typed, in the opened form, with the Dutch reason.
        section = page.Locator($"#actie-{first.Id}");
        await section.Locator("summary").ClickAsync();
        await section.Locator("input[name=Titel]").FillAsync("Nog een keer gewijzigd");
        await section.Locator("input[name=Prognose]").FillAsync("veel");
        await SubmitAsync(page, section.Locator("details button[type=submit]"));
        Assert.Contains("De prognose: 'veel' is geen getal", await page.InnerTextAsync("#fout"));
        section = page.Locator($"#actie-{first.Id}");
        Assert.True(await section.Locator("input[name=Titel]").IsVisibleAsync());
        Assert.Equal("Nog een keer gewijzigd", await section.Locator("input[name=Titel]").InputValueAsync());
        Assert.Equal("veel", await section.Locator("input[name=Prognose]").InputValueAsync());

        await using (var db = app.Db())
        {
            var action = await db.Set<WorkAgendaAction>().SingleAsync(a => a.Id == first.Id);
            Assert.Equal("Gewijzigde actie Rijk", action.Title);
            Assert.Equal(12.5m, action.ForecastJobs);
            var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(WorkAgendaAction) && a.EntityKey == $"werkagenda-actie:{newId}:{first.Id}"
                                                         && a.Cause.Contains("actie gewijzigd")).ToListAsync();
            var entry = Assert.Single(audit);
            Assert.Equal(user, entry.UserName);
            Assert.Contains(first.Title, entry.Before);
            Assert.Contains("Gewijzigde actie Rijk", entry.After);
        }
    }

    /// <summary>WCAG contrast ratio of a button's text against the first opaque background behind it, computed in the browser.</summary>
    private const string ContrastScript = """
        b => {
            const rgb = s => s.match(/[\d.]+/g).map(Number);
            const lum = ([r, g, bl]) => { const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(bl); };
            let el = b, bg = null;
            while (el) { const c = getComputedStyle(el).backgroundColor; const v = rgb(c); if (v.length < 4 || v[3] > 0) { bg = v; break; } el = el.parentElement; }
            bg = bg || [255, 255, 255];
            const fg = rgb(getComputedStyle(b).color);
            const [l1, l2] = [lum(fg), lum(bg)].sort((x, y) => y - x);
            return (l1 + 0.05) / (l2 + 0.05);
        }
        """;

    [Fact]
    public async Task The_remove_buttons_are_readable()
    {
        var user = await RepresentativeAsync("umc");
        int seedId;
        await using (var db = app.Db())
            seedId = await db.WorkAgendas.Where(a => a.Sector!.Code == "umc" && a.DerivedFromDocuments).Select(a => a.Id).SingleAsync();
        var page = await LoggedInAsync(user);
        await page.GotoAsync($"/werkagenda/{seedId}/bewerken");
        var buttons = page.Locator("form[action*='handler=Verwijder'] button");
        Assert.True(await buttons.CountAsync() > 0);
        foreach (var b in await buttons.AllAsync())
        {
            var ratio = await b.EvaluateAsync<double>(ContrastScript);
            Assert.True(ratio >= 4.5, $"contrast {ratio:0.00}:1 van '{await b.InnerTextAsync()}'");
            await b.HoverAsync();
            var hover = await b.EvaluateAsync<double>(ContrastScript);
            Assert.True(hover >= 4.5, $"contrast bij aanwijzen {hover:0.00}:1");
        }
        // The log-out button in the menu bar keeps its white text on blue.
        Assert.True(await page.Locator(".bm-nav .bm-knop--link").EvaluateAsync<double>(ContrastScript) >= 4.5);
    }

    private static string Pdftotext(params string[] args)
    {
        var psi = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        Assert.True(p.WaitForExit(60_000), "pdftotext");
        Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
        return output.Result;
    }

    [Fact]
    public async Task The_pdf_action_table_fits_the_page_with_its_last_column()
    {
        // The Defensie agenda from the documents (long quotes and sources), signed and one action evaluated, so the last
        // column (Evaluatie) has text.
        var user = await RepresentativeAsync("defensie");
        int agendaId;
        const string reason = "Te weinig leidinggevenden vrijgemaakt voor de begeleiding";
        using (var scope = app.App.Services.CreateScope())
        {
            var svc = scope.ServiceProvider.GetRequiredService<WorkAgendaService>();
            var db = scope.ServiceProvider.GetRequiredService<BanenmonitorDbContext>();
            var agenda = await svc.Agendas.SingleAsync(a => a.Sector!.Code == "defensie" && a.DerivedFromDocuments);
            agendaId = agenda.Id;
            if (agenda.Status == WorkAgendaStatus.Concept) await svc.SignAsync(agendaId, "D. Bestuurder", "directeur", new DateOnly(2024, 1, 15), user);
            var last = (await svc.FindAsync(agendaId))!.Actions.OrderBy(a => a.Id).Last();
            if (last.Evaluation is null) await svc.EvaluateAsync(last.Id, EvaluationOutcome.Niet, reason, user);
            _ = db;
        }
        using var client = await app.ClientAsync("analist@demo.banenmonitor.nl");
        var pdf = await client.GetByteArrayAsync($"/werkagenda/{agendaId}/document?handler=pdf");
        var dir = Directory.CreateTempSubdirectory("banenmonitor-werkagenda-pdf-");
        try
        {
            var file = Path.Combine(dir.FullName, "werkagenda.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            var text = Regex.Replace(Pdftotext(file, "-"), @"\s+", " ");
            Assert.Contains("Evaluatie", text);
            Assert.Contains("Gerealiseerd", text);
            Assert.Contains("niet:", text);
            foreach (var word in reason.Split(' ')) Assert.Contains(word, text);
            // Every word lies inside its page (a table cut off on the right puts words beyond the page width).
            var bbox = XDocument.Parse(Regex.Replace(Pdftotext("-bbox", file, "-"), "<!DOCTYPE[^>]*>", ""));
            XNamespace x = "http://www.w3.org/1999/xhtml";
            var pages = bbox.Descendants(x + "page").ToList();
            Assert.NotEmpty(pages);
            foreach (var pg in pages)
            {
                var width = double.Parse((string)pg.Attribute("width")!, CultureInfo.InvariantCulture);
                foreach (var w in pg.Elements(x + "word"))
                    Assert.True(double.Parse((string)w.Attribute("xMax")!, CultureInfo.InvariantCulture) <= width, $"'{w.Value}' valt buiten de pagina ({width} pt breed)");
            }
        }
        finally { dir.Delete(true); }
    }
}
