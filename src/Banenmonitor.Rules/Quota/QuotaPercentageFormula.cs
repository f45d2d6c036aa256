using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Units;
using static Banenmonitor.Rules.Laws.LawCatalog;

namespace Banenmonitor.Rules.Quota;

/// <summary>Inputs of the quota percentage formula of Wfsv art. 38f lid 2 (as published by SZW).</summary>
/// <param name="Year">The quota year.</param>
/// <param name="BaselineJobsGovernment">Target-group jobs in the government sector at the baseline.</param>
/// <param name="TotalJobsGovernment">Total number of employee jobs (werknemersbanen) in the government sector.</param>
public sealed record QuotaPercentageInput(int Year, Jobs BaselineJobsGovernment, Jobs TotalJobsGovernment);

public sealed record QuotaPercentageResult(Percentage Computed, ParameterValue? Published, decimal? Difference, Trace Trace);

/// <summary>
/// Quota percentage = (baseline jobs + target extra jobs) × D ÷ (total jobs × E), where the target of year t is the
/// cumulative target of t−1 plus half of year t's increment; rounded down to 2 decimals (Wfsv art. 38f lid 2).
/// </summary>
public sealed class QuotaPercentageFormula(ParameterSet parameters)
{
    public QuotaPercentageResult Compute(QuotaPercentageInput input)
    {
        if (input.TotalJobsGovernment.Value <= 0) throw new ArgumentOutOfRangeException(nameof(input), "Totaal aantal banen moet groter dan nul zijn.");
        var y = input.Year;
        var trace = new Trace();
        var q = QuotaParameters.For(parameters, y, trace);
        var qPrev = QuotaParameters.For(parameters, y - 1, trace);
        var tPrev = qPrev.TargetGovernment.Value;
        var target = tPrev + (q.TargetGovernment.Value - tPrev) / 2m;
        trace.Add($"Doelstelling voor {y}: cumulatieve doelstelling {y - 1} plus de helft van de toename in {y}",
            "doel = doel(t−1) + (doel(t) − doel(t−1)) ÷ 2", target, "banen", legal: [Wfsv.Article("38f", "2")]);
        var raw = (input.BaselineJobsGovernment.Value + target) * q.HoursPerJob.Value / (input.TotalJobsGovernment.Value * q.AverageHoursPerEmployee.Value) * 100m;
        var pct = LegalRounding.Down(raw, q.PercentageDecimals);
        trace.Add("Quotumpercentage: (banen nulmeting + doel) × D ÷ (totaal banen × E), naar beneden afgerond",
            "B = (nulmeting + doel) × D ÷ (totaal banen × E)", pct, "%",
            [new("banen nulmeting overheid", input.BaselineJobsGovernment.Value, "banen"), new("doel", target, "banen"),
             new("totaal banen overheid", input.TotalJobsGovernment.Value, "banen"), new("onafgerond", raw, "%")],
            legal: [Wfsv.Article("38f", "2"), BesluitWfsv.Article("2.22")]);
        var published = q.PublishedQuotaPercentage;
        decimal? diff = published is null ? null : pct - published.Required;
        if (published is not null)
            trace.Add($"Vergelijking met het gepubliceerde quotumpercentage {y}", "berekend − gepubliceerd", diff, "procentpunt",
                [new("berekend", pct, "%")]);
        return new(new Percentage(pct), published, diff, trace);
    }
}
