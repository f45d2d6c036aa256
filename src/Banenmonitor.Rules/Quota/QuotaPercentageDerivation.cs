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
    /// <summary>The derived percentage equals the published one after the law's rounding (<i>bevestigd door afleiding</i>); with variants: at least one variant does.</summary>
    Confirmed,
    /// <summary>The derived percentage differs from the published one (in every variant): a <c>controle</c> finding names both sources.</summary>
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
/// When the value of an input in force that year is not settled (variable A between the text of 2015 and that of 2024:
/// <see cref="Unsettled"/>), the derivation is made once per candidate value (<see cref="Variants"/>); otherwise there is
/// one variant. <see cref="Unrounded"/> and <see cref="Derived"/> are those of the variant that reproduces the published
/// percentage, else of the first variant.
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
    IReadOnlyList<QuotaDerivationVariant> Variants,
    IReadOnlyList<ParameterValue> Unsettled)
{
    /// <summary>The implied range of the one missing input, per variant (empty when no variant has exactly one input missing).</summary>
    public IReadOnlyList<ImpliedInput> Implied => Variants.Select(v => v.Implied).OfType<ImpliedInput>().ToList();

    /// <summary>
    /// The smallest percentage the formula gives with the missing numerator term at zero over the variants: the lower bound
    /// the percentage in use must reach whichever candidate value applied. Null when no variant has one.
    /// </summary>
    public decimal? LowestPercentageWithoutMissing =>
        Implied.Select(i => i.PercentageWithoutIt).OfType<decimal>().ToList() is { Count: > 0 } all ? all.Min() : null;
}

/// <summary>
/// One derivation of a year with one choice for each unsettled input (<see cref="Choices"/>, e.g. A = 12.196 of the text of
/// 2015): the derived percentage when every input is known, else what the percentage in use implies — the range of the one
/// missing input (<see cref="Implied"/>), or with D and F × G ÷ C both missing the bound on D that F ≥ 0 still gives
/// (<see cref="LowerBoundD"/>). Implied values are no reproduction and no source.
/// </summary>
public sealed record QuotaDerivationVariant(
    IReadOnlyList<ParameterValue> Choices,
    decimal? Unrounded,
    decimal? Derived,
    ImpliedInput? Implied,
    ImpliedBound? LowerBoundD,
    string Explanation)
{
    /// <summary>The published percentage minus the percentage with the missing numerator term at zero (null without either).</summary>
    public decimal? HeadroomAboveWithoutMissing { get; init; }
}

/// <summary>
/// When exactly one input of the formula is missing and a percentage is in use: the range of that input which, with the
/// known inputs and the law's rounding, gives the percentage in use. It is implied, not found: no reproduction and no
/// source. For an input of the numerator (A, B, F × G ÷ C) <see cref="PercentageWithoutIt"/> is the percentage the formula
/// gives with that input at zero — the lower bound of the percentage, since the input cannot be negative.
/// </summary>
public sealed record ImpliedInput(string Name, string Letter, decimal Low, decimal High, decimal? PercentageWithoutIt);

/// <summary>
/// With D and F × G ÷ C both missing: the percentage in use still implies <c>D &gt; Above</c>, since F ≥ 0 —
/// D &gt; (A + B) × C × 100 ÷ ((p + 0,01) × E). Implied (<i>geïmpliceerd, geen bron</i>), no value of D.
/// </summary>
public sealed record ImpliedBound(string Name, string Letter, decimal Above);

/// <summary>
/// The government sector's quota percentage derived from its legal inputs (Wfsv art. 38f lid 2; Regeling Wfsv art. 3.35,
/// in 2015 art. 3.31). The law defines the variables A to G (from the text in force on 1 January 2025 also H) and gives the
/// formula itself as an image that no text copy holds; the arrangement follows SZW's own summary,
/// (A + B + F) × 1.331 ÷ (D × 1.623), read with the law's definitions as ((A + B) × C + F × G) ÷ (D × E) × 100: A the
/// target-group jobs of the sector's liable employers at the baseline, B the extra jobs of the target path for the year,
/// C the average paid hours of the target group (1.331), D all jobs at the sector's liable employers, E an employee's
/// average paid hours (1.623), F the persons who count as target group through Wfsv art. 38b lid 2 and G their average paid
/// hours — one parameter holds F × G ÷ C, their hours in jobs of C hours, so the arithmetic is (A + B + F × G ÷ C) × C ÷ (D × E).
/// The variables and the percentage are rounded down to two decimals (Wfsv art. 38f lid 1; Besluit Wfsv art. 2.22). Every
/// input is a parameter, so a value an administrator supplies (with its source) is used like the published ones. The
/// derived percentage is compared with the published one.
/// </summary>
public sealed class QuotaPercentageDerivation(ParameterSet parameters)
{
    private static readonly LegalReference[] Legal = [Wfsv.Article("38f", "2"), RegelingWfsv.Article("3.35")];

