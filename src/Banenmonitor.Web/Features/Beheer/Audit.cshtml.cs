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

/// <summary>The platform's audit trail, per figure: every change with user, time, before/after and cause.</summary>
public sealed class AuditModel(BanenmonitorDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "onderwerp")] public string? Onderwerp { get; set; }
    public IReadOnlyList<AuditEntry> Regels { get; private set; } = [];
    public IReadOnlyList<AuditFigure> Onderwerpen { get; private set; } = [];
    public AuditFigure? Gekozen { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var figures = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType != nameof(PaidHoursRecord) && a.EntityType != nameof(TargetGroupRegistration))
            .Select(a => new { a.EntityType, a.EntityKey }).Distinct().ToListAsync(ct);
        Onderwerpen = figures.Select(f => Figure(f.EntityType, f.EntityKey)).OrderBy(f => f.Label, StringComparer.Ordinal).ToList();
        var q = db.AuditEntries.AsNoTracking();
        if (Onderwerp?.Split(':', 2) is [var type, var key])
        {
            Gekozen = Figure(type, key);
            q = q.Where(a => a.EntityType == type && a.EntityKey == key);
        }
        Regels = await q.OrderByDescending(a => a.Id).Take(500).ToListAsync(ct);
    }

    /// <summary>A Dutch label for a figure, e.g. <c>sectorrapportage defensie 2020</c>.</summary>
    public static AuditFigure Figure(string type, string key)
    {
        var dutch = AuditService.EntityTypes.FirstOrDefault(kv => kv.Value == type).Key ?? type switch
        {
            nameof(ParameterOverride) => "parameter",
            nameof(AppUser) => "gebruiker",
            nameof(ApiToken) => "api-token",
            nameof(WorkAgenda) => "werkagenda",
            _ => type,
        };
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
