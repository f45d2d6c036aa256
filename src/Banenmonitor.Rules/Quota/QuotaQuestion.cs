using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Rules.Quota;

/// <summary>The parts of a <see cref="QuotaQuestion"/>, in the order a form asks them (validation can stop after a part).</summary>
public enum QuotaQuestionPart { Year = 1, Size = 2, PreviousYear = 3, TargetGroup = 4 }

/// <summary>
/// Validation problems of a <see cref="QuotaQuestion"/>, per field (Dutch messages; the keys are the Dutch field names of
/// the web form and the API: <c>jaar</c>, <c>omvang</c>, <c>verloondeUren</c>, <c>fte</c>, <c>urenPerWeek</c>, <c>vorigJaar</c>,
/// <c>doelgroep</c>). <see cref="YearBlock"/> is set when the year cannot be computed, so an edge can add where to go instead.
/// </summary>
public sealed class QuotaQuestionErrors : Dictionary<string, string>
{
    public QuotaYearBlock? YearBlock { get; internal set; }
}

/// <summary>
/// The quota question as a person asks it, whatever the edge (CLI <c>quotum</c>, the web calculator, <c>POST /api/quotum</c>,
/// "Mijn quotum" from declared totals): the year; the size as paid hours or as fte × hours per week; the previous year in
/// the same way; the target group in hours or (with fte) in fte; agency staff hours of a lender; and whether the employer
/// is in the market sector. <see cref="Validate"/> is the one validation, <see cref="ToInput"/> the one conversion to the
/// rules core's <see cref="QuotaInput"/> (with the fte conversion as trace steps in front).
/// </summary>
public sealed record QuotaQuestion(
    int? Year,
    decimal? PaidHours = null,
    decimal? Fte = null,
    decimal? HoursPerWeek = null,
    decimal? PaidHoursPreviousYear = null,
    decimal? FtePreviousYear = null,
    decimal? TargetGroupHours = null,
    decimal? TargetGroupFte = null,
    decimal? AgencyStaffHours = null,
    bool Market = false)
{
    /// <summary>The quotumregeling applies to government employers from this year on.</summary>
    public const int FirstYear = 2018;

    /// <summary>Validates the question up to and including <paramref name="upTo"/>; empty when it can be computed.</summary>
    public QuotaQuestionErrors Validate(ParameterSet p, QuotaQuestionPart upTo = QuotaQuestionPart.TargetGroup)
    {
        var e = new QuotaQuestionErrors();
        if (Year is not { } y) { e["jaar"] = "Kies een jaar."; return e; }
        if (y < FirstYear) { e["jaar"] = $"Kies een jaar vanaf {FirstYear}: de quotumregeling geldt voor werkgevers in de sector overheid vanaf dat jaar."; return e; }
        if (QuotaYears.Check(p, y).Block is { } block) { e["jaar"] = block.Message; e.YearBlock = block; return e; }
        if (upTo < QuotaQuestionPart.Size) return e;
        if (Fte is null && PaidHours is null) e["omvang"] = "Vul de verloonde uren in, of het aantal fte met de uren per week.";
        if (Fte is not null && PaidHours is not null) e["omvang"] = "Vul verloonde uren óf fte in, niet allebei.";
        if (PaidHours is < 0) e["verloondeUren"] = "De verloonde uren kunnen niet negatief zijn.";
        if (Fte is { } f)
        {
            if (f < 0) e["fte"] = "Het aantal fte kan niet negatief zijn.";
            if (HoursPerWeek is not { } h || h <= 0 || h > 168) e["urenPerWeek"] = "Vul de uren per week van één fte in (tussen 0 en 168), bijvoorbeeld 36.";
        }
        if (AgencyStaffHours is < 0) e["omvang"] = "De verloonde uren van uitzendkrachten kunnen niet negatief zijn.";
        if (upTo < QuotaQuestionPart.PreviousYear) return e;
        if (PaidHoursPreviousYear is < 0 || FtePreviousYear is < 0) e["vorigJaar"] = "De omvang in het vorige jaar kan niet negatief zijn.";
        if (FtePreviousYear is not null && Fte is null) e["vorigJaar"] = "Geef de omvang van het vorige jaar in verloonde uren, net als dit jaar.";
        if (upTo < QuotaQuestionPart.TargetGroup) return e;
        if (TargetGroupHours is < 0 || TargetGroupFte is < 0) e["doelgroep"] = "De omvang van de doelgroep kan niet negatief zijn.";
        if (TargetGroupFte is not null && Fte is null) e["doelgroep"] = "Geef de doelgroep in verloonde uren, net als de totale omvang.";
        if (e.Count == 0 && Fte is null && TargetGroupHours > PaidHours) e["doelgroep"] = "De uren van de doelgroep kunnen niet groter zijn dan de totale verloonde uren.";
        if (e.Count == 0 && Fte is { } ft && TargetGroupFte > ft) e["doelgroep"] = "Het aantal fte van de doelgroep kan niet groter zijn dan het totale aantal fte.";
        return e;
    }

    /// <summary>
    /// The rules core's input, with the steps of the fte conversion as its trace (empty for paid hours). Call
    /// <see cref="Validate"/> first: an invalid question throws <see cref="ArgumentException"/> with the Dutch messages.
    /// </summary>
    public Explained<QuotaInput> ToInput(ParameterSet p)
    {
        if (Validate(p) is { Count: > 0 } errors) throw new ArgumentException(string.Join(" ", errors.Values));
        var year = Year!.Value;
        var conv = new JobConversion(p);
        var pre = new Trace();
        PaidHours a, c;
        PaidHours? prev = PaidHoursPreviousYear is { } hp ? new PaidHours(hp) : null;
        if (Fte is { } f)
        {
            var hw = HoursPerWeek!.Value;
            var ya = conv.YearlyHoursFromFte(f, hw, year);
            pre.Append(ya.Trace);
            a = ya.Value;
            if (FtePreviousYear is { } fp) prev = conv.YearlyHoursFromFte(fp, hw, year).Value;
            c = TargetGroupFte is { } fd ? conv.YearlyHoursFromFte(fd, hw, year).Value : new PaidHours(TargetGroupHours ?? 0m);
        }
        else
        {
            a = new PaidHours(PaidHours!.Value);
            c = new PaidHours(TargetGroupHours ?? 0m);
        }
        var agency = AgencyStaffHours is { } ag ? new PaidHours(ag) : (PaidHours?)null;
        return new(new QuotaInput(year, a, c, prev, null, agency, !Market), pre);
    }

    /// <summary>The quota with its full trace: the conversion steps of <see cref="ToInput"/>, then the rules core's.</summary>
    public QuotaResult Compute(ParameterSet p)
    {
        var input = ToInput(p);
        var r = new QuotaCalculator(p).Compute(input.Value);
        return r with { Trace = new Trace().Append(input.Trace).Append(r.Trace) };
    }
}
