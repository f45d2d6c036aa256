using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Units;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Rules.Published;

/// <summary>How a recomputed figure compares with the published one.</summary>
public enum CheckOutcome
{
    /// <summary>Equal at the published precision (<i>gelijk</i>).</summary>
    Equal,
    /// <summary>Differs, explained by rounding of the published inputs (<i>afronding</i>).</summary>
    Rounding,
    /// <summary>Differs beyond what rounding explains: the document contradicts itself or another (<i>inhoudelijk</i>).</summary>
    Substantive,
}

public static class CheckOutcomeText
{
    public static string Dutch(this CheckOutcome o) => o switch
    {
        CheckOutcome.Equal => "gelijk",
        CheckOutcome.Rounding => "afronding",
        _ => "inhoudelijk",
    };
}

/// <summary>One input of a recomputation, with where it came from.</summary>
public sealed record CheckInput(string Name, decimal Value, string Unit, string Document, string Source);

/// <summary>
/// One recomputation of a published figure: what was published, what the published inputs give, and the verdict.
/// <see cref="Sector"/> is a sector code, or <c>landelijk</c> for the national measurement.
/// </summary>
public sealed record ConsistencyCheck(
    string Kind,
    string Document,
    int Year,
    string Sector,
    string Figure,
    string Formula,
    decimal Published,
    decimal Computed,
    ValueInterval ComputedRange,
    CheckOutcome Outcome,
    string Explanation,
    string Source,
    IReadOnlyList<CheckInput> Inputs)
{
    public bool IsMismatch => Outcome != CheckOutcome.Equal;

    /// <summary>True when the published and computed values are calendar years (written without a thousands separator).</summary>
    public bool ValuesAreYears => Kind is "vergelijkingsjaar" or LegalInputChecks.TargetPathKind;

    /// <summary>How a user reads <see cref="Document"/>: the reference of each document from the catalogue.</summary>
    public string DocumentName { get; init; } = Document;
}

/// <summary>All checks of a run; <see cref="Mismatches"/> are the ones that differ.</summary>
public sealed record ConsistencyReport(IReadOnlyList<ConsistencyCheck> Checks)
{
    public IReadOnlyList<ConsistencyCheck> Mismatches => Checks.Where(c => c.IsMismatch).ToList();
    public bool HasSubstantive => Checks.Any(c => c.Outcome == CheckOutcome.Substantive);

    public ConsistencyReport Filter(int? year, string? sector) => new(Checks
        .Where(c => year is null || c.Year == year)
        .Where(c => sector is null || string.Equals(c.Sector, sector, StringComparison.OrdinalIgnoreCase)).ToList());
}

/// <summary>
/// Recomputes every derived figure of the published documents from the inputs they publish, and reports where the
/// documents contradict themselves or each other. A published input stands for ± half a unit of its last digit (an
/// approximate one, "ongeveer 1.290", for ± half a unit of its last non-zero digit); interval arithmetic
/// (<see cref="ValueInterval"/>) over those ranges decides whether a difference is explained by rounding
/// (<see cref="CheckOutcome.Rounding"/>) or not (<see cref="CheckOutcome.Substantive"/>). A difference exists when the
/// computed value, rounded to the published precision (at least one decimal for percentages), differs from the
/// published value. The input is the typed figures, so figures users type in are checked exactly like the documents.
/// </summary>
public sealed class ConsistencyChecker(ParameterSet parameters)
{
    public const string National = "landelijk";

    public ConsistencyReport Check(PublishedSectorFigures? sectors, NationalFigures? national = null, QuarterlyFigures? quarters = null)
    {
        var checks = new List<ConsistencyCheck>();
        if (sectors is not null) checks.AddRange(CheckSectors(sectors));
        if (national is not null) checks.AddRange(CheckNational(national, sectors?.Documents));
        if (quarters is not null) checks.AddRange(QuarterlyChecks.Check(quarters, sectors?.Documents));
        // The law's own inputs (quota percentage, variable B, end of the target path) belong to the national check.
        if (national is not null) checks.AddRange(new LegalInputChecks(parameters).Check(national, sectors?.Documents));
        return new ConsistencyReport(checks
            .Select(c => c with { DocumentName = PublishedSectorFigures.NameOf(sectors?.Documents, c.Document) })
            .OrderBy(c => c.Year).ThenBy(c => SectorOrder(c.Sector)).ThenBy(c => c.Document, StringComparer.Ordinal).ToList());
    }

    private static int SectorOrder(string code) => PublicSectors.Find(code)?.Order ?? 99;

    // ---------------------------------------------------------------- sectors

