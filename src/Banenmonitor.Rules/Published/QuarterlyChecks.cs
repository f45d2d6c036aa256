using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Rules.Published;

/// <summary>
/// The <c>controle</c> checks of the UWV quarterly reports (<see cref="QuarterlyFigures"/>): per quarter, the formal jobs of
/// market and government against their published total, and formal plus hired-in jobs against the published total. Each
/// part is published as a whole number of jobs (rounded from hours ÷ 1.331), so a sum may differ by half a job per part
/// (<see cref="CheckOutcome.Rounding"/>); more is a substantive finding. Sector <see cref="ConsistencyChecker.National"/>.
/// </summary>
public static class QuarterlyChecks
{
    public const string Kind = "kwartaalsom";
    /// <summary>The document of the quarterly reports in <c>documenten.csv</c>.</summary>
    public const string Document = "uwv_trendrapportage";

    public static IEnumerable<ConsistencyCheck> Check(QuarterlyFigures quarters, IReadOnlyList<PublishedDocument>? documents)
    {
        foreach (var (year, quarter) in quarters.Quarters)
        {
            QuarterlyFigure? F(MeasurementSector s, EmploymentForm f) => quarters.Find(year, quarter, s, f, QuarterlyFigures.Increase);
            var sums = new[]
            {
                ("formele banen", "markt + overheid", F(MeasurementSector.Total, EmploymentForm.Formal),
                    new[] { F(MeasurementSector.Market, EmploymentForm.Formal), F(MeasurementSector.Government, EmploymentForm.Formal) }),
                ("banen totaal", "formeel + inleen", F(MeasurementSector.Total, EmploymentForm.Total),
                    new[] { F(MeasurementSector.Total, EmploymentForm.Formal), F(MeasurementSector.Total, EmploymentForm.HiredIn) }),
            };
            foreach (var (what, formula, total, parts) in sums)
            {
                if (total is null || parts.Any(p => p is null)) continue;
                var sum = parts.Sum(p => p!.Value);
                var slack = 0.5m * parts.Length;
                var diff = total.Value - sum;
                var outcome = diff == 0 ? CheckOutcome.Equal : Math.Abs(diff) <= slack ? CheckOutcome.Rounding : CheckOutcome.Substantive;
                var partsText = string.Join(" + ", parts.Select(p => DutchFormat.Number(p!.Value)));
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
    }
}
