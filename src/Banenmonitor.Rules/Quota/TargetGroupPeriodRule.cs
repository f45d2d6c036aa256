namespace Banenmonitor.Rules.Quota;

/// <summary>One registration interval of a person in the target-group register (<i>doelgroepregister</i>); no end: still registered.</summary>
public readonly record struct RegistrationInterval(DateOnly Start, DateOnly? End);

/// <summary>What the period rule says about one payroll period of a person.</summary>
public enum PeriodRuleOutcome
{
    /// <summary>Registered at some moment of the period (within the year): the period's hours count as target-group hours.</summary>
    Counts,
    /// <summary>The person is not in the register at all.</summary>
    NotRegistered,
    /// <summary>Every registration of the person starts after the period (or after the year).</summary>
    RegisteredAfterPeriod,
    /// <summary>Every registration of the person ended before the period (or before the year).</summary>
    EndedBeforePeriod,
    /// <summary>Registered before and after, but not during the period.</summary>
    NotRegisteredDuringPeriod,
}

/// <summary>
/// The period rule of the quota (Wfsv art. 38g lid 8): a person registered in the target-group register at any moment of a
/// payroll period counts for that whole period. A payroll period belongs to the year of its start; only the part of the
/// period within the year is looked at (a registration that starts in the next year does not make a December period count).
/// The national engine applies the same rule in SQL (<c>NationalEngine</c>: the register intervals that touch the year,
/// then overlap with the period); a test holds both to the same outcome for every employer.
/// </summary>
public static class TargetGroupPeriodRule
{
    public static PeriodRuleOutcome Apply(DateOnly periodStart, DateOnly periodEnd, int year, IReadOnlyList<RegistrationInterval>? registrations)
    {
        if (registrations is not { Count: > 0 }) return PeriodRuleOutcome.NotRegistered;
        var yearEnd = new DateOnly(year, 12, 31);
        var yearStart = new DateOnly(year, 1, 1);
        var end = periodEnd < yearEnd ? periodEnd : yearEnd;
        var start = periodStart > yearStart ? periodStart : yearStart;
        bool after = false, before = false;
        foreach (var r in registrations)
        {
            var rEnd = r.End ?? DateOnly.MaxValue;
            if (r.Start <= end && rEnd >= start) return PeriodRuleOutcome.Counts;
            if (r.Start > end) after = true;
            else before = true;
        }
        return after && before ? PeriodRuleOutcome.NotRegisteredDuringPeriod
            : after ? PeriodRuleOutcome.RegisteredAfterPeriod : PeriodRuleOutcome.EndedBeforePeriod;
    }

    /// <summary>The Dutch reason a period's hours were left out of C.</summary>
    public static string Dutch(PeriodRuleOutcome o) => o switch
    {
        PeriodRuleOutcome.Counts => "telt mee",
        PeriodRuleOutcome.NotRegistered => "niet ingeschreven in het doelgroepregister",
        PeriodRuleOutcome.RegisteredAfterPeriod => "ingeschreven na de periode",
        PeriodRuleOutcome.EndedBeforePeriod => "inschrijving beëindigd vóór de periode",
        _ => "niet ingeschreven tijdens de periode",
    };
}

/// <summary>Which employers the quotumregeling applies to, by the legal sector code of Regeling Wfsv art. 3.27.</summary>
public static class QuotaSector
{
    /// <summary>Government sectors for the quota: codes 61–66; 67 (Werk en (re)integratie) and the market are not (Regeling Wfsv art. 3.27).</summary>
    public static bool IsGovernment(int? legalSectorCode) => legalSectorCode is >= 61 and <= 66;
}