    /// <summary>The formula as shown, in the law's letters.</summary>
    public const string Formula = "((A + B) × C + F × G) ÷ (D × E) × 100";

    /// <summary>The formula as computed: F × G ÷ C is one parameter (the hours of F in jobs of C hours).</summary>
    public const string Computed = "(A + B + F × G ÷ C) × C ÷ (D × E) × 100";

    /// <summary>How the letter of the one parameter for F and G is shown.</summary>
    public const string FgLetter = "F × G ÷ C";

    /// <summary>What the trace and the findings say about where the formula comes from.</summary>
    public const string FormulaNote =
        "De formule van Wfsv art. 38f lid 2 staat in de wet als afbeelding en in geen enkele tekstkopie van de wet. De definities van de variabelen " +
        "komen uit de wettekst (tekst geldend op 22 oktober 2015: A tot en met G; F = het aantal arbeidsbeperkten bedoeld in art. 38b lid 2, G hun " +
        "gemiddeld aantal verloonde uren); de opbouw volgt de eigen samenvatting van SZW, (A + B + F) × 1.331 ÷ (D × 1.623), gelezen met die " +
        "definities: ((A + B) × C + F × G) ÷ (D × E) × 100. Banenmonitor houdt F × G ÷ C als één parameter bij (de uren van die personen in banen " +
        "van C uur). " + HNote;

    /// <summary>The variable H of the later text, not modelled.</summary>
    public const string HNote =
        "De tekst geldend op 1 januari 2025 kent ook een variabele H (‘het aantal gerealiseerde extra banen voor arbeidsbeperkten bij werkgevers als " +
        "bedoeld in artikel 34, vierde en zesde lid’) en noemt bij F art. 38b lid 2 en 6; waar H in de formule staat, staat in geen tekstkopie, " +
        "dus Banenmonitor rekent H niet mee.";

    private static readonly (string Name, string Letter)[] InputsOfFormula =
    [
        (P.FormulaBaselineJobsGovernment, "A"), (P.FormulaTargetJobsGovernment, "B"), (P.HoursPerJobPerYear, "C"),
        (P.FormulaEmployeeJobsGovernment, "D"), (P.AverageEmployeeHoursPerYear, "E"), (P.FormulaArt38bJobsGovernment, FgLetter),
    ];

    private static readonly string[] Numerator = ["A", "B", FgLetter];

    private static string Label(string letter) => letter == FgLetter ? FgLetter : $"Variabele {letter}";

