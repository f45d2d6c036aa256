using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Rules.Explanations;

/// <summary>
/// A value with its unit as a Dutch reader says it: "ja" rather than "1 ja/nee", "2 decimalen", "€ 5.000,00", "2,69%",
/// "augustus", "2026" (a year without a thousands separator).
/// </summary>
public static class ValueText
{
    public static string Format(decimal? value, string unit)
    {
        if (value is not { } v) return "geen waarde";
        switch (unit.Trim())
        {
            case "ja(1)/nee(0)" or "ja/nee":
                return v == 1m ? "ja" : v == 0m ? "nee" : DutchFormat.Number(v, 4);
            case "decimalen" or "decimaal":
                return v == 1m ? "1 decimaal" : $"{DutchFormat.Number(v, 0)} decimalen";
            case "euro":
                return "€ " + DutchFormat.Fixed(v, 2);
            case "%" or "procent":
                return DutchFormat.Number(v, 4) + "%";
            case "procentpunt":
                return DutchFormat.Number(v, 4) + " procentpunt";
            case "maand" when v is >= 1 and <= 12 && v == decimal.Truncate(v):
                return DutchFormat.Culture.DateTimeFormat.GetMonthName((int)v);
            case "dag":
                return $"dag {DutchFormat.Number(v, 0)}";
            case "jaar" when v == decimal.Truncate(v):
                return ((int)v).ToString(System.Globalization.CultureInfo.InvariantCulture);
            case "":
                return DutchFormat.Number(v, 4);
            default:
                return $"{DutchFormat.Number(v, 4)} {unit}";
        }
    }

    /// <summary>The Dutch description of a parameter from the catalogue (<c>catalogus.csv</c>), or its key when unknown.</summary>
    public static string Description(string parameter) =>
        Catalog.Value.TryGetValue(parameter, out var d) ? d : parameter;

    // The catalogue is embedded and cannot be changed at run time (overrides change values, never definitions).
    private static readonly Lazy<Dictionary<string, string>> Catalog = new(() =>
        ParameterSet.Embedded.Definitions.ToDictionary(d => d.Name, d => d.Description, StringComparer.Ordinal));
}