    public IReadOnlyList<ConsistencyCheck> CheckSectors(PublishedSectorFigures data)
    {
        var checks = new List<ConsistencyCheck>();
        var all = data.Figures;
        foreach (var f in all)
        {
            switch (f.Quantity)
            {
                case Quantities.Percentage: CheckPercentage(data, f, checks); break;
                case Quantities.PercentageIncludingSroi: CheckPercentageIncludingSroi(data, f, checks); break;
                case Quantities.RealisedIncludingSroi: CheckSumIncludingSroi(data, f, checks); break;
                case Quantities.Realised: CheckSumOwnAndHiredIn(data, f, checks); break;
                case Quantities.Difference: CheckDifference(data, f, checks, relative: false); break;
                case Quantities.DifferencePercent: CheckDifference(data, f, checks, relative: true); break;
                case Quantities.AboveTargetPercent: CheckAboveTarget(data, f, checks); break;
                case Quantities.DirectionRealised: CheckDirection(data, f, Quantities.Realised, checks); break;
                case Quantities.DirectionPercentage: CheckDirection(data, f, Quantities.Percentage, checks); break;
                case Quantities.DirectionTarget: CheckTargetReached(data, f, checks); break;
            }
        }
        CheckShares(data, checks);
        CheckVersions(data, checks);
        CheckOrganisationCounts(data, checks);
        return checks;
    }

    private static bool MainQualifier(PublishedFigure f) => f.Qualifier is "" or "tabel" or "tekst";

    /// <summary>
    /// The input figure a check uses: from the same document first (same qualifier — table with table, text with
    /// text — else the most precise), otherwise from another document (the report over that year first).
    /// </summary>
    private static PublishedFigure? Input(PublishedSectorFigures data, PublishedFigure subject, string quantity, int year)
    {
        var c = data.Figures.Where(f => f.Sector == subject.Sector && f.Year == year && f.Quantity == quantity && MainQualifier(f)).ToList();
        var same = c.Where(f => f.Document == subject.Document).ToList();
        if (same.Count > 0)
        {
            if (subject.Qualifier is "tabel" or "tekst" && same.FirstOrDefault(f => f.Qualifier == subject.Qualifier) is { } q) return q;
            return same.OrderByDescending(f => f.Precision).First();
        }
        return c.OrderBy(f => data.ReportYearOf(f.Document) == year ? 0 : 1)
            .ThenByDescending(f => data.ReportYearOf(f.Document) ?? 0)
            .ThenByDescending(f => f.Precision).FirstOrDefault();
    }

    private static CheckInput In(PublishedFigure f, string? name = null) =>
        new(name ?? $"{Quantities.Dutch(f.Quantity)} {f.Year}", f.Value, f.Unit, f.Document, f.Citation);

    private static string Fmt(decimal v, int decimals = 2) => DutchFormat.Number(v, decimals);

    private static string PubText(PublishedFigure f) =>
        DutchFormat.Number(f.Value, Math.Max(0, f.Decimals)) + (f.IsPercentageUnit ? "%" : "");

    private static string Other(PublishedFigure subject, params PublishedFigure[] inputs)
    {
        var others = inputs.Where(i => i.Document != subject.Document).Select(i => $"{Quantities.Dutch(i.Quantity)} {i.Year} uit {i.DocumentLabel}").Distinct().ToList();
        return others.Count == 0 ? "" : $" Invoer uit een ander document: {string.Join("; ", others)}.";
    }

    private void CheckPercentage(PublishedSectorFigures data, PublishedFigure f, List<ConsistencyCheck> checks)
    {
        var t = Input(data, f, Quantities.Target, f.Year);
        var r = Input(data, f, Quantities.Realised, f.Year);
        if (t is null || r is null || t.Value <= 0) return;
        var computed = r.Value / t.Value * 100m;
        var range = Percent(r.Range, t.Range);
        var formula = $"realisatie ÷ doel × 100 = {Fmt(r.Value)} ÷ {Fmt(t.Value)} × 100";
        var check = Make("percentage", f, formula, computed, range, true, [In(r), In(t)], Other(f, r, t));
        if (check.Outcome == CheckOutcome.Substantive)
        {
            // Does the published percentage count the SROI jobs although it is called the realisation?
            var incl = Input(data, f, Quantities.RealisedIncludingSroi, f.Year);
            var sroi = Input(data, f, Quantities.Sroi, f.Year);
            decimal? num = incl?.Value ?? (sroi is null ? null : r.Value + sroi.Value);
            if (num is { } n)
            {
                var alt = n / t.Value * 100m;
                if (Classify(alt, ValueInterval.Exact(alt), f.Value, f.Precision, true) != CheckOutcome.Substantive)
                    check = check with { Explanation = check.Explanation + $" Het gepubliceerde percentage klopt wél met de realisatie inclusief SROI ({Fmt(n)} ÷ {Fmt(t.Value)} × 100 = {Fmt(alt, 1)}%): het document noemt een percentage inclusief SROI de realisatie, terwijl SROI-banen niet meetellen voor het quotum." };
            }
        }
        checks.Add(check);
    }