    /// <summary>The derivation of <paramref name="year"/>'s government quota percentage, with its trace.</summary>
    public QuotaPercentageDerivationResult Derive(int year)
    {
        var trace = new Trace();
        var published = parameters.InForce(P.QuotaPercentageGovernment, year);
        if (published is { Status: ParameterStatus.NotApplicable })
        {
            var why = $"Voor {year} is er geen quotumpercentage af te leiden: {published.Source}.";
            trace.Add($"Quotumpercentage {year} niet van toepassing", "geen afleiding", null, "%", parameters: [published], legal: Legal, note: why);
            return new(year, QuotaDerivationOutcome.NotApplicable, null, null, published, [], [], trace, why, [], []);
        }

        trace.Add($"Formule van Wfsv art. 38f lid 2 voor {year} (opbouw volgens de samenvatting van SZW)", Formula, null, "%", legal: Legal, note: FormulaNote);
        var found = new List<ParameterValue>();
        var missing = new List<ParameterValue>();
        var missingLetters = new List<string>();
        var unsettled = new List<ParameterValue>();
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var candidates = new List<(string Letter, IReadOnlyList<ParameterValue> Values)>();
        foreach (var (name, letter) in InputsOfFormula)
        {
            var v = parameters.InForce(name, year);
            var description = parameters.Definition(name).Description;
            if (v?.Value is { } value)
            {
                found.Add(v);
                values[letter] = value;
                trace.Add($"{Label(letter)}: {description}", $"{letter} = {Fmt(value)}", value, v.Unit, parameters: [v], legal: Legal);
            }
            else if (v is not null && Candidates(name, v) is { Count: > 1 } both)
            {
                // A standing value that changed at an unknown moment: the derivation is made with each candidate.
                unsettled.Add(v);
                candidates.Add((letter, both));
                trace.Add($"{Label(letter)} niet vastgesteld: {description}", $"{letter} = {string.Join(" of ", both.Select(b => Fmt(b.Required)))}", null, v.Unit,
                    parameters: [v, .. both], legal: Legal,
                    note: $"{v.Source}. Kandidaten: " + string.Join("; ", both.Select(b => $"{Fmt(b.Required)} (geldig vanaf {b.ValidFrom:dd-MM-yyyy}: {b.Source})")));
            }
            else
            {
                var hole = v ?? new ParameterValue(name, new DateOnly(year, 1, 1), null, ParameterStatus.Unconfirmed,
                    $"Geen waarde voor {year} in de parameterbestanden.", parameters.Definition(name).Unit);
                missing.Add(hole);
                missingLetters.Add(letter);
                trace.Add($"{Label(letter)} ontbreekt: {description}", $"{letter} = ?", null, hole.Unit, parameters: [hole], legal: Legal,
                    note: $"Status {hole.Status.Dutch()}: {hole.Source}");
            }
        }
        TargetPathStep(year, trace);

        var decimals = (int)parameters.Get(P.DecimalsPercentage, year).Required;
        var decVar = (int)parameters.Get(P.DecimalsVariables, year).Required;
        var rounding = new[] { parameters.Get(P.DecimalsPercentage, year), parameters.Get(P.DecimalsVariables, year) };
        var choices = Combinations(candidates);
        var variants = new List<QuotaDerivationVariant>();
        var inUse = published?.Value;
        foreach (var choice in choices)
        {
            var vals = new Dictionary<string, decimal>(values, StringComparer.Ordinal);
            foreach (var (letter, value) in choice) vals[letter] = value.Required;
            var chosen = choice.Select(c => c.Value).ToList();
            var prefix = choices.Count > 1 ? $"Variant {string.Join(", ", choice.Select(c => $"{c.Letter} = {Fmt(c.Value.Required)}"))}: " : "";
            // The documents of the inputs: the chosen candidates and the found A, B and D.
            var named = choice.Select(c => (c.Letter, c.Value))
                .Concat(InputsOfFormula.Where(i => i.Letter is "A" or "B" or "D").Select(i => (i.Letter, Value: found.FirstOrDefault(f => f.Name == i.Name)))
                    .Where(x => x.Value is not null).Select(x => (x.Letter, x.Value!)))
                .OrderBy(x => x.Letter, StringComparer.Ordinal).ToList();
            var sources = named.Count == 0 ? "" : $" ({string.Join("; ", named.Select(c => $"{c.Letter} = {Fmt(c.Item2.Required)}: {Short(c.Item2.Source)}"))})";
            variants.Add(missing.Count == 0
                ? DeriveVariant(year, vals, chosen, prefix, sources, decimals, decVar, rounding, published, trace)
                : ImplyVariant(year, vals, chosen, missing, missingLetters, prefix, sources, decimals, decVar, published, trace));
        }

        if (missing.Count > 0)
        {
            var list = string.Join("; ", missing.Select(m => $"‘{parameters.Definition(m.Name).Description}’ ({m.Status.Dutch()}: {m.Source})"));
            var why = $"Het quotumpercentage {year} is niet zelf af te leiden: de formule van Wfsv art. 38f lid 2 mist {list}. " +
                      (inUse is { } pv
                          ? $"Het gebruikte percentage {Fmt(pv)}% blijft staan met zijn eigen bron en status ({published!.Status.Dutch()}: {published.Source})."
                          : "Er is ook geen gepubliceerd percentage.");
            why += UnsettledText(unsettled);
            foreach (var v in variants.Where(v => v.Explanation.Length > 0)) why += " " + v.Explanation;
            return new(year, QuotaDerivationOutcome.InputsMissing, null, null, published, found, missing, trace, why, variants, unsettled);
        }

        var best = variants.FirstOrDefault(v => v.Derived == inUse) ?? variants[0];
        if (inUse is not { } pub)
        {
            var why = $"Afgeleid quotumpercentage {year}: " + string.Join("; ", variants.Select(v => v.Explanation)) +
                      "; er is geen gepubliceerd percentage om mee te vergelijken." + UnsettledText(unsettled);
            return new(year, QuotaDerivationOutcome.NoPublishedValue, best.Unrounded, best.Derived, published, found, [], trace, why, variants, unsettled);
        }
        var equal = variants.Any(v => v.Derived == pub);
        var text = equal
            ? $"Bevestigd door afleiding: {Formula} geeft {string.Join("; ", variants.Select(v => v.Explanation))}, gelijk aan {Fmt(pub)}% ({published!.Source})."
            : $"De afleiding geeft {string.Join("; ", variants.Select(v => v.Explanation))}; het gebruikte percentage is {Fmt(pub)}% ({published!.Source}). " +
              $"Invoer: {string.Join("; ", found.Select(f => $"{f.Name} = {Fmt(f.Required)} ({f.Source})"))}.";
        text += UnsettledText(unsettled);
        return new(year, equal ? QuotaDerivationOutcome.Confirmed : QuotaDerivationOutcome.Differs, best.Unrounded, best.Derived, published, found, [], trace, text, variants, unsettled);
    }

