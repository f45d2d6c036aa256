using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Web.Features.Werkgevers;

/// <summary>Input of the quota calculator (page and API): size in paid hours or in fte × hours per week.</summary>
public sealed record QuotumVraag(
    int? Jaar,
    decimal? VerloondeUren = null,
    decimal? Fte = null,
    decimal? UrenPerWeek = null,
    decimal? VerloondeUrenVorigJaar = null,
    decimal? FteVorigJaar = null,
    decimal? UrenDoelgroep = null,
    decimal? FteDoelgroep = null,
    bool Markt = false);

/// <summary>Validation problems per field (Dutch messages); empty when the question can be computed.</summary>
public sealed class QuotumFouten : Dictionary<string, string>;

public static class QuotaService
{
    public const int FirstYear = 2018;

    /// <summary>
    /// Years the calculator offers: the quota regime for government employers runs from 2018; each with whether it can be
    /// computed and, if not, why (<see cref="QuotaYears"/>).
    /// </summary>
    public static IReadOnlyList<QuotaYear> Years(ParameterSet p) => QuotaYears.Offered(p, FirstYear);

    /// <summary>Where a user compares both regimes (linked wherever a year falls under the Wet banenafspraak).</summary>
    public const string ComparisonPage = "/vergelijken";

    /// <summary>The Dutch message for a year that cannot be computed, with where to compare the regimes (page and API).</summary>
    public static string Explain(QuotaYearBlock block) =>
        block.Message + $" Vergelijk beide regelingen op {ComparisonPage}.";

    public static QuotumFouten Validate(QuotumVraag q, ParameterSet p, int upToStep = 4)
    {
        var e = new QuotumFouten();
        if (q.Jaar is not { } y) { e["jaar"] = "Kies een jaar."; return e; }
        if (y < FirstYear) { e["jaar"] = $"Kies een jaar vanaf {FirstYear}: de quotumregeling geldt voor werkgevers in de sector overheid vanaf dat jaar."; return e; }
        if (QuotaYears.Check(p, y).Block is { } block) { e["jaar"] = Explain(block); return e; }
        if (upToStep < 2) return e;
        if (q.Fte is null && q.VerloondeUren is null) e["omvang"] = "Vul de verloonde uren in, of het aantal fte met de uren per week.";
        if (q.Fte is not null && q.VerloondeUren is not null) e["omvang"] = "Vul verloonde uren óf fte in, niet allebei.";
        if (q.VerloondeUren is < 0) e["verloondeUren"] = "De verloonde uren kunnen niet negatief zijn.";
        if (q.Fte is { } f)
        {
            if (f < 0) e["fte"] = "Het aantal fte kan niet negatief zijn.";
            if (q.UrenPerWeek is not { } h || h <= 0 || h > 168) e["urenPerWeek"] = "Vul de uren per week van één fte in (tussen 0 en 168), bijvoorbeeld 36.";
        }
        if (upToStep < 3) return e;
        if (q.VerloondeUrenVorigJaar is < 0 || q.FteVorigJaar is < 0) e["vorigJaar"] = "De omvang in het vorige jaar kan niet negatief zijn.";
        if (q.FteVorigJaar is not null && q.Fte is null) e["vorigJaar"] = "Geef de omvang van het vorige jaar in verloonde uren, net als dit jaar.";
        if (upToStep < 4) return e;
        if (q.UrenDoelgroep is < 0 || q.FteDoelgroep is < 0) e["doelgroep"] = "De omvang van de doelgroep kan niet negatief zijn.";
        if (q.FteDoelgroep is not null && q.Fte is null) e["doelgroep"] = "Geef de doelgroep in verloonde uren, net als de totale omvang.";
        if (e.Count == 0 && q.Fte is null && q.UrenDoelgroep > q.VerloondeUren) e["doelgroep"] = "De uren van de doelgroep kunnen niet groter zijn dan de totale verloonde uren.";
        if (e.Count == 0 && q.Fte is { } ft && q.FteDoelgroep > ft) e["doelgroep"] = "Het aantal fte van de doelgroep kan niet groter zijn dan het totale aantal fte.";
        return e;
    }

    /// <summary>
    /// Computes the quota with its trace; call <see cref="Validate"/> first. Null with a Dutch message in
    /// <paramref name="error"/> when the figures are too large to compute with (beyond the range of <see cref="decimal"/>).
    /// </summary>
    public static QuotumView? TryCompute(QuotumVraag q, ParameterSet p, out string? error)
    {
        error = null;
        try { return Compute(q, p); }
        catch (OverflowException)
        {
            error = "De opgegeven aantallen zijn te groot om mee te rekenen; controleer de verloonde uren en het aantal fte.";
            return null;
        }
    }

    /// <summary>Computes the quota with its trace; call <see cref="Validate"/> first.</summary>
    public static QuotumView Compute(QuotumVraag q, ParameterSet p)
    {
        var year = q.Jaar!.Value;
        var conv = new JobConversion(p);
        var pre = new Trace();
        PaidHours a, c;
        PaidHours? prev = null;
        if (q.Fte is { } f)
        {
            var hw = q.UrenPerWeek!.Value;
            var ya = conv.YearlyHoursFromFte(f, hw, year);
            pre.Append(ya.Trace);
            a = ya.Value;
            if (q.FteVorigJaar is { } fp) prev = conv.YearlyHoursFromFte(fp, hw, year).Value;
            else if (q.VerloondeUrenVorigJaar is { } hp) prev = new PaidHours(hp);
            if (q.FteDoelgroep is { } fd) c = conv.YearlyHoursFromFte(fd, hw, year).Value;
            else c = new PaidHours(q.UrenDoelgroep ?? 0m);
        }
        else
        {
            a = new PaidHours(q.VerloondeUren!.Value);
            c = new PaidHours(q.UrenDoelgroep ?? 0m);
            if (q.VerloondeUrenVorigJaar is { } hp) prev = new PaidHours(hp);
        }
        var r = new QuotaCalculator(p).Compute(new QuotaInput(year, a, c, prev, null, null, !q.Markt));
        var full = new Trace().Append(pre).Append(r.Trace);
        return QuotumView.From(r, full);
    }
}
