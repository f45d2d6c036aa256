using System.Globalization;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Regimes;
using Banenmonitor.Rules.Text;
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
    [BindProperty(SupportsGet = true, Name = "premieloonTMin2")] public string? PremieloonTMin2 { get; set; }
    [BindProperty(SupportsGet = true, Name = "sroiUren")] public string? SroiUren { get; set; }
    [BindProperty(SupportsGet = true, Name = "activeringsjaar")] public string? Activeringsjaar { get; set; }
    [BindProperty(SupportsGet = true, Name = "wbaQuotumpercentage")] public string? WbaQuotumpercentage { get; set; }
    [BindProperty(SupportsGet = true, Name = "opslagpercentage")] public string? Opslagpercentage { get; set; }

    public Dictionary<string, string> Fouten { get; } = new(StringComparer.Ordinal);
    public EmployerComparison? Vergelijking { get; private set; }

    /// <summary>Why the quotumregeling has no value for the year (missing percentage, or another law), in Dutch; null when it computes.</summary>
    public string? Jaaruitleg { get; private set; }
    public int? RegimeYear { get; private set; }
    public ParameterSet Parameters => parameters.Current;

    public void OnGet()
    {
        if (Bereken is null) return;
        var year = Int(Jaar, "jaar", "Jaar", 2013, 2100, required: true);
        var ry = Int(Regimejaar, "regimejaar", "Parameterjaar van de Wet banenafspraak", Regime.WetBanenafspraak2025.FirstYear, 2100);
        var a = Dec(VerloondeUren, "verloondeUren", "Totaal verloonde uren", NumberLimits.EmployerPaidHours, required: true);
        var prev = Dec(VerloondeUrenVorigJaar, "verloondeUrenVorigJaar", "Verloonde uren vorig jaar", NumberLimits.EmployerPaidHours);
        var c = Dec(UrenDoelgroep, "urenDoelgroep", "Uren van werknemers uit de doelgroep", NumberLimits.EmployerPaidHours) ?? 0m;
        var agency = Dec(UrenUitzendkrachten, "urenUitzendkrachten", "Uren van uitzendkrachten", NumberLimits.EmployerPaidHours);
        var premium = Dec(Premieloon, "premieloon", "Premieloon Aof", NumberLimits.EmployerWageEuros);
        var excluded = Dec(PremieloonUitgezonderd, "premieloonUitgezonderd", "Uitgezonderd premieloon", NumberLimits.EmployerWageEuros);
        var premiumTwoYearsBefore = Dec(PremieloonTMin2, "premieloonTMin2", "Premieloon van twee jaar eerder", NumberLimits.EmployerWageEuros);
        var sroi = Dec(SroiUren, "sroiUren", "SROI-uren", NumberLimits.EmployerPaidHours);
        var act = Int(Activeringsjaar, "activeringsjaar", "Activeringsjaar", Regime.WetBanenafspraak2025.FirstYear, 2100);
        var pct = Dec(WbaQuotumpercentage, "wbaQuotumpercentage", "Quotumpercentage Wet banenafspraak", NumberLimits.AssumedPercentage);
        var rate = Dec(Opslagpercentage, "opslagpercentage", "Opslagpercentage", NumberLimits.AssumedPercentage);
        if (Sector is not ("overheid" or "markt")) Fouten["sector"] = "Kies of de werkgever in de sector overheid of markt valt.";
        if (a is { } av && c > av) Fouten["urenDoelgroep"] = "Uren van de doelgroep kunnen niet groter zijn dan de totale verloonde uren.";
        var employees = new List<TargetGroupEmployee>();
        if (!string.IsNullOrWhiteSpace(WerknemerUren))
        {
            var i = 0;
            foreach (var part in WerknemerUren.Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                i++;
                var h = DutchNumber.ReadField(part, NumberLimits.PersonHours);
                if (h.Ok) employees.Add(new TargetGroupEmployee($"werknemer {i}", new PaidHours(h.Value)));
                else { Fouten["werknemerUren"] = $"Uren per werknemer (werknemer {i}): {h.Error}. Scheid de werknemers met een puntkomma, bijvoorbeeld 1.000; 1.500."; break; }
            }
        }
        if (Fouten.Count > 0) return;

        var p = Parameters;
        var first = Regime.WetBanenafspraak2025.FirstYear;
        var invariant = CultureInfo.InvariantCulture;
        if (act is { } av2) p = p.WithOverride($"{P.WbaActivationYear}={first}:{av2}:{AssumptionSource}");
        if (pct is { } pv) p = p.WithOverride($"{P.WbaScenarioQuotaPercentage}={first}:{pv.ToString(invariant)}:{AssumptionSource}");
        if (rate is { } rv) p = p.WithOverride($"{P.WbaSurchargePercentage}={first}:{rv.ToString(invariant)}:{AssumptionSource}");
        RegimeYear = ry ?? Regime.WetBanenafspraak2025.ParameterYearFor(year!.Value);
        var e = new EmployerYear(year!.Value, new PaidHours(a!.Value), new PaidHours(c), prev is { } pp ? new PaidHours(pp) : null, Sector == "overheid",
            premium is { } pb ? new Euros(pb) : null, excluded is { } ex ? new Euros(ex) : null, employees, sroi is { } s ? new PaidHours(s) : null,
            AgencyStaffHours: agency is { } ag && ag > 0 ? new PaidHours(ag) : null,
            PremiumBaseTwoYearsBefore: premiumTwoYearsBefore is { } p2 ? new Euros(p2) : null);
        Vergelijking = new RegimeComparison(p).Compare(e, RegimeYear);
        if (!Vergelijking.Quotumregeling.Computable) Jaaruitleg = Banenmonitor.Rules.Quota.QuotaYears.Check(p, year!.Value).Block?.Message;
    }

    private decimal? Dec(string? text, string field, string label, NumberBounds bounds, bool required = false) =>
        FormNumbers.Read(Fouten, text, field, label, bounds, required);

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