    private void CheckPercentageIncludingSroi(PublishedSectorFigures data, PublishedFigure f, List<ConsistencyCheck> checks)
    {
        var t = Input(data, f, Quantities.Target, f.Year);
        if (t is null || t.Value <= 0) return;
        var incl = Input(data, f, Quantities.RealisedIncludingSroi, f.Year);
        var r = Input(data, f, Quantities.Realised, f.Year);
        var s = Input(data, f, Quantities.Sroi, f.Year);
        if (incl is not null && incl.Document == f.Document || (r is null || s is null) && incl is not null)
        {
            var computed = incl!.Value / t.Value * 100m;
            checks.Add(Make("percentage_incl_sroi", f, $"realisatie inclusief SROI ÷ doel × 100 = {Fmt(incl.Value)} ÷ {Fmt(t.Value)} × 100",
                computed, Percent(incl.Range, t.Range), true, [In(incl), In(t)], Other(f, incl, t)));
        }
        else if (r is not null && s is not null)
        {
            var computed = (r.Value + s.Value) / t.Value * 100m;
            checks.Add(Make("percentage_incl_sroi", f, $"(realisatie + SROI) ÷ doel × 100 = ({Fmt(r.Value)} + {Fmt(s.Value)}) ÷ {Fmt(t.Value)} × 100",
                computed, Percent(r.Range + s.Range, t.Range), true, [In(r), In(s), In(t)], Other(f, r, s, t)));
        }
    }

    private void CheckSumIncludingSroi(PublishedSectorFigures data, PublishedFigure f, List<ConsistencyCheck> checks)
    {
        var r = data.Figures.FirstOrDefault(x => x.Document == f.Document && x.Sector == f.Sector && x.Year == f.Year && x.Quantity == Quantities.Realised && MainQualifier(x));
        var s = data.Figures.FirstOrDefault(x => x.Document == f.Document && x.Sector == f.Sector && x.Year == f.Year && x.Quantity == Quantities.Sroi && MainQualifier(x));
        if (r is null || s is null) return;
        checks.Add(Make("som", f, $"realisatie + SROI = {Fmt(r.Value)} + {Fmt(s.Value)}", r.Value + s.Value, r.Range + s.Range, false, [In(r), In(s)], ""));
    }

    private void CheckSumOwnAndHiredIn(PublishedSectorFigures data, PublishedFigure f, List<ConsistencyCheck> checks)
    {
        var own = data.Figures.FirstOrDefault(x => x.Document == f.Document && x.Sector == f.Sector && x.Year == f.Year && x.Quantity == Quantities.OwnEmployment);
        var hired = data.Figures.FirstOrDefault(x => x.Document == f.Document && x.Sector == f.Sector && x.Year == f.Year && x.Quantity == Quantities.HiredIn);
        if (own is null || hired is null) return;
        checks.Add(Make("som", f, $"eigen dienst + inhuur = {Fmt(own.Value)} + {Fmt(hired.Value)}", own.Value + hired.Value, own.Range + hired.Range, false, [In(own), In(hired)], ""));
    }

    private void CheckDifference(PublishedSectorFigures data, PublishedFigure f, List<ConsistencyCheck> checks, bool relative)
    {
        if (f.ReferenceYear is not { } refYear) return;
        if (refYear >= f.Year)
        {
            checks.Add(new ConsistencyCheck("vergelijkingsjaar", f.Document, f.Year, f.Sector.Code, "vergelijkingsjaar van '" + Quantities.Dutch(f.Quantity) + "'",
                "vergelijkingsjaar < verslagjaar", refYear, f.Year - 1, ValueInterval.Exact(f.Year - 1), CheckOutcome.Substantive,
                $"Het document vergelijkt de realisatie van {f.Year} met {refYear}: een {(f.Value >= 0 ? "stijging" : "daling")} van {PubText(f)} " +
                $"ten opzichte van {(refYear == f.Year ? "hetzelfde jaar" : "een later jaar")} kan niet. Vermoedelijk is {f.Year - 1} bedoeld; " +
                (Input(data, f, Quantities.Realised, f.Year - 1) is null ? $"de realisatie over {f.Year - 1} staat niet in de gegevens, dus het verschil is niet na te rekenen." : "zie de controle van het verschil."),
                f.Citation, [In(f)]));
            refYear = f.Year - 1;
        }
        var now = Input(data, f, Quantities.Realised, f.Year);
        var before = Input(data, f, Quantities.Realised, refYear);
        if (now is null || before is null) return;
        if (!relative)
        {
            checks.Add(Make("verschil", f, $"realisatie {f.Year} − realisatie {refYear} = {Fmt(now.Value)} − {Fmt(before.Value)}",
                now.Value - before.Value, now.Range - before.Range, false, [In(now), In(before)], Other(f, now, before) + Note(before)));
        }
        else if (before.Value > 0)
        {
            var q = now.Range / before.Range;
            checks.Add(Make("verschil_procent", f, $"(realisatie {f.Year} ÷ realisatie {refYear} − 1) × 100 = ({Fmt(now.Value)} ÷ {Fmt(before.Value)} − 1) × 100",
                (now.Value / before.Value - 1m) * 100m, new ValueInterval(q.Low * 100m - 100m, q.High * 100m - 100m), true, [In(now), In(before)], Other(f, now, before)));
        }
    }

