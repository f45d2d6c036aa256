using Banenmonitor.Rules.Laws;
using static Banenmonitor.Rules.Laws.LawCatalog;
using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Units;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Rules.Quota;

/// <summary>What the derivation of a year's quota percentage from its legal inputs found.</summary>
public enum QuotaDerivationOutcome
{
    /// <summary>The derived percentage equals the published one after the law's rounding (<i>bevestigd door afleiding</i>).</summary>
    Confirmed,
    /// <summary>The derived percentage differs from the published one: a <c>controle</c> finding names both sources.</summary>
    Differs,
    /// <summary>Derived, but there is no published percentage for the year to compare with.</summary>
    NoPublishedValue,
    /// <summary>An input of the formula has no value (unconfirmed): the percentage cannot be derived; the result lists which and what was searched.</summary>
    InputsMissing,
    /// <summary>The quotumregeling does not apply that year (before its activation in 2018, or from 2026): there is nothing to derive.</summary>
    NotApplicable,
}

/// <summary>
/// A year's derivation: the inputs used (each a dated, sourced parameter), the derived percentage before and after the
/// law's rounding, the published value it is compared with, the missing inputs, the trace and a Dutch explanation.
/// </summary>
public sealed record QuotaPercentageDerivationResult(
    int Year,
    QuotaDerivationOutcome Outcome,
    decimal? Unrounded,
    decimal? Derived,
    ParameterValue? Published,
    IReadOnlyList<ParameterValue> Inputs,
    IReadOnlyList<ParameterValue> Missing,
    Trace Trace,
    string Explanation,
    ImpliedInput? Implied = null);

/// <summary>
/// When exactly one input of the formula is missing and a percentage is in use: the range of that input which, with the
/// known inputs and the law's rounding, gives the percentage in use. It is implied, not found: no reproduction and no
/// source. For an input of the numerator (A, B, F) <see cref="PercentageWithoutIt"/> is the percentage the formula gives
/// with that input at zero — the lower bound of the percentage, since the input cannot be negative.
/// </summary>
public sealed record ImpliedInput(string Name, string Letter, decimal Low, decimal High, decimal? PercentageWithoutIt);

/// <summary>
/// The government sector's quota percentage derived from its legal inputs (Wfsv art. 38f lid 2; Regeling Wfsv art. 3.35):
/// percentage = (A + B + F) × U ÷ (D × W) × 100, with A the sector's target-group jobs at the baseline, B the extra jobs of the
/// target path for the year, F the hired-in target-group jobs attributed to the sector, D the sector's employee jobs, U the
/// hours per job per year (1,331) and W an employee's average hours per year (1,623) (Besluit Wfsv art. 2.20, 2.32); the variables and the
/// percentage rounded down to two decimals (Besluit Wfsv art. 2.22). Every input is a parameter, so a value an administrator
/// supplies (with its source) is used like the published ones. The derived percentage is compared with the published one.
/// </summary>
public sealed class QuotaPercentageDerivation(ParameterSet parameters)
{
    private static readonly LegalReference[] Legal = [Wfsv.Article("38f", "2"), RegelingWfsv.Article("3.35")];

    /// <summary>The formula as shown: U the hours per job per year, W an employee's average hours per year.</summary>
    public const string Formula = "(A + B + F) × U ÷ (D × W) × 100";

    private static string Label(string letter) => letter switch
    {
        "U" => "Uren per baan per jaar (U)",
        "W" => "Uren per werknemer per jaar (W)",
        _ => $"Variabele {letter}",
    };

    /// <summary>The derivation of <paramref name="year"/>'s government quota percentage, with its trace.</summary>
    public QuotaPercentageDerivationResult Derive(int year)
    {
        var trace = new Trace();
        var published = parameters.InForce(P.QuotaPercentageGovernment, year);
        if (published is { Status: ParameterStatus.NotApplicable })
        {
            var why = $"Voor {year} is er geen quotumpercentage af te leiden: {published.Source}.";
            trace.Add($"Quotumpercentage {year} niet van toepassing", "geen afleiding", null, "%", parameters: [published], legal: Legal, note: why);
            return new(year, QuotaDerivationOutcome.NotApplicable, null, null, published, [], [], trace, why);
        }

        var inputs = new (string Name, string Letter)[]
        {
            (P.FormulaBaselineJobsGovernment, "A"), (P.FormulaTargetJobsGovernment, "B"), (P.FormulaHiredInJobsGovernment, "F"),
            (P.FormulaEmployeeJobsGovernment, "D"), (P.HoursPerJobPerYear, "U"), (P.AverageEmployeeHoursPerYear, "W"),
        };
        var found = new List<ParameterValue>();
        var missing = new List<ParameterValue>();
        var missingLetters = new List<string>();
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (name, letter) in inputs)
        {
            var v = parameters.InForce(name, year);
            if (v?.Value is { } value)
            {
                found.Add(v);
                values[letter] = value;
                trace.Add($"{Label(letter)}: {parameters.Definition(name).Description}", $"{letter} = {Fmt(value)}", value, v.Unit, parameters: [v], legal: Legal);
            }
            else
            {
                var hole = v ?? new ParameterValue(name, new DateOnly(year, 1, 1), null, ParameterStatus.Unconfirmed,
                    $"Geen waarde voor {year} in de parameterbestanden.", parameters.Definition(name).Unit);
                missing.Add(hole);
                missingLetters.Add(letter);
                trace.Add($"{Label(letter)} ontbreekt: {parameters.Definition(name).Description}", $"{letter} = ?", null, hole.Unit, parameters: [hole], legal: Legal,
                    note: $"Status {hole.Status.Dutch()}: {hole.Source}");
            }
        }
        TargetPathStep(year, trace);

