namespace Banenmonitor.Rules.Units;

/// <summary>Rounding as the law prescribes it: always down (towards zero), to a stated number of decimals.</summary>
public static class LegalRounding
{
    /// <summary>Rounds down (towards negative infinity) to <paramref name="decimals"/> decimals.</summary>
    public static decimal Down(decimal value, int decimals)
    {
        if (decimals < 0 || decimals > 20) throw new ArgumentOutOfRangeException(nameof(decimals));
        return Math.Round(value, decimals, MidpointRounding.ToNegativeInfinity);
    }

    /// <summary>Ordinary rounding half away from zero, as used in published tables.</summary>
    public static decimal Half(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