    private static string Note(PublishedFigure f) => f.Note is null ? "" : $" Let op bij {Quantities.Dutch(f.Quantity)} {f.Year}: {f.Note}";

    private void CheckAboveTarget(PublishedSectorFigures data, PublishedFigure f, List<ConsistencyCheck> checks)
    {
        var t = Input(data, f, Quantities.Target, f.Year);
        var r = Input(data, f, Quantities.Realised, f.Year);
        if (t is null || r is null || t.Value <= 0) return;
        var q = Percent(r.Range, t.Range);
        checks.Add(Make("boven_doel", f, $"(realisatie ÷ doel − 1) × 100 = ({Fmt(r.Value)} ÷ {Fmt(t.Value)} − 1) × 100",
            (r.Value / t.Value - 1m) * 100m, new ValueInterval(q.Low - 100m, q.High - 100m), true, [In(r), In(t)], Other(f, r, t)));
    }

    private void CheckDirection(PublishedSectorFigures data, PublishedFigure f, string quantity, List<ConsistencyCheck> checks)
    {
        if (f.ReferenceYear is not { } refYear) return;
        var now = Input(data, f, quantity, f.Year);
        var before = Input(data, f, quantity, refYear);
        if (now is null || before is null) return;
        var d = now.Value - before.Value;
        var range = now.Range - before.Range;
        var sign = Math.Sign(d);
        string Word(decimal s) => s > 0 ? "stijging" : s < 0 ? "daling" : "gelijk";
        var outcome = sign == Math.Sign(f.Value) ? CheckOutcome.Equal
            : range.Contains(0m) || (Math.Sign(f.Value) > 0 ? range.High > 0 : Math.Sign(f.Value) < 0 ? range.Low < 0 : range.Contains(0m)) ? CheckOutcome.Rounding
            : CheckOutcome.Substantive;
        var unit = quantity == Quantities.Percentage ? "%" : "";
        var why = $"Het document spreekt van een {Word(f.Value)}; {Quantities.Dutch(quantity)} {f.Year} = {Fmt(now.Value)}{unit}, {refYear} = {Fmt(before.Value)}{unit}: een {Word(sign)}." +
                  (outcome == CheckOutcome.Equal ? "" : outcome == CheckOutcome.Rounding ? " Binnen de afronding van de gepubliceerde cijfers kan het ook anders zijn." : " Dat spreekt de tekst tegen.");
        checks.Add(new ConsistencyCheck("richting", f.Document, f.Year, f.Sector.Code, Quantities.Dutch(f.Quantity) + $" t.o.v. {refYear}",
            $"teken({Quantities.Dutch(quantity)} {f.Year} − {Quantities.Dutch(quantity)} {refYear})", f.Value, sign, range, outcome,
            why + Other(f, now, before), f.Citation, [In(now), In(before)]));
    }

    private void CheckTargetReached(PublishedSectorFigures data, PublishedFigure f, List<ConsistencyCheck> checks)
    {
        var t = Input(data, f, Quantities.Target, f.Year);
        var r = Input(data, f, Quantities.Realised, f.Year);
        if (t is null || r is null) return;
        var d = r.Value - t.Value;
        var range = r.Range - t.Range;
        var reached = d >= 0 ? 1 : -1;
        var outcome = reached == Math.Sign(f.Value) ? CheckOutcome.Equal : range.Contains(0m) ? CheckOutcome.Rounding : CheckOutcome.Substantive;
        var why = $"Het document zegt dat het doel {(f.Value > 0 ? "" : "niet ")}is gehaald; realisatie {Fmt(r.Value)} tegenover doel {Fmt(t.Value)}: " +
                  $"het doel is {(reached > 0 ? "" : "niet ")}gehaald." + (outcome == CheckOutcome.Substantive ? " Dat spreekt de tekst tegen." : "") + Other(f, r, t);
        checks.Add(new ConsistencyCheck("richting", f.Document, f.Year, f.Sector.Code, "doel gehaald", "realisatie ≥ doel", f.Value, reached, range, outcome,
            why, f.Citation, [In(r), In(t)]));
    }

    private void CheckShares(PublishedSectorFigures data, List<ConsistencyCheck> checks)
    {
        string[] shares = [Quantities.SharePermanent, Quantities.ShareTemporary, Quantities.ShareHiredIn];
        foreach (var g in data.Figures.Where(f => shares.Contains(f.Quantity)).GroupBy(f => (f.Document, f.Year, f.Sector)))
        {
            var parts = g.ToList();
            if (parts.Count < 2) continue;
            var sum = parts.Sum(p => p.Value);
            var range = parts.Select(p => p.Range).Aggregate((a, b) => a + b);
            var first = parts[0];
            var outcome = Classify(sum, range, 100m, 1, true);
            var formula = string.Join(" + ", parts.Select(p => $"{Quantities.Dutch(p.Quantity)} {Fmt(p.Value)}%"));
            checks.Add(new ConsistencyCheck("aandelen", first.Document, first.Year, first.Sector.Code, "aandelen naar contractvorm (samen 100%)",
                formula, 100m, sum, range, outcome, Explain(outcome, sum, range, 100m, 1, true, "de aandelen horen samen 100% te zijn"),
                first.Citation, parts.Select(p => In(p)).ToList()));
        }
    }

