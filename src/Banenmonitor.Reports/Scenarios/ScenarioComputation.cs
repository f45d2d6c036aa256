using Banenmonitor.Data;
using Banenmonitor.Data.Parameters;
using Banenmonitor.Data.Scenarios;
using Banenmonitor.Reports.Sectors;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Scenarios;
using Banenmonitor.Survey.Forecasts;

namespace Banenmonitor.Reports.Scenarios;

/// <summary>
/// A scenario computed the one way the CLI (<c>scenario bereken</c>) and the web (<c>/scenarios</c>, <c>/api/scenarios</c>)
/// both use, so they give the same answer for the same database: today's side with the parameters in force there
/// (<see cref="ParametersInForce"/>: built-in plus the administrator's stored values), the levy from the stored national
/// run, the sectors' realisation from the totals analysts approved where there is one (else the published figure), and
/// growth beside the statistical forecast. Without a database: built-in parameters, published figures, no levy.
/// </summary>
public static class ScenarioComputation
{
    public static async Task<ScenarioResult> ComputeAsync(BanenmonitorDbContext? db, ParametersInForce today, PublishedData published,
        Scenario scenario, int year, CancellationToken ct = default)
    {
        ScenarioLevyInput? levy = null;
        IReadOnlyList<ApprovedSectorTotal> approved = [];
        if (db is not null)
        {
            levy = await ScenarioStore.LevyInputAsync(db, today.Set, year, ct);
            approved = await ApprovedSectorTotalsAsync(db, year, ct);
        }
        return new ScenarioCalculator(today.Set, published).Compute(scenario, year, levy, ScenarioForecasts.Lookup(published, today.Set), approved,
            today.Description);
    }

    /// <summary>The sector totals analysts approved up to <paramref name="year"/>, with their source as the progress report names it.</summary>
    public static async Task<IReadOnlyList<ApprovedSectorTotal>> ApprovedSectorTotalsAsync(BanenmonitorDbContext db, int year, CancellationToken ct = default) =>
        (await SectorRegisterQuery.ApprovedUntilAsync(db, year, ct)).Select(c =>
        {
            var code = c.Sector!.Code;
            var name = PublicSectors.Find(code)?.Name ?? code;
            return new ApprovedSectorTotal(code, c.Year, c.Estimate, SectorRegisterEstimates.MethodDutch(c.Method),
                $"{SectorRegisterEstimates.MethodDutch(c.Method)}; {SectorEmployersReport.Source(name, c)}");
        }).ToList();
}
