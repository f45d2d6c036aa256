using System.Globalization;
using Banenmonitor.Data.WorkAgendas;
using Banenmonitor.Rules.Text;

namespace Banenmonitor.Web.Features.Werkagenda;

/// <summary>Form values as users type them: dates as yyyy-mm-dd (date input) and numbers with a decimal comma or point.</summary>
internal static class Forms
{
    public static bool TryDate(string? s, out DateOnly d) =>
        DateOnly.TryParseExact(s?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d)
        || DateOnly.TryParseExact(s?.Trim(), "d-M-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out d);

    /// <summary>
    /// A count of jobs or a goal's value as typed, through the one number reader (Dutch: 4,5 and 1.250); empty → null.
    /// Anything else is refused with the reader's Dutch message, prefixed with <paramref name="label"/>.
    /// </summary>
    public static decimal? Decimal(string? s, string label)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var r = DutchNumber.ReadField(s, NumberLimits.Jobs);
        return r.Ok ? r.Value : throw new WorkAgendaRuleException($"{label}: {r.Error}.");
    }
}