    /// <summary>The same figure published more than once (two documents, or a table and its text): do the versions agree?</summary>
    private void CheckVersions(PublishedSectorFigures data, List<ConsistencyCheck> checks)
    {
        string[] comparable =
        [
            Quantities.Target, Quantities.Realised, Quantities.Percentage, Quantities.Sroi, Quantities.RealisedIncludingSroi,
            Quantities.PercentageIncludingSroi, Quantities.HiredIn, Quantities.OwnEmployment, Quantities.SharePermanent,
            Quantities.ShareTemporary, Quantities.ShareHiredIn, Quantities.OrganisationsReported, Quantities.OrganisationsTotal,
            Quantities.StaffShareReported,
        ];
        var groups = data.Figures.Where(f => comparable.Contains(f.Quantity))
            .GroupBy(f => (f.Year, f.Sector, f.Quantity, Q: MainQualifier(f) ? "" : f.Qualifier));
        foreach (var g in groups)
        {
            var list = g.ToList();
            for (var i = 0; i < list.Count; i++)
            for (var j = i + 1; j < list.Count; j++)
            {
                // The less precise version is the published one; the more precise one is the "computed" reference.
                var (a, b) = list[i].Precision <= list[j].Precision ? (list[i], list[j]) : (list[j], list[i]);
                var outcome = Classify(b.Value, b.Range, a.Value, a.Precision, false);
                var where = a.Document == b.Document ? $"{a.DocumentLabel} ({Describe(a)} en {Describe(b)})" : $"{a.DocumentLabel} en {b.DocumentLabel}";
                var why = outcome switch
                {
                    CheckOutcome.Equal => $"{Quantities.Dutch(a.Quantity)} {a.Year} staat in {where} gelijk: {PubText(a)} en {PubText(b)}.",
                    CheckOutcome.Rounding => $"{Quantities.Dutch(a.Quantity)} {a.Year} verschilt tussen {where} ({PubText(a)} en {PubText(b)}), binnen de afronding.",
                    _ => $"{Quantities.Dutch(a.Quantity)} {a.Year} verschilt tussen {where}: {PubText(a)} tegenover {PubText(b)}; dat is niet door afronding te verklaren.",
                } + Note(a) + Note(b);
                checks.Add(new ConsistencyCheck("versies", a.Document == b.Document ? a.Document : $"{a.Document}/{b.Document}", a.Year, a.Sector.Code,
                    $"{Quantities.Dutch(a.Quantity)} volgens {Describe(a)} en {Describe(b)}", "zelfde cijfer, twee versies",
                    a.Value, b.Value, b.Range, outcome, why, a.Citation + " | " + b.Citation, [In(a), In(b)]));
            }
        }
    }

    private static string Describe(PublishedFigure f) => f.DocumentLabel + (f.Qualifier is "tabel" or "tekst" ? $" ({f.Qualifier})" : "");

    /// <summary>The number of organisations in a sector should not differ between documents without explanation.</summary>
    private static void CheckOrganisationCounts(PublishedSectorFigures data, List<ConsistencyCheck> checks)
    {
        foreach (var g in data.Figures.Where(f => f.Quantity == Quantities.OrganisationsTotal && MainQualifier(f)).GroupBy(f => f.Sector))
        {
            var list = g.OrderBy(f => f.Year).ToList();
            for (var i = 1; i < list.Count; i++)
            {
                var (a, b) = (list[i - 1], list[i]);
                if (a.Year == b.Year) continue; // handled by the versions check
                var outcome = a.Value == b.Value ? CheckOutcome.Equal : CheckOutcome.Substantive;
                var why = outcome == CheckOutcome.Equal
                    ? $"Het aantal organisaties is in {a.Year} en {b.Year} gelijk ({Fmt(a.Value, 0)})."
                    : $"{a.DocumentLabel} telt in {a.Year} {Fmt(a.Value, 0)} organisaties in de sector, {b.DocumentLabel} in {b.Year} {Fmt(b.Value, 0)}; " +
                      "geen van beide documenten verklaart het verschil, terwijl het de dekking van de cijfers bepaalt.";
                checks.Add(new ConsistencyCheck("aantal_organisaties", $"{a.Document}/{b.Document}", b.Year, b.Sector.Code,
                    $"aantal organisaties in de sector ({a.Year} en {b.Year})", "zelfde sector, ander jaar", b.Value, a.Value,
                    ValueInterval.Exact(a.Value), outcome, why, a.Citation + " | " + b.Citation, [In(a), In(b)]));
            }
        }
    }

    private static ValueInterval Percent(ValueInterval num, ValueInterval den)
    {
        if (den.Low <= 0) den = den with { Low = den.High / 1000m };
        var q = num / den;
        return new ValueInterval(q.Low * 100m, q.High * 100m);
    }

