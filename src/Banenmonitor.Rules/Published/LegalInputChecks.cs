using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Rules.Units;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Rules.Published;

/// <summary>
/// The <c>controle</c> checks of the law's own inputs, next to the published figures: each year's government quota
/// percentage derived from Wfsv art. 38f against the percentage in use (<see cref="QuotaPercentageDerivation"/>), variable B
/// of Regeling Wfsv art. 3.35 against the target path of the parameters, and what the documents say about the end of the
/// target path against the path and each other. All checks have sector <see cref="ConsistencyChecker.National"/>.
/// </summary>
public sealed class LegalInputChecks(ParameterSet parameters)
{
    /// <summary>Document code of Regeling Wfsv art. 3.35 in <c>documenten.csv</c>.</summary>
    public const string RegulationDocument = "regeling_wfsv";
    public const string QuotaPercentageKind = "quotumpercentage";
    public const string FormulaKind = "quotumformule";
    public const string TargetPathKind = "ingroeipad";

    private static string N(decimal v) => DutchFormat.Number(v, 2);

    public IReadOnlyList<ConsistencyCheck> Check(NationalFigures? national, IReadOnlyList<PublishedDocument>? documents)
    {
        var checks = new List<ConsistencyCheck>();
        checks.AddRange(QuotaPercentages());
        checks.AddRange(TargetJobs());
        if (national is not null) checks.AddRange(TargetPathEnds(national, documents));
        return checks;
    }

    /// <summary>Each year's derived quota percentage against the one in use: equal (confirmed by derivation) or a substantive finding.</summary>
    public IEnumerable<ConsistencyCheck> QuotaPercentages()
    {
        var derivation = new QuotaPercentageDerivation(parameters);
        foreach (var year in parameters.History(P.QuotaPercentageGovernment).Select(v => v.ValidFrom.Year))
        {
            var d = derivation.Derive(year);
            if (d is { Outcome: QuotaDerivationOutcome.InputsMissing, LowestPercentageWithoutMissing: { } without, Published.Value: { } inUse })
            {
                // One term of the numerator is missing: with it at zero the formula gives a lower bound of the percentage (per
                // variant of an unsettled input, the smallest). A percentage in use below that bound contradicts the other
                // inputs; at or above it, they agree (the term implied is shown).
                var term = d.Implied[0].Letter;
                var variants = d.Variants.Count > 1 ? $", kleinste over {d.Variants.Count} varianten" : "";
                yield return new ConsistencyCheck(QuotaPercentageKind, RegulationDocument, year, ConsistencyChecker.National,
                    $"quotumpercentage sector overheid {year} (Wfsv art. 38f), ondergrens zonder {(term.Length == 1 ? "variabele " : "")}{term}",
                    QuotaPercentageDerivation.Formula + $" met {term} = 0, naar beneden afgerond{variants}", inUse, without, new ValueInterval(without, decimal.MaxValue),
                    inUse >= without ? CheckOutcome.Equal : CheckOutcome.Substantive,
                    $"{term} ontbreekt ({d.Missing[0].Source}). " + d.Explanation, d.Published.Source,
                    Inputs(d));
                continue;
            }
            if (d.Outcome is not (QuotaDerivationOutcome.Confirmed or QuotaDerivationOutcome.Differs)) continue;
            var outcome = d.Outcome == QuotaDerivationOutcome.Confirmed ? CheckOutcome.Equal : CheckOutcome.Substantive;
            // With variants of an unsettled input the computed range spans the derived percentage of each.
            var derived = d.Variants.Select(v => v.Derived).OfType<decimal>().ToList();
            yield return new ConsistencyCheck(QuotaPercentageKind, RegulationDocument, year, ConsistencyChecker.National,
                $"quotumpercentage sector overheid {year} (Wfsv art. 38f)", QuotaPercentageDerivation.Formula + ", naar beneden afgerond" +
                (derived.Count > 1 ? $", {derived.Count} varianten" : ""),
                d.Published!.Required, d.Derived!.Value, new ValueInterval(derived.Min(), derived.Max()), outcome, d.Explanation, d.Published.Source, Inputs(d));
        }
    }

    /// <summary>The inputs of a derivation as check inputs: the values found and each candidate of an unsettled input.</summary>
    private static List<CheckInput> Inputs(QuotaPercentageDerivationResult d) =>
        d.Inputs.Concat(d.Variants.SelectMany(v => v.Choices)).Distinct()
            .Select(i => new CheckInput(i.Name, i.Required, i.Unit, "parameter", i.Source)).ToList();

