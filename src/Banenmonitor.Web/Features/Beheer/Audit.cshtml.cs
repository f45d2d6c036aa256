using System.Globalization;
using Banenmonitor.Data;
using Banenmonitor.Data.Audit;
using Banenmonitor.Data.Model;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Features.Beheer;

/// <summary>One figure in the audit trail: its type and natural key, with a Dutch label.</summary>
public sealed record AuditFigure(string Type, string Key, string Label)
{
    /// <summary>The query value that selects this figure (<c>type:key</c>).</summary>
    public string Value => $"{Type}:{Key}";
}

/// <summary>
/// The platform's audit trail for the ministry (analyst and administrator): every change with user, time, cause and a
/// table of the fields before and after, with Dutch field names (<see cref="AuditLabels"/>); filtered by user, kind of
/// figure, period, employer, sector or one figure, and paged with "volgende/vorige" from the row a page ends or starts
/// at (keyset paging, <see cref="AuditCursor"/>), the count stopping at 10.000: every page costs the same however long the
/// trail is. The lists of the filters come from the kinds the trail knows and the most recent changes, never from a scan
/// of the whole trail. User accounts and API tokens only for the administrator.
/// </summary>
public sealed class AuditModel(BanenmonitorDbContext db, AuditService audit) : PageModel
{
    public const int PageSize = 50;
    /// <summary>Entity types only the administrator reads in the trail.</summary>
    public static readonly string[] AdministratorOnly = [nameof(AppUser), nameof(ApiToken)];

    [BindProperty(SupportsGet = true, Name = "onderwerp")] public string? Onderwerp { get; set; }
    [BindProperty(SupportsGet = true, Name = "wie")] public string? Wie { get; set; }
    [BindProperty(SupportsGet = true, Name = "soort")] public string? Soort { get; set; }
    [BindProperty(SupportsGet = true, Name = "van")] public string? Van { get; set; }
    [BindProperty(SupportsGet = true, Name = "tot")] public string? Tot { get; set; }
    [BindProperty(SupportsGet = true, Name = "werkgever")] public string? Werkgever { get; set; }
    [BindProperty(SupportsGet = true, Name = "sector")] public string? Sector { get; set; }
    /// <summary>The page after this place in the trail (<see cref="AuditCursor.Token"/>).</summary>
    [BindProperty(SupportsGet = true, Name = "na")] public string? Na { get; set; }
    /// <summary>The page before this place in the trail.</summary>
    [BindProperty(SupportsGet = true, Name = "voor")] public string? Voor { get; set; }

    /// <summary>How many of the latest changes the list of figures is taken from.</summary>
    public const int RecentFigures = 2_500;

    public AuditPage Resultaat { get; private set; } = AuditPage.Empty(PageSize);
    public IReadOnlyList<AuditFigure> Onderwerpen { get; private set; } = [];
    public IReadOnlyList<(string Type, string Naam)> Soorten { get; private set; } = [];
    public AuditFigure? Gekozen { get; private set; }
    public List<string> Fouten { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var hidden = User.IsInRole(Roles.Administrator) ? [] : AdministratorOnly;
        var types = AuditedTypes(db).Where(t => !hidden.Contains(t)).Distinct().ToList();
        Soorten = types.Select(t => (t, TypeName(t))).OrderBy(t => t.Item2, StringComparer.Ordinal).ToList();
        // The figures changed most recently (audit entries, newest first by their index): the list stays short and cheap.
        var figures = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Timestamp).ThenByDescending(a => a.Id).Take(RecentFigures)
            .Select(a => new { a.EntityType, a.EntityKey }).ToListAsync(ct);
        Onderwerpen = figures.Where(f => f.EntityType is not (nameof(PaidHoursRecord) or nameof(TargetGroupRegistration)) && !hidden.Contains(f.EntityType))
            .Distinct().Select(f => Figure(f.EntityType, f.EntityKey)).OrderBy(f => f.Label, StringComparer.Ordinal).ToList();