    private static ConsistencyCheck Make(string kind, PublishedFigure f, string formula, decimal computed, ValueInterval range, bool percent,
        IReadOnlyList<CheckInput> inputs, string extra)
    {
        var outcome = Classify(computed, range, f.Value, f.Precision, percent);
        var text = Explain(outcome, computed, range, f.Value, f.Precision, percent, formula) + extra;
        if (f.Approximate || inputs.Any(i => i.Source.Contains("ongeveer") || i.Source.Contains("+/-")))
            text += " Het document geeft (een deel van) deze cijfers als benadering.";
        var label = Quantities.Dutch(f.Quantity) + (f.Qualifier is "tabel" or "tekst" ? $" ({f.Qualifier})" : f.ReferenceYear is { } y ? $" t.o.v. {y}" : "");
        return new ConsistencyCheck(kind, f.Document, f.Year, f.Sector.Code, label, formula, f.Value, computed, range, outcome, text, f.Citation, inputs);
    }

    /// <summary>Rounds half away from zero to <paramref name="decimals"/> decimals; negative decimals round to tens, hundreds.</summary>
    public static decimal RoundTo(decimal value, int decimals)
    {
        if (decimals >= 0) return Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        var unit = 1m;
        for (var i = 0; i < -decimals; i++) unit *= 10m;
        return Math.Round(value / unit, 0, MidpointRounding.AwayFromZero) * unit;
    }

    /// <summary>
    /// The verdict: equal when the computed value at the published precision (at least one decimal for percentages)
    /// equals the published value; rounding when the range of the computed value overlaps the range the published
    /// value stands for; substantive otherwise.
    /// </summary>
    public static CheckOutcome Classify(decimal computed, ValueInterval computedRange, decimal published, int precision, bool percent)
    {
        var decimals = percent ? Math.Max(1, precision) : precision;
        if (RoundTo(computed, decimals) == published) return CheckOutcome.Equal;
        return computedRange.Overlaps(ValueInterval.Rounded(published, precision)) ? CheckOutcome.Rounding : CheckOutcome.Substantive;
    }

    private static string Explain(CheckOutcome outcome, decimal computed, ValueInterval range, decimal published, int precision, bool percent, string formula)
    {
        var u = percent ? "%" : "";
        var decimals = percent ? Math.Max(1, precision) : Math.Max(0, precision);
        var pubRange = ValueInterval.Rounded(published, precision);
        var pub = DutchFormat.Number(published, Math.Max(0, precision)) + u;
        var comp = $"{formula} = {Fmt(computed, 2)}{u} (afgerond {DutchFormat.Fixed(RoundTo(computed, decimals), Math.Max(0, decimals))}{u})";
        return outcome switch
        {
            CheckOutcome.Equal => $"{comp}; gelijk aan de gepubliceerde {pub}.",
            CheckOutcome.Rounding => $"{comp}; gepubliceerd {pub}. Verklaarbaar door afronding: met de gepubliceerde invoer (elk ± een halve eenheid van het laatste cijfer) " +
                                     $"ligt de uitkomst tussen {Fmt(range.Low)}{u} en {Fmt(range.High)}{u}, en {pub} staat voor {Fmt(pubRange.Low)}{u} – {Fmt(pubRange.High)}{u}.",
            _ => $"{comp}; gepubliceerd {pub}. Niet verklaarbaar door afronding: met de gepubliceerde invoer ligt de uitkomst tussen {Fmt(range.Low)}{u} en {Fmt(range.High)}{u}, " +
                 $"buiten {Fmt(pubRange.Low)}{u} – {Fmt(pubRange.High)}{u}.",
        };
    }

    // ---------------------------------------------------------------- national measurement

    private static string Name(NationalFigure f) => $"{f.Quantity} {f.Sector.Dutch()}/{f.Form.Dutch()} {f.Year}";

