using Banenmonitor.Rules.Units;

namespace Banenmonitor.Rules.Text;

/// <summary>
/// What a numeric field or column may hold: the smallest and largest value, the decimals, and why the maximum is where
/// it is (shown to the user when a value goes beyond it). A negative value is only read when <see cref="Min"/> is negative.
/// </summary>
public sealed record NumberBounds(decimal Min, decimal Max, int Decimals, string MaxReason)
{
    public bool AllowsNegative => Min < 0;
    public bool WholeNumber => Decimals == 0;

    /// <summary>The same bounds with another maximum and reason (e.g. a form that only takes percentages up to 100).</summary>
    public NumberBounds WithMax(decimal max, string reason) => this with { Max = max, MaxReason = reason };
}

/// <summary>
/// The bounds of every kind of number users type (forms, upload columns, CLI options), in one place. The maxima are
/// plausibility limits of the real world — far above the largest employer or sector — not legal numbers: a value beyond
/// them is a typing or unit error (10^26 paid hours), refused before anything is computed.
/// </summary>
public static class NumberLimits
{
    /// <summary>A calendar or report year.</summary>
    public static readonly NumberBounds Year = new(2013, 2100, 0, "de monitor rekent met jaren van 2013 (start van de banenafspraak) tot en met 2100");

    /// <summary>Paid hours of one employer in a year (and its target-group hours).</summary>
    public static readonly NumberBounds EmployerPaidHours = new(0, 10_000_000_000m, 2,
        "10 miljard uur is ongeveer 6 miljoen voltijdbanen, meer dan de grootste werkgever van Nederland ooit verloont");

    /// <summary>Hours of one person in a year, or in one pay period (the period's own length is checked per row).</summary>
    public static readonly NumberBounds PersonHours = new(0, 366m * 24m, 2, "een persoon kan in een jaar hoogstens 366 × 24 = 8.784 uur werken");

    /// <summary>Hours of a placement of up to <see cref="PersonCount"/> persons in a year.</summary>
    public static readonly NumberBounds PlacementHours = new(0, 100_000m * 366m * 24m, 2, "meer uren dan 100.000 personen in een jaar kunnen werken");

    /// <summary>A number of persons of one placement.</summary>
    public static readonly NumberBounds PersonCount = new(1, 100_000, 0, "meer dan 100.000 personen in één plaatsing is niet aannemelijk");

    /// <summary>Jobs (banen, fta) or fte of an employer or sector.</summary>
    public static readonly NumberBounds Jobs = new(0, 10_000_000m, 2, "Nederland heeft ongeveer 10 miljoen werknemers; meer banen kan geen werkgever of sector hebben");

    /// <summary>A realisation percentage as reported (may exceed 100 when a sector exceeds its target).</summary>
    public static readonly NumberBounds RealisationPercentage = new(0, 10_000m, 2, "een realisatie van meer dan 100 keer het doel is niet aannemelijk");

    /// <summary>A share in percent of a whole.</summary>
    public static readonly NumberBounds Share = new(0, 100m, 2, "een aandeel is hoogstens 100%");

    /// <summary>A percentage typed as an assumption (quota or surcharge percentage).</summary>
    public static readonly NumberBounds AssumedPercentage = new(0, 100m, 4, "een percentage is hoogstens 100%");

    /// <summary>Euros of a contract or its social-return obligation.</summary>
    public static readonly NumberBounds ContractEuros = new(0, 100_000_000_000m, 2, "100 miljard euro is meer dan de hele rijksbegroting aan inkoop uitgeeft");

    /// <summary>Euros of an employer's premium wage in a year.</summary>
    public static readonly NumberBounds EmployerWageEuros = new(0, 1_000_000_000_000m, 2, "1.000 miljard euro is meer dan alle werkgevers van Nederland samen aan loon betalen");

    /// <summary>Size of an employer in a sector register (staff, fte or paid hours).</summary>
    public static readonly NumberBounds EmployerSize = new(0, 10_000_000_000m, 2, "geen werkgever is zo groot in personeel, fte of verloonde uren");

    /// <summary>Working hours in a week.</summary>
    public static readonly NumberBounds HoursPerWeek = new(0, 7m * 24m, 2, "een week heeft 168 uur");

    /// <summary>A value of a legal parameter entered by an administrator (percentages, euros, hours, years).</summary>
    public static readonly NumberBounds ParameterValue = new(-1_000_000_000_000m, 1_000_000_000_000m, 6, "geen parameter van de regeling is zo groot");

    /// <summary>A count of synthetic employees or employers to generate.</summary>
    public static readonly NumberBounds SyntheticCount = new(1, 1_000_000_000m, 0, "meer dan een miljard is meer dan de machine aankan en dan Nederland werknemers heeft");

    /// <summary>A confidence level in percent.</summary>
    public static readonly NumberBounds ConfidenceLevel = new(0, 100m, 2, "een betrouwbaarheid is hoogstens 100%");

    /// <summary>The maximum of <paramref name="b"/> written in Dutch (2100, 8.784, 10.000.000).</summary>
    public static string MaxText(NumberBounds b) => b.Max < 10_000 && b.WholeNumber ? b.Max.ToString("0", DutchFormat.Culture) : DutchFormat.Number(b.Max, b.Decimals);
}
