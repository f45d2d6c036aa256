using System.Globalization;

namespace Banenmonitor.Web.Features.Werkagenda;

/// <summary>Form values as users type them: dates as yyyy-mm-dd (date input) and numbers with a decimal comma or point.</summary>
internal static class Forms
{
    private static readonly CultureInfo Nl = new("nl-NL");

    public static bool TryDate(string? s, out DateOnly d) =>
        DateOnly.TryParseExact(s?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d)
        || DateOnly.TryParseExact(s?.Trim(), "d-M-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out d);

    /// <summary>Empty → null (ok); "4,5" or "4.5" → 4.5; anything else → not ok.</summary>
    public static bool TryDecimal(string? s, out decimal? value)
    {
        value = null;
        var t = s?.Trim();
        if (string.IsNullOrEmpty(t)) return true;
        var style = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign;
        if (decimal.TryParse(t, style, t.Contains(',') ? Nl : CultureInfo.InvariantCulture, out var v)) { value = v; return true; }
        return false;
    }
}
