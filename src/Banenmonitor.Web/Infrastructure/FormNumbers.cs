using Banenmonitor.Rules.Text;

namespace Banenmonitor.Web.Infrastructure;

/// <summary>
/// A number typed into a form field, read by the one reader of typed numbers (<see cref="DutchNumber"/>): the value, or
/// a Dutch message with the field's label in <c>errors</c> under the field's name (nothing else is changed).
/// </summary>
public static class FormNumbers
{
    public static decimal? Read(IDictionary<string, string> errors, string? text, string field, string label, NumberBounds bounds, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors[field] = $"{label}: vul een getal in.";
            return null;
        }
        var r = DutchNumber.ReadField(text, bounds);
        if (r.Ok) return r.Value;
        errors[field] = $"{label}: {r.Error}.";
        return null;
    }
}
