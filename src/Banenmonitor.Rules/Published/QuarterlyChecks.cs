using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Rules.Published;

/// <summary>
/// The <c>controle</c> checks of the UWV quarterly reports (<see cref="QuarterlyFigures"/>): per quarter, the formal jobs of
/// market and government against their published total, and formal plus hired-in jobs against the published total (or,
/// where no formal total is published, market formal + government formal + hired-in); and each published change on the
/// previous quarter against the difference of the two published levels. Each part is published as a whole number of jobs
/// (rounded from hours ÷ 1.331), so a sum or difference may differ by half a job per part (<see cref="CheckOutcome.Rounding"/>);
/// more is a substantive finding. Sector <see cref="ConsistencyChecker.National"/>.
/// </summary>
public static class QuarterlyChecks
{
    public const string Kind = "kwartaalsom";
    /// <summary>The kind of the check of a change on the previous quarter.</summary>
    public const string ChangeKind = "kwartaalverschil";
    /// <summary>The document of the quarterly reports in <c>documenten.csv</c>.</summary>
    public const string Document = "uwv_trendrapportage";

    public static IEnumerable<ConsistencyCheck> Check(QuarterlyFigures quarters, IReadOnlyList<PublishedDocument>? documents)
    {
        foreach (var (year, quarter) in quarters.Quarters)
        {
            QuarterlyFigure? F(MeasurementSector s, EmploymentForm f) => quarters.Find(year, quarter, s, f, QuarterlyFigures.Increase);
            var formal = F(MeasurementSector.Total, EmploymentForm.Formal);
            var sums = new List<(string, string, QuarterlyFigure?, QuarterlyFigure?[])>
            {
                ("formele banen", "markt + overheid", formal,
                    [F(MeasurementSector.Market, EmploymentForm.Formal), F(MeasurementSector.Government, EmploymentForm.Formal)]),
                formal is not null
                    ? ("banen totaal", "formeel + inleen", F(MeasurementSector.Total, EmploymentForm.Total), [formal, F(MeasurementSector.Total, EmploymentForm.HiredIn)])
                    : ("banen totaal", "markt formeel + overheid formeel + inleen", F(MeasurementSector.Total, EmploymentForm.Total),
                        [F(MeasurementSector.Market, EmploymentForm.Formal), F(MeasurementSector.Government, EmploymentForm.Formal), F(MeasurementSector.Total, EmploymentForm.HiredIn)]),
            };
            foreach (var (what, formula, total, parts) in sums)
            {
                if (total is null || parts.Any(p => p is null)) continue;
                var sum = parts.Sum(p => p!.Value);
                var slack = 0.5m * parts.Length;
                var diff = total.Value - sum;
                var outcome = diff == 0 ? CheckOutcome.Equal : Math.Abs(diff) <= slack ? CheckOutcome.Rounding : CheckOutcome.Substantive;
                var partsText = string.Concat(parts.Select((p, i) => i == 0 ? DutchFormat.Number(p!.Value)
                    : p!.Value < 0 ? " − " + DutchFormat.Number(-p.Value) : " + " + DutchFormat.Number(p.Value)));
                var why = outcome switch
                {
                    CheckOutcome.Equal => $"Gelijk: {partsText} = {DutchFormat.Number(sum)}.",
                    CheckOutcome.Rounding => $"{partsText} = {DutchFormat.Number(sum)}, gepubliceerd {DutchFormat.Number(total.Value)}: verklaarbaar door afronding " +
                                             $"(elk deel is afgerond op hele banen, dus ± {DutchFormat.Number(slack, 1)} samen).",
                    _ => $"Tegenstrijdig: {partsText} = {DutchFormat.Number(sum)}, gepubliceerd {DutchFormat.Number(total.Value)} ({DutchFormat.Number(diff)} verschil).",
                };
                var doc = documents is null ? null : PublishedSectorFigures.DocumentCited(documents, total.Source);
                yield return new ConsistencyCheck(Kind, doc ?? Document, year, ConsistencyChecker.National,
                    $"{what} {total.Period} (UWV-kwartaalrapportage)", formula, total.Value, sum, new ValueInterval(sum - slack, sum + slack), outcome, why, total.Source,
                    parts.Select(p => new CheckInput($"{p!.Sector.Dutch()} {p.Form.Dutch()} {p.Period}", p.Value, "banen", doc ?? Document, p.Source)).ToList());
            }
        }
        foreach (var change in quarters.Rows.Where(r => r.Quantity == QuarterlyFigures.IncreaseOnPreviousQuarter))
        {
            var (py, pq) = change.Quarter == 1 ? (change.Year - 1, 4) : (change.Year, change.Quarter - 1);
            var now = quarters.Find(change.Year, change.Quarter, change.Sector, change.Form, QuarterlyFigures.Increase);
            var before = quarters.Find(py, pq, change.Sector, change.Form, QuarterlyFigures.Increase);
            if (now is null || before is null) continue;
            var diff = now.Value - before.Value;
            const decimal slack = 1m; // two levels, each rounded to whole jobs
            var off = change.Value - diff;
            var outcome = off == 0 ? CheckOutcome.Equal : Math.Abs(off) <= slack ? CheckOutcome.Rounding : CheckOutcome.Substantive;
            var text = $"{DutchFormat.Number(now.Value)} − {DutchFormat.Number(before.Value)} = {DutchFormat.Number(diff)}";
            var why = outcome switch
            {
                CheckOutcome.Equal => $"Gelijk: {text}.",
                CheckOutcome.Rounding => $"{text}, gepubliceerd {DutchFormat.Number(change.Value)}: verklaarbaar door afronding (beide standen zijn afgerond op hele banen).",
                _ => $"Tegenstrijdig: {text}, gepubliceerd {DutchFormat.Number(change.Value)} ({DutchFormat.Number(off)} verschil).",
            };
            var doc = (documents is null ? null : PublishedSectorFigures.DocumentCited(documents, change.Source)) ?? Document;
            var what = $"{change.Sector.Dutch()} {change.Form.Dutch()}";
            yield return new ConsistencyCheck(ChangeKind, doc, change.Year, ConsistencyChecker.National,
                $"verandering {what} {change.Period} t.o.v. {py} K{pq} (UWV-kwartaalcijfers)", "stand − stand vorig kwartaal", change.Value, diff,
                new ValueInterval(diff - slack, diff + slack), outcome, why, change.Source,
                [new CheckInput($"{what} {now.Period}", now.Value, "banen", doc, now.Source), new CheckInput($"{what} {before.Period}", before.Value, "banen", doc, before.Source)]);
        }
    }
}
