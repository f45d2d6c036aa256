using System.Globalization;
using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Planning;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Regimes;
using Banenmonitor.Rules.Text;
using Banenmonitor.Web.Infrastructure;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Features.Werkgevers;

/// <summary>What the deadline section of a page shows: the duties of the years, the feed to subscribe to, and today (past or coming).</summary>
public sealed record TermijnenView(DeadlineCalendar Calendar, string FeedUrl, DateOnly Today);

/// <summary>
/// The employer's dated duties (<see cref="EmployerDeadlines"/>) as an iCalendar feed (Ical.Net): one all-day event on
/// the last day of each duty, in Dutch, with the articles of law and the parameters the date comes from in its
/// description. <c>/werkgevers/{id}/termijnen.ics</c> for an employer (the employer itself and the ministry) and
/// <c>/werkgevers/plan/termijnen.ics</c> for the years of the logged-in employer's plan; <c>van</c> and <c>tot</c> choose the years.
/// </summary>
public static class DeadlineFeed
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>Is the employer a government employer for the quota (its platform sector)?</summary>
    public static bool IsGovernment(Employer e) => PublicSectors.OfPlatform(e.Sector?.Code)?.IsGovernment ?? false;

    /// <summary>The feed's text (RFC 5545).</summary>
    public static string Ics(DeadlineCalendar cal, string name)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Banenmonitor//Termijnen banenafspraak//NL", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", "Europe/Amsterdam");
        foreach (var d in cal.Deadlines)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = d.Uid,
                Summary = d.Title,
                Description = d.Description + "\n\nWetsartikel: " + d.LegalText + "\nDatum uit de parameters: " +
                              string.Join("; ", d.Parameters.Select(p => $"{p.Name} = {p.Value?.ToString(CultureInfo.InvariantCulture)} ({p.Source})")),
                Start = new CalDateTime(d.LastDay),
                End = new CalDateTime(d.LastDay.AddDays(1)),
                Transparency = TransparencyType.Transparent,
                Categories = ["Banenafspraak"],
            });
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    public static void MapWerkgeversFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/werkgevers/{id:int}/termijnen.ics", async (int id, string? van, string? tot, HttpContext http, BanenmonitorDbContext db,
            ParameterProvider p, TimeProvider clock, CancellationToken ct) =>
        {
            if (!http.User.MaySeeEmployer(id)) return Results.Forbid();
            var e = await db.Employers.AsNoTracking().Include(x => x.Sector).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (e is null) return Results.Text($"Onbekende werkgever {id}.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            var year = clock.GetLocalNow().Year;
            return Feed(p, e, van, tot, year, year + 2, $"termijnen-{e.PayrollTaxNumber}.ics");
        }).RequireAuthorization(Policies.SignedIn);

        app.MapGet("/werkgevers/plan/termijnen.ics", async (string? van, string? tot, HttpContext http, BanenmonitorDbContext db, ParameterProvider p, CancellationToken ct) =>
        {
            if (http.User.EmployerId() is not { } id) return Results.Forbid();
            var e = await db.Employers.AsNoTracking().Include(x => x.Sector).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (e is null) return Results.Text("Uw werkgever is onbekend.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            var first = Regime.WetBanenafspraak2025.FirstYear;
            return Feed(p, e, van, tot, first, first + 2, $"termijnen-meerjarenplan-{e.PayrollTaxNumber}.ics");
        }).RequireAuthorization(Policies.Employer);
    }

    private static IResult Feed(ParameterProvider p, Employer e, string? van, string? tot, int defaultFrom, int defaultTo, string file)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var from = (int?)FormNumbers.Read(errors, van, "van", "Van (jaar)", NumberLimits.Year) ?? defaultFrom;
        var to = (int?)FormNumbers.Read(errors, tot, "tot", "Tot en met (jaar)", NumberLimits.Year) ?? Math.Max(defaultTo, from);
        DeadlineCalendar? cal = null;
        if (errors.Count == 0)
        {
            try { cal = new EmployerDeadlines(p.Current).Between(from, to, IsGovernment(e)); }
            catch (ArgumentException x) { errors["tot"] = x.Message; }
        }
        if (cal is null) return Results.Text(string.Join(" ", errors.Values), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        var bytes = System.Text.Encoding.UTF8.GetBytes(Ics(cal, $"Termijnen banenafspraak {e.Name} {from}–{to}"));
        return Results.File(bytes, ContentType, file);
    }
}