        if (missing.Count > 0)
        {
            var list = string.Join("; ", missing.Select(m => $"‘{parameters.Definition(m.Name).Description}’ ({m.Status.Dutch()}: {m.Source})"));
            var why = $"Het quotumpercentage {year} is niet zelf af te leiden: de formule van Wfsv art. 38f lid 2 mist {list}. " +
                      (published?.Value is { } pv
                          ? $"Het gebruikte percentage {Fmt(pv)}% blijft staan met zijn eigen bron en status ({published.Status.Dutch()}: {published.Source})."
                          : "Er is ook geen gepubliceerd percentage.");
            ImpliedInput? implied = null;
            if (missing.Count == 1 && published?.Value is { } inUse && Imply(missing[0].Name, missingLetters[0], values, inUse, year) is { } imp)
            {
                implied = imp;
                var impliedText = ImpliedText(imp, inUse);
                why += " " + impliedText;
                trace.Add($"Geïmpliceerd door het gebruikte percentage {Fmt(inUse)}%: {Label(imp.Letter)} (geen reproductie, geen bron)",
                    imp.Letter == "D" ? "(A + B + F) × U × 100 ÷ (percentage × W)" : "percentage × D × W ÷ (U × 100) − de andere termen van de teller",
                    null, missing[0].Unit, [new("van", imp.Low, missing[0].Unit), new("tot", imp.High, missing[0].Unit)], [published], legal: Legal, note: impliedText);
            }
            return new(year, QuotaDerivationOutcome.InputsMissing, null, null, published, found, missing, trace, why, implied);
        }

        var decimals = (int)parameters.Get(P.DecimalsPercentage, year).Required;
        var decVar = (int)parameters.Get(P.DecimalsVariables, year).Required;
        decimal Var(string letter) => LegalRounding.Down(values[letter], decVar);
        var numerator = Var("A") + Var("B") + Var("F");
        var raw = numerator * values["U"] / (Var("D") * values["W"]) * 100m;
        var derived = LegalRounding.Down(raw, decimals);
        trace.Add("Quotumpercentage: (A + B + F) × U ÷ (D × W) × 100, naar beneden afgerond", Formula, derived, "%",
            [new("A + B + F", numerator, "banen"), new("onafgerond", raw, "%")],
            [parameters.Get(P.DecimalsPercentage, year), parameters.Get(P.DecimalsVariables, year)], legal: [.. Legal, BesluitWfsv.Article("2.22")]);

