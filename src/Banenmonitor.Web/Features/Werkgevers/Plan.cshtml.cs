using System.Globalization;
using Banenmonitor.Data;
using Banenmonitor.Data.Computations;
using Banenmonitor.Data.Model;
using Banenmonitor.Reports.Rendering;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Planning;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Regimes;
using Banenmonitor.Rules.Text;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Web.Features.Werkgevers;

/// <summary>
/// The employer's multi-year plan (issue 24, for the employer's HR): from its stored payroll (the latest year computed and
/// recorded, as on "Mijn quotum") or typed totals, with its expected growth in paid hours, per year the target-group jobs
/// and hours needed under the quotumregeling and the Wet banenafspraak, what doing nothing costs and what the LKV brings
/// (<see cref="EmployerPlan"/>). Unknown parameters can be supplied as an assumption, marked unconfirmed. For every stored
/// year with a shortfall: the levy decision as PDF (<c>?handler=beschikking&amp;jaar=J</c>) from its computation record.
/// </summary>
public sealed class PlanModel(BanenmonitorDbContext db, ParameterProvider parameters, PdfReportRenderer pdf, TimeProvider clock) : PageModel
{
    public const string AssumptionSource = "aanname van de werkgever in het meerjarenplan (geen officiële bron)";
    private static readonly NumberBounds Growth = new(-50m, 100m, 2, "een groei van meer dan 100% per jaar is niet aannemelijk");

    [BindProperty(SupportsGet = true, Name = "bron")] public string? Bron { get; set; }
    [BindProperty(SupportsGet = true, Name = "basisjaar")] public string? Basisjaar { get; set; }
    [BindProperty(SupportsGet = true, Name = "verloondeUren")] public string? VerloondeUren { get; set; }
    [BindProperty(SupportsGet = true, Name = "urenDoelgroep")] public string? UrenDoelgroep { get; set; }
    [BindProperty(SupportsGet = true, Name = "groei")] public string? Groei { get; set; }
    [BindProperty(SupportsGet = true, Name = "van")] public string? Van { get; set; }
    [BindProperty(SupportsGet = true, Name = "tot")] public string? Tot { get; set; }
    [BindProperty(SupportsGet = true, Name = "premieloon")] public string? Premieloon { get; set; }
    [BindProperty(SupportsGet = true, Name = "activeringsjaar")] public string? Activeringsjaar { get; set; }
    [BindProperty(SupportsGet = true, Name = "wbaQuotumpercentage")] public string? WbaQuotumpercentage { get; set; }
    [BindProperty(SupportsGet = true, Name = "opslagpercentage")] public string? Opslagpercentage { get; set; }
    [BindProperty(SupportsGet = true, Name = "jaar")] public int? Jaar { get; set; }

    public Employer? Werkgever { get; private set; }
    public IReadOnlyList<StoredQuotaYear> Berekend { get; private set; } = [];
    public Dictionary<string, string> Fouten { get; } = new(StringComparer.Ordinal);
    public PlanBasis? Basis { get; private set; }
    public IReadOnlyList<PlanYear> Jaren { get; private set; } = [];
    public IReadOnlyList<LevyDecision> Beschikkingen { get; private set; } = [];
    public bool Aannames { get; private set; }

