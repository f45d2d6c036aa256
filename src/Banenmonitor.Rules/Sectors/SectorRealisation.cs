using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Rules.Sectors;

/// <summary>Realisation of a public sector against its target, with and without SROI/procurement jobs.</summary>
public sealed record SectorRealisationResult(Jobs Target, Jobs Realised, Jobs? SroiJobs, Percentage Percentage, Percentage? PercentageIncludingSroi, Trace Trace);

public static class SectorRealisation
{
    /// <summary>Realisation percentage = realised ÷ target × 100; including SROI = (realised + SROI) ÷ target × 100.</summary>
    public static SectorRealisationResult Compute(Jobs target, Jobs realised, Jobs? sroi = null)
    {
        if (target.Value <= 0) throw new ArgumentOutOfRangeException(nameof(target), "Het doel moet groter dan nul zijn.");
        if (realised.Value < 0 || sroi is { Value: < 0 }) throw new ArgumentOutOfRangeException(nameof(realised), "Aantallen banen kunnen niet negatief zijn.");
        var trace = new Trace();
        var pct = realised.Value / target.Value * 100m;
        trace.Add("Realisatiepercentage: realisatie gedeeld door doel", "realisatie ÷ doel × 100", pct, "%",
            [new("realisatie", realised.Value, "fta"), new("doel", target.Value, "fta")]);
        Percentage? incl = null;
        if (sroi is { } s)
        {
            var p2 = (realised.Value + s.Value) / target.Value * 100m;
            incl = new Percentage(p2);
            trace.Add("Realisatiepercentage inclusief SROI/inkoop", "(realisatie + SROI) ÷ doel × 100", p2, "%",
                [new("realisatie", realised.Value, "fta"), new("SROI/inkoop", s.Value, "fta"), new("doel", target.Value, "fta")],
                note: "Onder de huidige wet tellen SROI-banen bij de leverancier (sector markt), niet bij de aanbestedende overheid.");
        }
        return new(target, realised, sroi, new Percentage(pct), incl, trace);
    }
}