    /// <summary>
    /// The candidate values of a standing (not yearly) input whose row in force has no value: the last value before and the
    /// first value after it — the value changed at an unknown moment in between. Empty for yearly inputs or without both.
    /// </summary>
    private List<ParameterValue> Candidates(string name, ParameterValue hole)
    {
        if (parameters.Definition(name).PerYear || hole.Status != ParameterStatus.Unconfirmed) return [];
        var history = parameters.History(name);
        var before = history.LastOrDefault(h => h.ValidFrom < hole.ValidFrom && h.Value is not null);
        var after = history.FirstOrDefault(h => h.ValidFrom > hole.ValidFrom && h.Value is not null);
        return before is null || after is null ? [] : [before, after];
    }

    private static List<List<(string Letter, ParameterValue Value)>> Combinations(List<(string Letter, IReadOnlyList<ParameterValue> Values)> candidates)
    {
        var result = new List<List<(string, ParameterValue)>> { new() };
        foreach (var (letter, vs) in candidates)
            result = result.SelectMany(r => vs.Select(v => new List<(string, ParameterValue)>(r) { (letter, v) })).ToList();
        return result;
    }

    private static string UnsettledText(List<ParameterValue> unsettled) =>
        unsettled.Count == 0 ? "" : " " + string.Join(" ", unsettled.Select(u => u.Source.TrimEnd('.') + "."));

    /// <summary>The document part of a source (up to the first colon), to name it briefly next to a value.</summary>
    private static string Short(string source) => source.IndexOf(": ", StringComparison.Ordinal) is var i and > 0 ? source[..i] : source;

    private QuotaDerivationVariant DeriveVariant(int year, Dictionary<string, decimal> values, List<ParameterValue> chosen, string prefix, string sources,
        int decimals, int decVar, ParameterValue[] rounding, ParameterValue? published, Trace trace)
    {
        decimal Var(string letter) => LegalRounding.Down(values[letter], decVar);
        var numerator = Numerator.Sum(Var);
        var raw = numerator * values["C"] / (Var("D") * values["E"]) * 100m;
        var derived = LegalRounding.Down(raw, decimals);
        trace.Add($"{prefix}Quotumpercentage: {Formula}, naar beneden afgerond".TrimStart(), Computed, derived, "%",
            [new("A + B + F × G ÷ C", numerator, "banen"), new("onafgerond", raw, "%")],
            [.. chosen, .. rounding], legal: [.. Legal, BesluitWfsv.Article("2.22")]);
        if (published?.Value is { } pub)
            trace.Add($"{prefix}Vergelijking met het gebruikte quotumpercentage {year}".TrimStart(), "afgeleid − gepubliceerd", derived - pub, "procentpunt",
                [new("afgeleid", derived, "%")], [published], legal: Legal);
        var text = $"{prefix}{Fmt(derived)}% (onafgerond {Fmt(raw, 4)}%){sources}".TrimStart();
        return new(chosen, raw, derived, null, null, text);
    }