        var filter = new AuditFilter
        {
            User = Wie, EntityType = Soort is { Length: > 0 } s && types.Contains(s) ? s : null,
            From = Date(Van, "Van"), To = Date(Tot, "Tot en met"),
            Employer = Werkgever, Sector = Sector is { Length: > 0 } ? Sector : null, Hidden = hidden,
        };
        if (Soort is { Length: > 0 } && filter.EntityType is null) Fouten.Add($"Soort: '{Soort}' komt niet voor in de audittrail.");
        if (Onderwerp?.Split(':', 2) is [var type, var key] && !hidden.Contains(type))
        {
            Gekozen = Figure(type, key);
            filter = filter with { EntityType = type, EntityKey = key };
            if (Onderwerpen.All(o => o.Value != Gekozen.Value)) Onderwerpen = [Gekozen, .. Onderwerpen];
        }
        var readable = AuditCursor.TryParse(Na, out var after) & AuditCursor.TryParse(Voor, out var before);
        if (!readable)
            Fouten.Add("Pagina: deze link naar een pagina van de audittrail is ongeldig; kies 'Tonen' om bij de nieuwste wijzigingen te beginnen.");
        if (filter.From is { } f && filter.To is { } t && t < f) Fouten.Add("Tot en met: deze datum ligt vóór de datum bij Van.");
        if (Fouten.Count > 0) return;
        Resultaat = await audit.SearchAsync(filter, after, before, PageSize, ct);
    }

    /// <summary>A date as typed (dd-mm-jjjj) or as the date picker sends it (jjjj-mm-dd); a Dutch error otherwise.</summary>
    private DateOnly? Date(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "d-M-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        Fouten.Add($"{field}: '{text}' is geen datum; gebruik dd-mm-jjjj, bijvoorbeeld 01-03-2024.");
        return null;
    }

    /// <summary>
    /// Every entity type the trail records, for the filter "soort": the model's audited figures (by their audit name) and
    /// the accounts and tokens the administration records — known from the model, not read from the trail.
    /// </summary>
    public static IReadOnlyList<string> AuditedTypes(BanenmonitorDbContext db) =>
    [
        .. db.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => typeof(IAuditedFigure).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => t == typeof(HiredInHoursRecord) ? HiredInHoursRecord.AuditName : t.Name),
        .. AdministratorOnly,
    ];

    /// <summary>The query string of this page with the current filters and a place in the trail (<c>na</c> or <c>voor</c>).</summary>
    public string PageLink(string direction, AuditCursor cursor)
    {
        var q = new List<string>();
        void Add(string name, string? value) { if (!string.IsNullOrEmpty(value)) q.Add($"{name}={Uri.EscapeDataString(value)}"); }
        Add("onderwerp", Onderwerp); Add("wie", Wie); Add("soort", Soort); Add("van", Van); Add("tot", Tot); Add("werkgever", Werkgever); Add("sector", Sector);
        Add(direction, cursor.Token);
        return "/beheer/audit?" + string.Join("&", q);
    }

    /// <summary>The Dutch name of an entity type, e.g. <c>sectorrapportage</c>.</summary>
    public static string TypeName(string type) => AuditService.EntityTypes.FirstOrDefault(kv => kv.Value == type).Key ?? type switch
    {
        nameof(ParameterOverride) => "parameter",
        nameof(AppUser) => "gebruiker",
        nameof(ApiToken) => "api-token",
        nameof(WorkAgenda) => "werkagenda",
        nameof(WorkAgendaAction) => "werkagenda-actie",
        nameof(WorkAgendaGoal) => "werkagenda-doel",
        nameof(WorkAgendaMilestone) => "werkagenda-mijlpaal",
        nameof(WorkAgendaProgress) => "werkagenda-voortgang",
        nameof(WorkAgendaSignature) => "werkagenda-ondertekening",
        nameof(SectorRegisterEntry) => "sectorregister",
        nameof(SectorEstimateChoice) => "schattingsmethode",
        nameof(Banenmonitor.Data.Privacy.PseudonymKeyFingerprint) => "pseudoniemsleutel",
        _ => type,
    };

    /// <summary>A Dutch label for a figure, e.g. <c>sectorrapportage defensie 2020</c>.</summary>
    public static AuditFigure Figure(string type, string key)
    {
        var dutch = TypeName(type);
        var parts = key.Split('|');
        var label = type switch
        {
            nameof(SectorReport) or nameof(SectorTarget) when parts.Length == 2 && int.TryParse(parts[0], out var s) =>
                $"{dutch} {ReportingLines.CodeOf(s) ?? parts[0]} {parts[1]}",
            nameof(EmployerReport) when parts.Length == 2 => $"{dutch} werkgever {parts[0]} {parts[1]}",
            _ => $"{dutch} {key.Replace('|', ' ')}",
        };
        return new AuditFigure(type, key, label);
    }

    public static string Dutch(AuditAction a) => a switch
    {
        AuditAction.Insert => "toegevoegd",
        AuditAction.Update => "gewijzigd",
        _ => "verwijderd",
    };
}