        if (published?.Value is not { } pub)
        {
            var why = $"Afgeleid quotumpercentage {year}: {Fmt(derived)}% (onafgerond {Fmt(raw, 4)}%); er is geen gepubliceerd percentage om mee te vergelijken.";
            return new(year, QuotaDerivationOutcome.NoPublishedValue, raw, derived, published, found, [], trace, why);
        }
        var equal = derived == pub;
        trace.Add($"Vergelijking met het gebruikte quotumpercentage {year}", "afgeleid − gepubliceerd", derived - pub, "procentpunt",
            [new("afgeleid", derived, "%")], [published], legal: Legal);
        var text = equal
            ? $"Bevestigd door afleiding: {Formula} geeft {Fmt(derived)}% (onafgerond {Fmt(raw, 4)}%), gelijk aan {Fmt(pub)}% ({published.Source})."
            : $"De afleiding geeft {Fmt(derived)}% (onafgerond {Fmt(raw, 4)}%), het gebruikte percentage is {Fmt(pub)}% ({published.Source}). " +
              $"Invoer: {string.Join("; ", found.Select(f => $"{f.Name} = {Fmt(f.Required)} ({f.Source})"))}.";
        return new(year, equal ? QuotaDerivationOutcome.Confirmed : QuotaDerivationOutcome.Differs, raw, derived, published, found, [], trace, text);
    }

    /// <summary>
    /// The parameters with each quota percentage that its derivation confirms marked <see cref="ParameterStatus.ConfirmedByDerivation"/>
    /// (its source keeps the document and adds the derivation). Years whose inputs are missing keep their status.
    /// </summary>
    public static ParameterSet Confirm(ParameterSet parameters)
    {
        var derivation = new QuotaPercentageDerivation(parameters);
        var result = parameters;
        foreach (var v in parameters.History(P.QuotaPercentageGovernment))
        {
            if (v.Value is null) continue;
            var d = derivation.Derive(v.ValidFrom.Year);
            if (d.Outcome != QuotaDerivationOutcome.Confirmed) continue;
            result = result.WithOverride(v with { Status = ParameterStatus.ConfirmedByDerivation, Source = $"{v.Source}; {d.Explanation}" });
        }
        return result;
    }

    /// <summary>
    /// The range of the one missing input that gives <paramref name="inUse"/> after the law's rounding (the variables rounded
    /// down as in <see cref="Derive"/>): for D, (A + B + F) × U × 100 ÷ ((p + step) × W) &lt; D ≤ (A + B + F) × U × 100 ÷ (p × W);
    /// for a term of the numerator, p × D × W ÷ (U × 100) − the other terms ≤ X &lt; (p + step) × D × W ÷ (U × 100) − the other terms.
    /// Null for U or W (laws, never missing in practice).
    /// </summary>
    private ImpliedInput? Imply(string name, string letter, IReadOnlyDictionary<string, decimal> values, decimal inUse, int year)
    {
        if (letter is "U" or "W") return null;
        var decimals = (int)parameters.Get(P.DecimalsPercentage, year).Required;
        var decVar = (int)parameters.Get(P.DecimalsVariables, year).Required;
        var step = 1m;
        for (var i = 0; i < decimals; i++) step /= 10m;
        decimal Var(string l) => LegalRounding.Down(values[l], decVar);
        decimal u = values["U"], w = values["W"];
        if (letter == "D")
        {
            var numerator = Var("A") + Var("B") + Var("F");
            return new(name, letter, numerator * u * 100m / ((inUse + step) * w), numerator * u * 100m / (inUse * w), null);
        }
        var others = new[] { "A", "B", "F" }.Where(l => l != letter).Sum(Var);
        var perPoint = Var("D") * w / (u * 100m);
        var without = LegalRounding.Down(others * u / (Var("D") * w) * 100m, decimals);
        return new(name, letter, inUse * perPoint - others, (inUse + step) * perPoint - others, without);
    }

    private static string ImpliedText(ImpliedInput imp, decimal inUse)
    {
        var range = imp.Letter == "D"
            ? $"meer dan {Fmt(imp.Low)} en ten hoogste {Fmt(imp.High)}"
            : $"ten minste {Fmt(imp.Low)} en minder dan {Fmt(imp.High)}";
        var text = $"Geïmpliceerd door het gebruikte percentage {Fmt(inUse)}% (geen reproductie en geen bron): variabele {imp.Letter} is {range}.";
        if (imp.PercentageWithoutIt is { } without)
            text += $" Met {imp.Letter} = 0 geeft de formule {Fmt(without)}%" +
                    (without <= inUse ? $"; het gebruikte percentage vraagt dus {imp.Letter} > 0." : $", meer dan het gebruikte percentage: dat is met de andere invoer niet te verenigen.");
        return text;
    }

    /// <summary>
    /// B as the target path gives it (the target of t−1 plus half of year t's increase, Wfsv art. 38f lid 2), next to the B of
    /// the regulation; a difference is a <c>controle</c> finding (<see cref="TargetPathJobs"/>).
    /// </summary>
    private void TargetPathStep(int year, Trace trace)
    {
        if (TargetPathJobs(year) is not { } path) return;
        trace.Add($"Controle: B volgens het ingroeipad (doelstelling {year - 1} plus de helft van de toename in {year})",
            "doel(t−1) + (doel(t) − doel(t−1)) ÷ 2", path.Value, "banen", parameters: path.Targets, legal: Legal);
    }

    /// <summary>B for the government sector as the target path gives it; null when a target of t−1 or t has no value.</summary>
    public (decimal Value, IReadOnlyList<ParameterValue> Targets)? TargetPathJobs(int year)
    {
        if (!parameters.TryGet(P.TargetGovernment, year - 1, out var before) || !parameters.TryGet(P.TargetGovernment, year, out var now)) return null;
        return (before!.Required + (now!.Required - before.Required) / 2m, [before, now]);
    }

    private static string Fmt(decimal v, int decimals = 2) =>
        v == decimal.Truncate(v) ? DutchFormat.Number(v) : DutchFormat.Fixed(v, decimals);
}