    /// <summary>Variable B of the regulation against the target path of the parameters (target of t−1 plus half of year t's increase).</summary>
    public IEnumerable<ConsistencyCheck> TargetJobs()
    {
        foreach (var (name, targets, sector) in new[] { (P.FormulaTargetJobsGovernment, P.TargetGovernment, "overheid"), (P.FormulaTargetJobsMarket, P.TargetMarket, "markt") })
        {
            foreach (var b in parameters.History(name).Where(v => v.Value is not null))
            {
                var y = b.ValidFrom.Year;
                if (!parameters.TryGet(targets, y - 1, out var before) || !parameters.TryGet(targets, y, out var now)) continue;
                var path = before!.Required + (now!.Required - before.Required) / 2m;
                var equal = path == b.Required;
                var formula = $"doelstelling {y - 1} + (doelstelling {y} − doelstelling {y - 1}) ÷ 2 = {N(before.Required)} + ({N(now.Required)} − {N(before.Required)}) ÷ 2";
                var why = equal
                    ? $"Gelijk: variabele B {y} ({N(b.Required)}) volgt uit het ingroeipad."
                    : $"Regeling Wfsv art. 3.35 noemt voor de sector {sector} variabele B {y} = {N(b.Required)} ({b.Source}); het ingroeipad van de doelstellingen " +
                      $"({N(before.Required)} eind {y - 1}: {before.Source}; {N(now.Required)} eind {y}: {now.Source}) geeft {N(path)}. Een van beide bronnen klopt niet met Wfsv art. 38f lid 2.";
                yield return new ConsistencyCheck(FormulaKind, RegulationDocument, y, ConsistencyChecker.National, $"variabele B sector {sector} {y}", formula,
                    b.Required, path, ValueInterval.Exact(path), equal ? CheckOutcome.Equal : CheckOutcome.Substantive, why, b.Source,
                    [new($"{targets} {y - 1}", before.Required, "banen", "parameter", before.Source), new($"{targets} {y}", now.Required, "banen", "parameter", now.Source)]);
            }
        }
    }

    /// <summary>
    /// What each document says about the last year of a sector's target path, against the path of the parameters (the first
    /// year whose target equals the final target). "tot X" (or "begin X") reads as "by the end of X − 1": a literal X then
    /// differs only by that reading (<see cref="CheckOutcome.Rounding"/>, reported, with both sources named).
    /// </summary>
    public IEnumerable<ConsistencyCheck> TargetPathEnds(NationalFigures national, IReadOnlyList<PublishedDocument>? documents)
    {
        var statements = national.Rows.Where(r => r.Quantity is NationalFigures.TargetPathEnd or NationalFigures.TargetPathEndBefore).ToList();
        foreach (var s in statements)
        {
            var (targets, final, sector) = s.Sector == MeasurementSector.Government
                ? (P.TargetGovernment, P.FinalTargetGovernment, "overheid") : (P.TargetMarket, P.FinalTargetMarket, "markt");
            if (PathEnd(targets, final) is not { } end) continue;
            var before = s.Quantity == NationalFigures.TargetPathEndBefore;
            var stated = s.Value;
            var outcome = end.Year == stated ? CheckOutcome.Equal : before && end.Year == stated - 1 ? CheckOutcome.Rounding : CheckOutcome.Substantive;
            var doc = documents is null ? null : PublishedSectorFigures.DocumentCited(documents, s.Source);
            var others = statements.Where(o => o != s && o.Sector == s.Sector)
                .Select(o => $"{(o.Quantity == NationalFigures.TargetPathEndBefore ? "tot " : "in ")}{o.Value:0} ({o.Source})").ToList();
            var said = before ? $"‘tot {stated:0}’" : $"‘in {stated:0}’";
            var why = outcome switch
            {
                CheckOutcome.Equal => $"Gelijk: de bron noemt {said}; volgens de doelstellingen is de einddoelstelling ({N(end.Final.Required)}) eind {end.Year} bereikt.",
                CheckOutcome.Rounding => $"De bron noemt {said}, de doelstellingen bereiken de einddoelstelling ({N(end.Final.Required)}) eind {end.Year} ({end.Target.Source}). " +
                                         $"Alleen gelijk als ‘tot {stated:0}’ ‘vóór {stated:0}’ betekent; lees het jaartal {stated:0} niet als laatste jaar van het ingroeipad.",
                _ => $"Tegenstrijdig: de bron noemt {said} als einde van het ingroeipad van de sector {sector}, de doelstellingen bereiken de einddoelstelling ({N(end.Final.Required)}) " +
                     $"eind {end.Year} ({end.Target.Source}).",
            } + (others.Count > 0 ? " Andere bronnen over het einde van dit ingroeipad: " + string.Join("; ", others) + "." : "");
            yield return new ConsistencyCheck(TargetPathKind, doc ?? "landelijke_meting", (int)stated, ConsistencyChecker.National,
                $"einde ingroeipad sector {sector} volgens {(doc is null ? "de bron" : PublishedSectorFigures.NameOf(documents, doc))}",
                $"eerste jaar met {targets} = {final}", stated, end.Year, ValueInterval.Exact(end.Year), outcome, why, s.Source,
                [new(targets, end.Target.Required, "banen", "parameter", end.Target.Source), new(final, end.Final.Required, "banen", "parameter", end.Final.Source)]);
        }
    }

    /// <summary>The first year whose target equals the final target, with both values; null when the path never reaches it.</summary>
    private (int Year, ParameterValue Target, ParameterValue Final)? PathEnd(string targets, string final)
    {
        var f = parameters.History(final).LastOrDefault(v => v.Value is not null);
        if (f is null) return null;
        foreach (var t in parameters.History(targets).Where(v => v.Value is not null))
            if (t.Required >= f.Required) return (t.ValidFrom.Year, t, f);
        return null;
    }
}