    private QuotaDerivationVariant ImplyVariant(int year, Dictionary<string, decimal> values, List<ParameterValue> chosen, List<ParameterValue> missing,
        List<string> missingLetters, string prefix, string sources, int decimals, int decVar, ParameterValue? published, Trace trace)
    {
        if (published?.Value is not { } inUse || published.Status == ParameterStatus.NotApplicable)
            return new(chosen, null, null, null, null, "");
        var step = 1m;
        for (var i = 0; i < decimals; i++) step /= 10m;
        decimal Var(string l) => LegalRounding.Down(values[l], decVar);
        decimal c = values["C"], e = values["E"];
        var pubSource = $"{Fmt(inUse)}% ({Short(published.Source)})";
        if (missing.Count == 1 && missingLetters[0] is not ("C" or "E"))
        {
            var letter = missingLetters[0];
            ImpliedInput imp;
            if (letter == "D")
            {
                var numerator = Numerator.Sum(Var);
                imp = new(missing[0].Name, letter, numerator * c * 100m / ((inUse + step) * e), numerator * c * 100m / (inUse * e), null);
            }
            else
            {
                var others = Numerator.Where(l => l != letter).Sum(Var);
                var perPoint = Var("D") * e / (c * 100m);
                var without = LegalRounding.Down(others * c / (Var("D") * e) * 100m, decimals);
                imp = new(missing[0].Name, letter, inUse * perPoint - others, (inUse + step) * perPoint - others, without);
            }
            var impliedText = prefix + ImpliedText(imp, inUse, pubSource, sources);
            trace.Add($"{prefix}Geïmpliceerd door het gebruikte percentage {Fmt(inUse)}%: {Label(imp.Letter)} (geen reproductie, geen bron)".TrimStart(),
                imp.Letter == "D" ? "(A + B + F × G ÷ C) × C × 100 ÷ (percentage × E)" : "percentage × D × E ÷ (C × 100) − de andere termen van de teller",
                null, missing[0].Unit, [new("van", imp.Low, missing[0].Unit), new("tot", imp.High, missing[0].Unit)], [.. chosen, published], legal: Legal, note: impliedText);
            return new(chosen, null, null, imp, null, impliedText) { HeadroomAboveWithoutMissing = imp.PercentageWithoutIt is { } w ? inUse - w : null };
        }
        if (missingLetters.Order().SequenceEqual(new[] { "D", FgLetter }.Order()))
        {
            // F ≥ 0: (A + B + F × G ÷ C) × C ÷ (D × E) × 100 < p + 0,01 ⇒ D > (A + B) × C × 100 ÷ ((p + 0,01) × E).
            var ab = Var("A") + Var("B");
            var bound = new ImpliedBound(missing[missingLetters.IndexOf("D")].Name, "D", ab * c * 100m / ((inUse + step) * e));
            var text = $"{prefix}Geïmpliceerd, geen bron: met F × G ÷ C ≥ 0 vraagt het gebruikte percentage {pubSource} dat variabele D groter is dan " +
                       $"{Fmt(bound.Above)} banen ((A + B) × C × 100 ÷ ((percentage + {Fmt(step)}) × E){sources}).".TrimStart();
            trace.Add($"{prefix}Geïmpliceerd door het gebruikte percentage {Fmt(inUse)}%: ondergrens van variabele D (geen reproductie, geen bron)".TrimStart(),
                "D > (A + B) × C × 100 ÷ ((percentage + 0,01) × E)", bound.Above, "banen", [new("A + B", ab, "banen")], [.. chosen, published], legal: Legal, note: text);
            return new(chosen, null, null, null, bound, text);
        }
        return new(chosen, null, null, null, null, "");
    }

    private static string ImpliedText(ImpliedInput imp, decimal inUse, string pubSource, string sources)
    {
        var range = imp.Letter == "D"
            ? $"meer dan {Fmt(imp.Low)} en ten hoogste {Fmt(imp.High)}"
            : $"ten minste {Fmt(imp.Low)} en minder dan {Fmt(imp.High)}";
        var what = imp.Letter == FgLetter ? FgLetter : $"variabele {imp.Letter}";
        var text = $"Geïmpliceerd door het gebruikte percentage {pubSource} (geen reproductie en geen bron): {what} is {range}{sources}.";
        if (imp.PercentageWithoutIt is { } without)
            text += $" Met {imp.Letter} = 0 geeft de formule {Fmt(without)}%" +
                    (without <= inUse
                        ? $", {Fmt(inUse - without)} procentpunt onder het gebruikte percentage; dat vraagt dus {imp.Letter} > 0."
                        : $", meer dan het gebruikte percentage: dat is met de andere invoer niet te verenigen.");
        return text;
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