    /// <summary>The dated duties in the plan years (issue 24), with the feed of the plan.</summary>
    public TermijnenView? Termijnen { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        var stored = Berekend.Where(b => b.Quotum is not null).MaxBy(b => b.Jaar);
        Bron = Bron is "ingevuld" || stored is null ? "ingevuld" : "opgeslagen";
        var growth = Dec(Groei, "groei", "Groei verloonde uren per jaar", Growth) ?? 0m;
        var from = Int(Van, "van", "Plan van", NumberLimits.Year) ?? Regime.WetBanenafspraak2025.FirstYear;
        var to = Int(Tot, "tot", "Plan tot en met", NumberLimits.Year) ?? from + 2;
        var premium = Dec(Premieloon, "premieloon", "Premieloon Aof", NumberLimits.EmployerWageEuros);
        var act = Int(Activeringsjaar, "activeringsjaar", "Activeringsjaar (aanname)", NumberLimits.Year);
        var pct = Dec(WbaQuotumpercentage, "wbaQuotumpercentage", "Quotumpercentage Wet banenafspraak (aanname)", NumberLimits.AssumedPercentage);
        var rate = Dec(Opslagpercentage, "opslagpercentage", "Opslagpercentage (aanname)", NumberLimits.AssumedPercentage);
        var government = PublicSectors.OfPlatform(Werkgever!.Sector?.Code)?.IsGovernment ?? false;
        if (Bron == "opgeslagen")
        {
            var q = stored!.Quotum!;
            Basisjaar = q.Jaar.ToString(CultureInfo.InvariantCulture);
            Basis = new PlanBasis(q.Jaar, q.VerloondeUren, q.Berekening?.UrenDoelgroep ?? q.Uren.UrenDoelgroep, growth, government, premium,
                $"opgeslagen verloonde uren {q.Jaar}" + (stored.Berekening is { } rec ? $" (berekening {rec.Id})" : ""));
        }
        else if (!string.IsNullOrWhiteSpace(VerloondeUren) || !string.IsNullOrWhiteSpace(Basisjaar))
        {
            var year = Int(Basisjaar, "basisjaar", "Basisjaar", NumberLimits.Year, required: true);
            var a = Dec(VerloondeUren, "verloondeUren", "Verloonde uren in het basisjaar", NumberLimits.EmployerPaidHours, required: true);
            var c = Dec(UrenDoelgroep, "urenDoelgroep", "Uren van de doelgroep in het basisjaar", NumberLimits.EmployerPaidHours) ?? 0m;
            if (a is { } av && c > av) Fouten["urenDoelgroep"] = "Uren van de doelgroep kunnen niet groter zijn dan de verloonde uren.";
            if (year is { } y && a is { } hours && Fouten.Count == 0) Basis = new PlanBasis(y, hours, c, growth, government, premium);
        }
        if (Basis is null || Fouten.Count > 0) { Basis = Fouten.Count > 0 ? null : Basis; return Page(); }
        var p = parameters.Current;
        var first = Regime.WetBanenafspraak2025.FirstYear;
        var invariant = CultureInfo.InvariantCulture;
        if (act is { } av2) p = p.WithOverride($"{P.WbaActivationYear}={first}:{av2}:{AssumptionSource}");
        if (pct is { } pv) p = p.WithOverride($"{P.WbaScenarioQuotaPercentage}={first}:{pv.ToString(invariant)}:{AssumptionSource}");
        if (rate is { } rv) p = p.WithOverride($"{P.WbaSurchargePercentage}={first}:{rv.ToString(invariant)}:{AssumptionSource}");
        Aannames = act is not null || pct is not null || rate is not null;
        try
        {
            Jaren = new EmployerPlan(p).Compute(Basis, from, to);
            Termijnen = new TermijnenView(new EmployerDeadlines(p).Between(from, to, government),
                $"/werkgevers/plan/termijnen.ics?van={from.ToString(invariant)}&tot={to.ToString(invariant)}", DateOnly.FromDateTime(clock.GetLocalNow().Date));
        }
        catch (ArgumentException e) { Fouten["van"] = e.Message; }
        Van = from.ToString(invariant);
        Tot = to.ToString(invariant);
        return Page();
    }

    /// <summary>Where the recording form posts: this plan's query (its inputs kept), handler <c>vastleggen</c>.</summary>
    public string VastleggenAction => "/werkgevers/plan?" + string.Join("&", new[] { "handler=vastleggen" }.Concat(Request.Query.Where(q => q.Key != "handler")
        .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"))));

    /// <summary>Records the computations of the stored years (the explicit action; a GET writes nothing), then shows the plan as asked.</summary>
    public async Task<IActionResult> OnPostVastleggenAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct, record: true) is { } denied) return denied;
        return await OnGetAsync(ct);
    }

    /// <summary>The levy decision of a stored year with a shortfall, as PDF, from its latest computation record.</summary>
    public async Task<IActionResult> OnGetBeschikkingAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        if (Beschikkingen.FirstOrDefault(b => b.Year == Jaar) is not { } decision)
            return NotFound($"Voor {Jaar} is er geen opgeslagen berekening met een quotumtekort.");
        return await RazorDocument.PdfAsync(this, pdf, "/Features/Werkgevers/_Beschikking.cshtml", decision,
            $"beschikking-quotumheffing-{decision.PayrollTaxNumber}-{decision.Year}.pdf", ct);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct, bool record = false)
    {
        if (User.EmployerId() is not { } id) return Forbid();
        Werkgever = await db.Employers.AsNoTracking().Include(e => e.Sector).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (Werkgever is null) return NotFound();
        Berekend = await StoredQuotaYears.ForAsync(db, parameters.Current, id, User.Identity?.Name ?? "werkgever", ct, record);
        Beschikkingen = Berekend.Where(b => b.Berekening is not null).Select(b => LevyDecision.From(b.Berekening!)).OfType<LevyDecision>().ToList();
        return null;
    }

    private decimal? Dec(string? text, string field, string label, NumberBounds bounds, bool required = false) =>
        FormNumbers.Read(Fouten, text, field, label, bounds, required);

    private int? Int(string? text, string field, string label, NumberBounds bounds, bool required = false) =>
        Dec(text, field, label, bounds, required) is { } v ? (int)v : null;
}
