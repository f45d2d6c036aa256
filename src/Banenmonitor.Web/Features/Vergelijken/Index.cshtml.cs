using System.Globalization;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Regimes;
using Banenmonitor.Rules.Units;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Web.Features.Vergelijken;

/// <summary>
/// Public page: one employer under both regimes side by side (quotumregeling and Wet banenafspraak 2025), with the rules
/// core's traces and the difference explained. A GET form: works without JavaScript, stores nothing, can be bookmarked.
/// Unconfirmed values of the new law (activation year, quota and surcharge percentage) can be entered as assumptions;
/// they are then used as unconfirmed parameters and said so in the trace.
/// </summary>
public sealed class IndexModel(ParameterProvider parameters) : PageModel
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");
    public const string AssumptionSource = "aanname van de gebruiker op de vergelijkingspagina (geen officiële bron)";

    [BindProperty(SupportsGet = true, Name = "bereken")] public string? Bereken { get; set; }
    [BindProperty(SupportsGet = true, Name = "jaar")] public string? Jaar { get; set; }
    [BindProperty(SupportsGet = true, Name = "regimejaar")] public string? Regimejaar { get; set; }
    [BindProperty(SupportsGet = true, Name = "sector")] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true, Name = "verloondeUren")] public string? VerloondeUren { get; set; }
    [BindProperty(SupportsGet = true, Name = "verloondeUrenVorigJaar")] public string? VerloondeUrenVorigJaar { get; set; }
    [BindProperty(SupportsGet = true, Name = "urenDoelgroep")] public string? UrenDoelgroep { get; set; }
    [BindProperty(SupportsGet = true, Name = "urenUitzendkrachten")] public string? UrenUitzendkrachten { get; set; }
    [BindProperty(SupportsGet = true, Name = "werknemerUren")] public string? WerknemerUren { get; set; }
    [BindProperty(SupportsGet = true, Name = "premieloon")] public string? Premieloon { get; set; }
    [BindProperty(SupportsGet = true, Name = "premieloonUitgezonderd")] public string? PremieloonUitgezonderd { get; set; }
    [BindProperty(SupportsGet = true, Name = "sroiUren")] public string? SroiUren { get; set; }
    [BindProperty(SupportsGet = true, Name = "activeringsjaar")] public string? Activeringsjaar { get; set; }
    [BindProperty(SupportsGet = true, Name = "wbaQuotumpercentage")] public string? WbaQuotumpercentage { get; set; }
    [BindProperty(SupportsGet = true, Name = "opslagpercentage")] public string? Opslagpercentage { get; set; }

    public Dictionary<string, string> Fouten { get; } = new(StringComparer.Ordinal);
    public EmployerComparison? Vergelijking { get; private set; }
    public int? RegimeYear { get; private set; }
    public ParameterSet Parameters => parameters.Current;

    public void OnGet()
    {
        if (Bereken is null) return;
        var year = Int(Jaar, "jaar", "Jaar", 2013, 2100, required: true);
        var ry = Int(Regimejaar, "regimejaar", "Parameterjaar van de Wet banenafspraak", Regime.WetBanenafspraak2025.FirstYear, 2100);
        var a = Dec(VerloondeUren, "verloondeUren", "Totaal verloonde uren", required: true);
        var prev = Dec(VerloondeUrenVorigJaar, "verloondeUrenVorigJaar", "Verloonde uren vorig jaar");
        var c = Dec(UrenDoelgroep, "urenDoelgroep", "Uren van werknemers uit de doelgroep") ?? 0m;
        var agency = Dec(UrenUitzendkrachten, "urenUitzendkrachten", "Uren van uitzendkrachten");
        var premium = Dec(Premieloon, "premieloon", "Premieloon Aof");
        var excluded = Dec(PremieloonUitgezonderd, "premieloonUitgezonderd", "Uitgezonderd premieloon");
        var sroi = Dec(SroiUren, "sroiUren", "SROI-uren");
        var act = Int(Activeringsjaar, "activeringsjaar", "Activeringsjaar", Regime.WetBanenafspraak2025.FirstYear, 2100);
        var pct = Dec(WbaQuotumpercentage, "wbaQuotumpercentage", "Quotumpercentage Wet banenafspraak", max: 100);
        var rate = Dec(Opslagpercentage, "opslagpercentage", "Opslagpercentage", max: 100);
        if (Sector is not ("overheid" or "markt")) Fouten["sector"] = "Kies of de werkgever in de sector overheid of markt valt.";
        if (a is { } av && c > av) Fouten["urenDoelgroep"] = "Uren van de doelgroep kunnen niet groter zijn dan de totale verloonde uren.";
        var employees = new List<TargetGroupEmployee>();
        if (!string.IsNullOrWhiteSpace(WerknemerUren))
        {
            var i = 0;
            foreach (var part in WerknemerUren.Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                i++;
                if (decimal.TryParse(part, NumberStyles.Number, Nl, out var h) && h >= 0) employees.Add(new TargetGroupEmployee($"werknemer {i}", new PaidHours(h)));
                else { Fouten["werknemerUren"] = $"Uren per werknemer: '{part}' (werknemer {i}) is geen getal ≥ 0. Scheid de werknemers met een puntkomma, bijvoorbeeld 1.000; 1.500."; break; }
            }
        }
        if (Fouten.Count > 0) return;

        var p = Parameters;
        var first = Regime.WetBanenafspraak2025.FirstYear;
        var invariant = CultureInfo.InvariantCulture;
        if (act is { } av2) p = p.WithOverride($"{P.WbaActivationYear}={first}:{av2}:{AssumptionSource}");
        if (pct is { } pv) p = p.WithOverride($"{P.WbaQuotaPercentage}={first}:{pv.ToString(invariant)}:{AssumptionSource}");
        if (rate is { } rv) p = p.WithOverride($"{P.WbaSurchargePercentage}={first}:{rv.ToString(invariant)}:{AssumptionSource}");
        RegimeYear = ry ?? Regime.WetBanenafspraak2025.ParameterYearFor(year!.Value);
        var e = new EmployerYear(year!.Value, new PaidHours(a!.Value), new PaidHours(c), prev is { } pp ? new PaidHours(pp) : null, Sector == "overheid",
            premium is { } pb ? new Euros(pb) : null, excluded is { } ex ? new Euros(ex) : null, employees, sroi is { } s ? new PaidHours(s) : null,
            AgencyStaffHours: agency is { } ag && ag > 0 ? new PaidHours(ag) : null);
        Vergelijking = new RegimeComparison(p).Compare(e, RegimeYear);
    }

    private decimal? Dec(string? text, string field, string label, bool required = false, decimal max = decimal.MaxValue)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) Fouten[field] = $"{label}: vul een getal in.";
            return null;
        }
        if (!decimal.TryParse(text.Trim(), NumberStyles.Number, Nl, out var v) || v < 0 || v > max)
        {
            Fouten[field] = $"{label}: '{text}' is geen getal van 0 tot en met {(max == decimal.MaxValue ? "…" : DutchFormat.Number(max, 0))} (gebruik een komma voor decimalen, bijvoorbeeld 1.234,5).";
            return null;
        }
        return v;
    }

    private int? Int(string? text, string field, string label, int min, int max, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) Fouten[field] = $"{label}: vul een jaar in.";
            return null;
        }
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
        {
            Fouten[field] = $"{label}: '{text}' is geen jaar van {min} tot en met {max}.";
            return null;
        }
        return v;
    }

    public string? Err(string field) => Fouten.TryGetValue(field, out var m) ? m : null;
}
