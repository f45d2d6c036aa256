using System.Globalization;

namespace Banenmonitor.Rules.Units;

/// <summary>Paid hours (<i>verloonde uren</i>) from payroll declarations.</summary>
public readonly record struct PaidHours(decimal Value) : IComparable<PaidHours>
{
    public static readonly PaidHours Zero = new(0m);
    public static PaidHours operator +(PaidHours a, PaidHours b) => new(a.Value + b.Value);
    public static PaidHours operator -(PaidHours a, PaidHours b) => new(a.Value - b.Value);
    public static PaidHours operator *(PaidHours a, decimal factor) => new(a.Value * factor);
    public static bool operator <(PaidHours a, PaidHours b) => a.Value < b.Value;
    public static bool operator >(PaidHours a, PaidHours b) => a.Value > b.Value;
    public static bool operator <=(PaidHours a, PaidHours b) => a.Value <= b.Value;
    public static bool operator >=(PaidHours a, PaidHours b) => a.Value >= b.Value;
    public int CompareTo(PaidHours other) => Value.CompareTo(other.Value);
    public static PaidHours Min(PaidHours a, PaidHours b) => a.Value <= b.Value ? a : b;
    public static PaidHours Max(PaidHours a, PaidHours b) => a.Value >= b.Value ? a : b;
    public override string ToString() => DutchFormat.Number(Value, 2) + " uur";
}

/// <summary>Jobs (<i>banen</i>, <i>fta</i>: fulltime arbeidsparticipanten of 25.5 hours a week). Fractional.</summary>
public readonly record struct Jobs(decimal Value) : IComparable<Jobs>
{
    public static readonly Jobs Zero = new(0m);
    public static Jobs operator +(Jobs a, Jobs b) => new(a.Value + b.Value);
    public static Jobs operator -(Jobs a, Jobs b) => new(a.Value - b.Value);
    public static Jobs operator *(Jobs a, decimal factor) => new(a.Value * factor);
    public static bool operator <(Jobs a, Jobs b) => a.Value < b.Value;
    public static bool operator >(Jobs a, Jobs b) => a.Value > b.Value;
    public int CompareTo(Jobs other) => Value.CompareTo(other.Value);
    public override string ToString() => DutchFormat.Number(Value, 1) + " banen";
}

/// <summary>A percentage expressed in percent points (2.69 means 2.69%).</summary>
public readonly record struct Percentage(decimal Points)
{
    public decimal Fraction => Points / 100m;
    public static Percentage FromFraction(decimal fraction) => new(fraction * 100m);
    public override string ToString() => DutchFormat.Number(Points, 2) + "%";
}

/// <summary>An amount in euros.</summary>
public readonly record struct Euros(decimal Value)
{
    public static readonly Euros Zero = new(0m);
    public static Euros operator +(Euros a, Euros b) => new(a.Value + b.Value);
    public static Euros operator *(Euros a, decimal factor) => new(a.Value * factor);
    public override string ToString() => "€ " + DutchFormat.Number(Value, 2);
}

/// <summary>Length of a payroll period (<i>aangiftetijdvak</i>).</summary>
public enum PeriodLength
{
    /// <summary>week</summary>
    Week,
    /// <summary>maand</summary>
    Month,
    /// <summary>kwartaal</summary>
    Quarter,
    /// <summary>jaar</summary>
    Year,
}

/// <summary>Dutch number formatting: thousands with '.', decimals with ',' (5.250 fta, 110,4%).</summary>
public static class DutchFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>Formats with at most <paramref name="decimals"/> decimals, trailing zeros dropped.</summary>
    public static string Number(decimal value, int decimals = 2)
    {
        var fmt = decimals == 0 ? "#,##0" : "#,##0." + new string('#', decimals);
        return value.ToString(fmt, Culture);
    }

    /// <summary>Formats with exactly <paramref name="decimals"/> decimals.</summary>
    public static string Fixed(decimal value, int decimals) => value.ToString("N" + decimals, Culture);

    public static string Percent(decimal points, int decimals = 1) => Fixed(points, decimals) + "%";
}

/// <summary>Paid hours that make one job (<i>uren per baan</i>) over a period: 1,331 a year, 25.5 a week (Besluit Wfsv art. 2.32).</summary>
public readonly record struct HoursPerJob(decimal Value)
{
    /// <summary>Jobs in <paramref name="hours"/> paid hours.</summary>
    public Jobs JobsIn(decimal hours) => new(hours / Value);
    public override string ToString() => DutchFormat.Number(Value, 2) + " uur per baan";
}