    /// <summary>
    /// The checks of the national figures. <paramref name="documents"/> (the catalogue, <c>documenten.csv</c>) attributes
    /// each figure to the document its source names (<see cref="PublishedSectorFigures.DocumentCited(IEnumerable{PublishedDocument}, string)"/>);
    /// without it, or for a source naming no catalogued document, the figure counts as from the national measurement.
    /// </summary>
    public IReadOnlyList<ConsistencyCheck> CheckNational(NationalFigures national, IReadOnlyList<PublishedDocument>? documents = null)
    {
        string DocumentOf(NationalFigure f) => NationalDocument(f, documents);
        CheckInput In(NationalFigure f, string name) => NationalInput(f, name, documents);
        ConsistencyCheck NationalSum(int year, NationalFigure total, NationalFigure[] parts, string label) => NationalSumCheck(year, total, parts, label, documents);

        var checks = new List<ConsistencyCheck>();
        var measurement = new NationalMeasurement(parameters);
        foreach (var year in national.Years)
        {
            var input = national.InputFor(year);
            if (input is not null)
            {
                var result = measurement.Compute(input, national.PublishedCells(year));
                foreach (var cell in result.Cells.Where(c => c.Published is not null))
                {
                    var pub = national.Find(year, cell.Sector, cell.Form, NationalFigures.Increase)!;
                    var outcome = cell.Agreement switch { CellAgreement.Equal => CheckOutcome.Equal, CellAgreement.Rounding => CheckOutcome.Rounding, _ => CheckOutcome.Substantive };
                    var formula = cell.Form == EmploymentForm.HiredIn
                        ? "inleenbanen × verdeelsleutel − inleenbanen nulmeting × verdeelsleutel nulmeting"
                        : cell.Sector == MeasurementSector.Total || cell.Form == EmploymentForm.Total ? "som van de cellen" : "invoer";
                    var why = cell.Explanation ?? $"Berekend {Fmt(cell.Computed)} (afgerond {Fmt(cell.Rounded, 0)}); gelijk aan de gepubliceerde {Fmt(pub.Value, 0)}.";
                    checks.Add(new ConsistencyCheck("landelijke_tabel", DocumentOf(pub), year, National,
                        $"Tabel 1: toename {cell.Sector.Dutch()} / {cell.Form.Dutch()}", formula, pub.Value, cell.Computed, cell.ComputedRange, outcome, why, pub.Source,
                        [new("formeel markt", input.FormalIncreaseMarket.Value, "banen", "", ""), new("formeel overheid", input.FormalIncreaseGovernment.Value, "banen", "", ""),
                         new("inleenbanen", input.HiredInJobs.Value, "banen", "", input.Source ?? "")]));
                }
            }
            else
            {
                // Without the split by form: market + government = total.
                var m = national.Find(year, MeasurementSector.Market, EmploymentForm.Total, NationalFigures.Increase);
                var g = national.Find(year, MeasurementSector.Government, EmploymentForm.Total, NationalFigures.Increase);
                var t = national.Find(year, MeasurementSector.Total, EmploymentForm.Total, NationalFigures.Increase);
                if (m is not null && g is not null && t is not null)
                    checks.Add(NationalSum(year, t, [m, g], "toename markt + toename overheid"));
            }
            // Increase on the previous year.
            foreach (var d in national.Rows.Where(r => r.Year == year && r.Quantity == NationalFigures.IncreaseOnPreviousYear))
            {
                var now = national.Find(year, d.Sector, d.Form, NationalFigures.Increase);
                var before = national.Find(year - 1, d.Sector, d.Form, NationalFigures.Increase);
                if (now is null || before is null || now.Status == ParameterStatus.Derived || before.Status == ParameterStatus.Derived) continue;
                var computed = now.Value - before.Value;
                var range = now.Value.Rounded0() - before.Value.Rounded0();
                var formula = $"toename {year} − toename {year - 1} = {Fmt(now.Value, 0)} − {Fmt(before.Value, 0)}";
                var outcome = Classify(computed, range, d.Value, 0, false);
                checks.Add(new ConsistencyCheck("verschil", DocumentOf(d), year, National, $"toename t.o.v. {year - 1} ({d.Sector.Dutch()} / {d.Form.Dutch()})",
                    formula, d.Value, computed, range, outcome, Explain(outcome, computed, range, d.Value, 0, false, formula), d.Source,
                    [In(now, Name(now)), In(before, Name(before))]));
            }
            // The changes on the previous year of market and government add up to the total change.
            foreach (var form in new[] { EmploymentForm.Formal, EmploymentForm.HiredIn, EmploymentForm.Total })
            {
                var dm = national.Find(year, MeasurementSector.Market, form, NationalFigures.IncreaseOnPreviousYear);
                var dg = national.Find(year, MeasurementSector.Government, form, NationalFigures.IncreaseOnPreviousYear);
                var dt = national.Find(year, MeasurementSector.Total, form, NationalFigures.IncreaseOnPreviousYear);
                if (dm is not null && dg is not null && dt is not null)
                    checks.Add(NationalSum(year, dt, [dm, dg], "verandering markt + verandering overheid"));
            }
            // Share of a form in the total increase.
            foreach (var s in national.Rows.Where(r => r.Year == year && r.Quantity == NationalFigures.ShareOfIncrease))
            {
                var part = national.Find(year, s.Sector, s.Form, NationalFigures.Increase);
                var whole = national.Find(year, s.Sector, EmploymentForm.Total, NationalFigures.Increase);
                if (part is null || whole is null || whole.Value <= 0) continue;
                var computed = part.Value / whole.Value * 100m;
                var range = Percent(part.Value.Rounded0(), whole.Value.Rounded0());
                var formula = $"{Fmt(part.Value, 0)} ÷ {Fmt(whole.Value, 0)} × 100";
                var outcome = Classify(computed, range, s.Value, ValueInterval.DecimalsOf(s.Value), true);
                checks.Add(new ConsistencyCheck("percentage", DocumentOf(s), year, National, $"aandeel {s.Form.Dutch()} in de totale toename",
                    formula, s.Value, computed, range, outcome, Explain(outcome, computed, range, s.Value, ValueInterval.DecimalsOf(s.Value), true, formula), s.Source,
                    [In(part, Name(part)), In(whole, Name(whole))]));
            }
            // All jobs = baseline + increase.
            var all = national.Find(year, MeasurementSector.Total, EmploymentForm.Total, NationalFigures.TotalJobs);
            var inc = national.Find(year, MeasurementSector.Total, EmploymentForm.Total, NationalFigures.Increase);
            if (all is not null && inc is not null)
            {
                // The checker cites the parameter's source next to the document's figure, so it reads the value with its source.
                var b = parameters.Get(P.BaselineJobs, MeasurementParameters.BaselineDate);
                var baseline = b.Required;
                var computed = baseline + inc.Value;
                var range = baseline.Rounded0() + inc.Value.Rounded0();
                var formula = $"banen nulmeting + totale toename = {Fmt(baseline, 0)} + {Fmt(inc.Value, 0)}";
                var outcome = Classify(computed, range, all.Value, 0, false);
                checks.Add(new ConsistencyCheck("som", DocumentOf(all), year, National, "totaal aantal banen inclusief de nulmeting", formula, all.Value, computed, range,
                    outcome, Explain(outcome, computed, range, all.Value, 0, false, formula), all.Source,
                    [new("banen nulmeting", baseline, "banen", "parameter", b.Source), In(inc, Name(inc))]));
            }
            // Targets as printed against the dated parameters, and their sum.
            var tm = national.Find(year, MeasurementSector.Market, EmploymentForm.Total, NationalFigures.Target);
            var tg = national.Find(year, MeasurementSector.Government, EmploymentForm.Total, NationalFigures.Target);
            var tt = national.Find(year, MeasurementSector.Total, EmploymentForm.Total, NationalFigures.Target);
            if (tm is not null && tg is not null && tt is not null) checks.Add(NationalSum(year, tt, [tm, tg], "doelstelling markt + doelstelling overheid"));
            foreach (var (row, name) in new[] { (tm, P.TargetMarket), (tg, P.TargetGovernment) })
            {
                if (row is null || !parameters.TryGet(name, year, out var pv) || pv?.Value is not { } value) continue;
                var outcome = value == row.Value ? CheckOutcome.Equal : CheckOutcome.Substantive;
                checks.Add(new ConsistencyCheck("parameter", DocumentOf(row), year, National, $"doelstelling {row.Sector.Dutch()}", $"parameter {name}",
                    row.Value, value, ValueInterval.Exact(value), outcome,
                    outcome == CheckOutcome.Equal ? $"Gelijk aan de parameter {name} ({Fmt(value, 0)}; {pv.Source})." : $"De parameter {name} is {Fmt(value, 0)} ({pv.Source}), het document noemt {Fmt(row.Value, 0)}.",
                    row.Source, [new(name, value, "banen", "parameter", pv.Source)]));
            }
        }
        return checks;
    }

    private static string NationalDocument(NationalFigure f, IReadOnlyList<PublishedDocument>? documents) =>
        f.Status == ParameterStatus.Derived ? "afgeleid"
        : (documents is null ? null : PublishedSectorFigures.DocumentCited(documents, f.Source)) ?? "landelijke_meting";

    private static CheckInput NationalInput(NationalFigure f, string name, IReadOnlyList<PublishedDocument>? documents) =>
        new(name, f.Value, "banen", NationalDocument(f, documents), f.Source);

    private static ConsistencyCheck NationalSumCheck(int year, NationalFigure total, NationalFigure[] parts, string label, IReadOnlyList<PublishedDocument>? documents)
    {
        var computed = parts.Sum(p => p.Value);
        var range = parts.Select(p => p.Value.Rounded0()).Aggregate((a, b) => a + b);
        var formula = $"{label} = {string.Join(" + ", parts.Select(p => Fmt(p.Value, 0)))}";
        var outcome = Classify(computed, range, total.Value, 0, false);
        var derived = parts.Append(total).Where(p => p.Status == ParameterStatus.Derived).ToList();
        var note = derived.Count == 0 ? "" : " Afgeleide waarden in deze som: " + string.Join("; ", derived.Select(d => d.Source)) + ".";
        var what = total.Quantity switch
        {
            NationalFigures.IncreaseOnPreviousYear => "verandering t.o.v. vorig jaar",
            NationalFigures.Target => "doelstelling",
            _ => "toename t.o.v. de nulmeting",
        };
        return new ConsistencyCheck("som", NationalDocument(total, documents), year, National, $"{what}, {total.Sector.Dutch()} / {total.Form.Dutch()}", formula, total.Value, computed, range, outcome,
            Explain(outcome, computed, range, total.Value, 0, false, formula) + note, total.Source, parts.Select(p => NationalInput(p, Name(p), documents)).ToList());
    }
}

internal static class IntervalExtensions
{
    /// <summary>A whole number as published: ± half a unit.</summary>
    public static ValueInterval Rounded0(this decimal v) => ValueInterval.Rounded(v, 0);
}
